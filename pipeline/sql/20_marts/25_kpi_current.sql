-- One row per target × scope at every moment of stg_moments: where it stood then (its latest period
-- with a figure) and how it stood at its deadline (final attainment), for the pages and the
-- bulletin. Read from the intervals of kpi_status_moments: what stands at a moment is what began by
-- then and had not ended. kpi_current is the build's own moment of it, with the forecast.
create or replace table kpi_current_moments as
with status as (
  select * from kpi_status_moments
),
shapes as (
  select target_id, target_shape from targets
),
target_scopes as (
  -- each target × scope from the moment its first period falls due
  select target_id, scope_code, any_value(indicator_id) as indicator_id, min(valid_from) as from_moment
  from status
  group by all
),
grid as (
  select ts.*, m.as_of_month as moment
  from target_scopes ts
  join stg_moments m on m.as_of_month >= ts.from_moment
),
due_periods as (
  -- the latest period due at each moment: each period's rows begin when it falls due
  select target_id, scope_code, valid_from, max(max(period)) over w as period
  from (select target_id, scope_code, period, min(valid_from) as valid_from from status group by all)
  group by target_id, scope_code, valid_from
  window w as (partition by target_id, scope_code order by valid_from rows between unbounded preceding and current row)
),
figures_kept as (
  -- the latest period with a figure: among the rows that keep theirs to the build's moment, the
  -- latest begun by then; among the rows replaced later, the latest standing then
  select target_id, scope_code, valid_from, max(max(period)) over w as period
  from status
  where actual is not null and valid_to is null
  group by target_id, scope_code, valid_from
  window w as (partition by target_id, scope_code order by valid_from rows between unbounded preceding and current row)
),
figures_replaced as (
  select g.target_id, g.scope_code, g.moment, max(s.period) as period
  from grid g
  join status s on s.target_id = g.target_id and s.scope_code = g.scope_code
    and s.valid_from <= g.moment and s.valid_to > g.moment
  where s.actual is not null
  group by all
),
met_kept as (
  -- the first period met, likewise
  select target_id, scope_code, valid_from, min(min(period)) over w as period
  from status
  where status = 'met' and valid_to is null
  group by target_id, scope_code, valid_from
  window w as (partition by target_id, scope_code order by valid_from rows between unbounded preceding and current row)
),
met_replaced as (
  select g.target_id, g.scope_code, g.moment, min(s.period) as period
  from grid g
  join status s on s.target_id = g.target_id and s.scope_code = g.scope_code
    and s.valid_from <= g.moment and s.valid_to > g.moment
  where s.status = 'met'
  group by all
),
picked as (
  select g.target_id, g.scope_code, g.moment,
    coalesce(greatest(fk.period, fr.period), dp.period) as latest_period,
    least(mk.period, mr.period) as met_period
  from grid g
  asof left join due_periods dp
    on dp.target_id = g.target_id and dp.scope_code = g.scope_code and dp.valid_from <= g.moment
  asof left join figures_kept fk
    on fk.target_id = g.target_id and fk.scope_code = g.scope_code and fk.valid_from <= g.moment
  left join figures_replaced fr
    on fr.target_id = g.target_id and fr.scope_code = g.scope_code and fr.moment = g.moment
  asof left join met_kept mk
    on mk.target_id = g.target_id and mk.scope_code = g.scope_code and mk.valid_from <= g.moment
  left join met_replaced mr
    on mr.target_id = g.target_id and mr.scope_code = g.scope_code and mr.moment = g.moment
),
latest as (
  select p.moment, p.met_period, s.*
  from picked p
  -- the row standing then: the latest begun by then
  asof join status s on s.target_id = p.target_id and s.scope_code = p.scope_code and s.period = p.latest_period
    and s.valid_from <= p.moment
),
settled as (
  -- a reach target is settled by its deadline's period; a hold by every year up to the deadline,
  -- each of which must have met it; a window by its closing
  select g.moment, s.*, sh.target_shape
  from status s
  join shapes sh using (target_id)
  join grid g on g.target_id = s.target_id and g.scope_code = s.scope_code
    and s.valid_from <= g.moment and (s.valid_to is null or s.valid_to > g.moment)
  where s.is_final and s.period <= date_trunc('month', s.deadline)
),
at_deadline as (
  select target_id, scope_code, moment,
    case
      when target_shape = 'hold_every_period' then
        case when count(*) filter (where status = 'missed') > 0 then 'missed'
          when count(*) filter (where status = 'no_data') > 0 then 'no_data'
          else 'met' end
      else arg_max(status, period)
    end as deadline_status,
    arg_max(actual, period) as deadline_actual,
    max(period) as deadline_period,
    cast(count(*) filter (where status = 'missed') as integer) as periods_missed
  from settled
  group by target_id, scope_code, moment, target_shape
),
final as (
  select
    l.moment as as_of_month,
    l.target_id, l.indicator_id, l.scope_code,
    l.period as latest_period, l.actual, l.target_value, l.deadline, l.expected_value, l.pct_of_target, l.gap,
    l.status, l.status_zh,
    d.deadline_period, d.deadline_actual, d.deadline_status, d.periods_missed,
    (select zh from vocabulary v where v.domain = 'deadline_status' and v.code = d.deadline_status) as deadline_status_zh,
    l.met_period,
    -- what the deadline's result means for each shape: a reach missed at its deadline may be met
    -- since; a hold that missed a year can never be met late, only not met every year
    case
      when d.deadline_status is null then null
      when d.deadline_status in ('met', 'no_data') then d.deadline_status
      when sh.target_shape = 'hold_every_period' then 'missed_years'
      when sh.target_shape = 'reach_by_deadline' and l.status = 'met' then 'met_late'
      else 'missed'
    end as deadline_result
  from latest l
  join shapes sh using (target_id)
  left join at_deadline d using (target_id, scope_code, moment)
)
select *,
  (select zh from vocabulary v where v.domain = 'deadline_result' and v.code = deadline_result) as deadline_result_zh
