-- The reporting matrix and its ranking: per unit × report month, summed over policy areas, with
-- the one state a cell shows (未到期 before its due moment; 漏报 when a figure is missing; 迟报 when
-- one came late; 按时; none when nothing was owed), and per unit the late and missing figures of the
-- latest month due and of its year so far, in the order the office chases them (most first).
create or replace table rpt_reporting_cells as
with params as (
  select * from build_params
),
summed as (
  select unit_code, period,
    cast(sum(expected) as integer) as expected, cast(sum(on_time) as integer) as on_time,
    cast(sum(late) as integer) as late, cast(sum(missing) as integer) as missing,
    cast(sum(not_due) as integer) as not_due, min(due_by) as due_by
  from reporting_completeness
  group by all
),
final as (
  select s.*,
    -- before the due moment nothing is missing or late: a cell is 未到期 while any figure is still
    -- to come, 按时 once all of them came early
    case
      when s.expected = 0 then 'none'
      when s.not_due > 0 then 'not_due'
      when s.missing > 0 then 'missing'
      when s.late > 0 then 'late'
      else 'on_time'
    end as state
  from summed s
  cross join params p
)
select * from final
order by unit_code, period;
comment on table rpt_reporting_cells is '报送矩阵 Per unit × report month, summed over policy areas, with the state its cell shows';
comment on column rpt_reporting_cells.unit_code is 'counties.unit_code';
comment on column rpt_reporting_cells.period is '报送月份 reporting_completeness.period';
comment on column rpt_reporting_cells.expected is '应报';
comment on column rpt_reporting_cells.on_time is '按时';
comment on column rpt_reporting_cells.late is '迟报';
comment on column rpt_reporting_cells.missing is '漏报';
comment on column rpt_reporting_cells.not_due is '未到期';
comment on column rpt_reporting_cells.due_by is '报送时限';
comment on column rpt_reporting_cells.state is 'none (nothing owed), not_due (a figure still to come before the due moment), missing (any figure missing), late (any late), on_time (all in by the due moment, or early) — vocabulary report_status';

create or replace table rpt_reporting_ranking as
with due as (
  select max(report_month) as month from stg_periods where is_due
),
per_unit as (
  select c.unit_code, c.period, c.expected, c.late, c.missing
  from rpt_reporting_cells c
  cross join due
  where c.period <= due.month and year(c.period) = year(due.month)
),
totals as (
  select p.unit_code, any_value(due.month) as month,
    cast(coalesce(sum(p.expected) filter (where p.period = due.month), 0) as integer) as month_expected,
    cast(coalesce(sum(p.late) filter (where p.period = due.month), 0) as integer) as month_late,
    cast(coalesce(sum(p.missing) filter (where p.period = due.month), 0) as integer) as month_missing,
    cast(sum(p.expected) as integer) as year_expected,
    cast(sum(p.late) as integer) as year_late,
    cast(sum(p.missing) as integer) as year_missing
  from per_unit p
  cross join due
  group by all
),
final as (
  select t.*, c.sort_order,
    cast(row_number() over (
      order by t.month_late + t.month_missing desc, t.year_late + t.year_missing desc, c.sort_order) as integer) as position
  from totals t
  join counties c using (unit_code)
  where t.month_expected > 0 or t.year_expected > 0
)
select * from final
order by position;
comment on table rpt_reporting_ranking is '迟报漏报排名 Per unit: late and missing figures of the latest month due and of its year up to it, most first';
comment on column rpt_reporting_ranking.unit_code is 'counties.unit_code';
comment on column rpt_reporting_ranking.month is '报送月份 The latest report month due';
comment on column rpt_reporting_ranking.month_expected is '应报 that month';
comment on column rpt_reporting_ranking.month_late is '迟报 that month';
comment on column rpt_reporting_ranking.month_missing is '漏报 that month';
comment on column rpt_reporting_ranking.year_expected is '应报 from January to that month';
comment on column rpt_reporting_ranking.year_late is '迟报 from January to that month';
comment on column rpt_reporting_ranking.year_missing is '漏报 from January to that month';
comment on column rpt_reporting_ranking.sort_order is 'Official order (the last tie-break)';
comment on column rpt_reporting_ranking.position is '序号 By late + missing that month, then that year, then official order';
