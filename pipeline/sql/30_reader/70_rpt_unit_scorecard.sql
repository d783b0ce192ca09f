-- One row per reporting unit (not the city): its targets counted by status (its own and the city's
-- rate targets evaluated for it), its overdue tasks, the late and missing figures of the latest
-- report month due, and the bulletin's score and rank: the share of its targets with a figure that
-- are met or on track, highest first; ties broken by fewer missing, then fewer late figures.
create or replace table rpt_unit_scorecard as
with units as (
  select unit_code, name_zh, sort_order from counties where unit_code <> '211400'
),
targets_now as (
  select scope_code as unit_code,
    cast(count(*) as integer) as targets,
    cast(count(*) filter (where status = 'met') as integer) as met,
    cast(count(*) filter (where status = 'on_track') as integer) as on_track,
    cast(count(*) filter (where status = 'at_risk') as integer) as at_risk,
    cast(count(*) filter (where status = 'off_track') as integer) as off_track,
    cast(count(*) filter (where status = 'missed') as integer) as missed,
    cast(count(*) filter (where status = 'no_data') as integer) as no_data
  from kpi_current
  group by all
),
tasks_now as (
  select scope_code as unit_code, cast(count(*) filter (where status = 'overdue') as integer) as overdue_tasks
  from milestone_status
  group by all
),
due as (
  select max(report_month) as period from stg_periods where is_due
),
reporting as (
  select r.unit_code, any_value(r.period) as report_month,
    cast(sum(r.expected) as integer) as reports_expected,
    cast(sum(r.late) as integer) as reports_late,
    cast(sum(r.missing) as integer) as reports_missing
  from reporting_completeness r
  where r.period = (select period from due)
  group by all
),
joined as (
  select u.unit_code, u.name_zh, u.sort_order,
    coalesce(t.targets, 0) as targets, coalesce(t.met, 0) as met, coalesce(t.on_track, 0) as on_track,
    coalesce(t.at_risk, 0) as at_risk, coalesce(t.off_track, 0) as off_track, coalesce(t.missed, 0) as missed,
    coalesce(t.no_data, 0) as no_data, coalesce(k.overdue_tasks, 0) as overdue_tasks,
    r.report_month, coalesce(r.reports_expected, 0) as reports_expected,
    coalesce(r.reports_late, 0) as reports_late, coalesce(r.reports_missing, 0) as reports_missing
  from units u
  left join targets_now t using (unit_code)
  left join tasks_now k using (unit_code)
  left join reporting r using (unit_code)
),
scored as (
  select *,
    case when targets - no_data > 0 then cast(met + on_track as double) / (targets - no_data) end as score
  from joined
),
final as (
  select *,
    case when score is not null then cast(rank() over (
      partition by score is null order by score desc, reports_missing, reports_late) as integer) end as score_rank
  from scored
)
select * from final
order by sort_order;
comment on table rpt_unit_scorecard is '县区记分卡 Per reporting unit: targets by status, overdue tasks, the latest due month''s late and missing figures, and the bulletin''s score and rank';
comment on column rpt_unit_scorecard.unit_code is 'counties.unit_code';
comment on column rpt_unit_scorecard.name_zh is 'counties.name_zh';
comment on column rpt_unit_scorecard.sort_order is 'Official order';
comment on column rpt_unit_scorecard.targets is '目标数 kpi_current rows of the unit (its own targets and the city''s rate targets evaluated for it)';
comment on column rpt_unit_scorecard.met is '已达标';
comment on column rpt_unit_scorecard.on_track is '正常';
comment on column rpt_unit_scorecard.at_risk is '关注';
comment on column rpt_unit_scorecard.off_track is '滞后';
comment on column rpt_unit_scorecard.missed is '逾期未达标';
comment on column rpt_unit_scorecard.no_data is '无数据';
comment on column rpt_unit_scorecard.overdue_tasks is '逾期任务 milestone_status rows of the unit that are overdue';
comment on column rpt_unit_scorecard.report_month is '报送月份 The latest report month due (null before the first)';
comment on column rpt_unit_scorecard.reports_expected is '应报 That month, summed over policy areas';
comment on column rpt_unit_scorecard.reports_late is '迟报 That month';
comment on column rpt_unit_scorecard.reports_missing is '漏报 That month';
comment on column rpt_unit_scorecard.score is '达标及正常占比 (met + on_track) / (targets − no_data); null without a figure';
comment on column rpt_unit_scorecard.score_rank is '排名 By score, highest first; ties broken by fewer missing, then fewer late figures (equal on all three: the same rank)';