from final;
comment on table kpi_current_moments is '目标现状历史 Each target × scope at every moment of stg_moments: its latest period with a figure then, and at its deadline';
comment on column kpi_current_moments.as_of_month is 'stg_moments.as_of_month';
comment on column kpi_current_moments.target_id is 'targets.target_id';
comment on column kpi_current_moments.indicator_id is 'indicators.indicator_id';
comment on column kpi_current_moments.scope_code is 'counties.unit_code; 211400 for the city';
comment on column kpi_current_moments.latest_period is '最新统计期 The latest period with a figure (the latest period when there is none)';
comment on column kpi_current_moments.actual is '实绩 kpi_status_moments.actual at latest_period, then';
comment on column kpi_current_moments.target_value is '目标值 targets.target_value';
comment on column kpi_current_moments.deadline is '完成时限 targets.deadline';
comment on column kpi_current_moments.expected_value is '序时进度 kpi_status_moments.expected_value at latest_period, then';
comment on column kpi_current_moments.pct_of_target is '完成率 kpi_status_moments.pct_of_target at latest_period, then';
comment on column kpi_current_moments.gap is '差距 kpi_status_moments.gap at latest_period, then';
comment on column kpi_current_moments.status is 'kpi_status_moments.status at latest_period, then';
comment on column kpi_current_moments.status_zh is '状态 kpi_status_moments.status_zh at latest_period, then';
comment on column kpi_current_moments.deadline_period is 'The period that settled the target at its deadline (the last one, for a hold); null before the deadline';
comment on column kpi_current_moments.deadline_actual is '到期实绩 The actual in that period';
comment on column kpi_current_moments.deadline_status is 'met or missed by the deadline (a hold: met only when every year up to the deadline met it), no_data';
comment on column kpi_current_moments.periods_missed is '未达标期数 For a hold, how many settled periods (years) missed it';
comment on column kpi_current_moments.deadline_status_zh is '到期结果 按期达标, 未按期达标 or 无数据 (vocabulary, domain deadline_status); null before the deadline, like deadline_status';
comment on column kpi_current_moments.met_period is '首次达标 The first period whose status is met (may be after the deadline)';
comment on column kpi_current_moments.deadline_result is 'The deadline''s result by shape: met; met_late (a reach missed at its deadline, met now); missed (a reach not met now, a window missed); missed_years (a hold that missed a year up to its deadline); no_data; null before the deadline';
comment on column kpi_current_moments.deadline_result_zh is '到期结果 按期达标, 逾期达标, 逾期未达标, 部分年度未达标 or 无数据';

create or replace table kpi_current as
with current as (
  select c.* exclude (as_of_month)
  from kpi_current_moments c
  join stg_moments m on m.as_of_month = c.as_of_month and m.is_latest
),
final as (
  select
    c.target_id, c.indicator_id, c.scope_code,
    c.latest_period, c.actual, c.target_value, c.deadline, c.expected_value, c.pct_of_target, c.gap,
    c.status, c.status_zh, s.forecast_at_deadline, s.forecast_status, s.forecast_status_zh,
    c.deadline_period, c.deadline_actual, c.deadline_status, c.periods_missed, c.deadline_status_zh,
    c.met_period, c.deadline_result, c.deadline_result_zh
  from current c
  join kpi_status s on s.target_id = c.target_id and s.scope_code = c.scope_code and s.period = c.latest_period
)
select * from final
order by target_id, scope_code;
comment on table kpi_current is '目标现状 Each target × scope now (its latest period with a figure) and at its deadline';
comment on column kpi_current.target_id is 'targets.target_id';
comment on column kpi_current.indicator_id is 'indicators.indicator_id';
comment on column kpi_current.scope_code is 'counties.unit_code; 211400 for the city';
comment on column kpi_current.latest_period is '最新统计期 The latest period with a figure (the latest period when there is none)';
comment on column kpi_current.actual is '实绩 kpi_status.actual at latest_period';
comment on column kpi_current.target_value is '目标值 targets.target_value';
comment on column kpi_current.deadline is '完成时限 targets.deadline';
comment on column kpi_current.expected_value is '序时进度 kpi_status.expected_value at latest_period';
comment on column kpi_current.pct_of_target is '完成率 kpi_status.pct_of_target at latest_period';
comment on column kpi_current.gap is '差距 kpi_status.gap at latest_period';
comment on column kpi_current.status is 'kpi_status.status at latest_period';
comment on column kpi_current.status_zh is '状态 kpi_status.status_zh at latest_period';
comment on column kpi_current.forecast_at_deadline is '预测值 kpi_status.forecast_at_deadline at latest_period';
comment on column kpi_current.forecast_status is 'kpi_status.forecast_status at latest_period';
comment on column kpi_current.forecast_status_zh is '预测 kpi_status.forecast_status_zh at latest_period';
comment on column kpi_current.deadline_period is 'The period that settled the target at its deadline (the last one, for a hold); null before the deadline';
comment on column kpi_current.deadline_actual is '到期实绩 The actual in that period';
comment on column kpi_current.deadline_status is 'met or missed by the deadline (a hold: met only when every year up to the deadline met it), no_data';
comment on column kpi_current.periods_missed is '未达标期数 For a hold, how many settled periods (years) missed it';
comment on column kpi_current.deadline_status_zh is '到期结果 按期达标, 未按期达标 or 无数据 (vocabulary, domain deadline_status); null before the deadline, like deadline_status';
comment on column kpi_current.met_period is '首次达标 The first period whose status is met (may be after the deadline)';
comment on column kpi_current.deadline_result is 'The deadline''s result by shape: met; met_late (a reach missed at its deadline, met now); missed (a reach not met now, a window missed); missed_years (a hold that missed a year up to its deadline); no_data; null before the deadline';
comment on column kpi_current.deadline_result_zh is '到期结果 按期达标, 逾期达标, 逾期未达标, 部分年度未达标 or 无数据';
