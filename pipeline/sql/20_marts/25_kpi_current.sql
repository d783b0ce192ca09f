-- One row per target × scope: where it stands now (its latest period with a figure) and how it
-- stood at its deadline (final attainment), for the pages and the bulletin.
create or replace table kpi_current as
with status as (
  select * from kpi_status
),
latest as (
  select *, row_number() over (
    partition by target_id, scope_code order by (actual is not null) desc, period desc
  ) as recency
  from status
),
shapes as (
  select target_id, target_shape from targets
),
settled as (
  -- a reach target is settled by its deadline's period; a hold by every year up to the deadline,
  -- each of which must have met it; a window by its closing
  select s.*, sh.target_shape
  from status s
  join shapes sh using (target_id)
  where s.is_final and s.period <= date_trunc('month', s.deadline)
),
at_deadline as (
  select target_id, scope_code,
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
  group by target_id, scope_code, target_shape
),
first_met as (
  select target_id, scope_code, min(period) as met_period
  from status
  where status = 'met'
  group by all
),
final as (
  select
    l.target_id, l.indicator_id, l.scope_code,
    l.period as latest_period, l.actual, l.target_value, l.deadline, l.expected_value, l.pct_of_target, l.gap,
    l.status, l.status_zh, l.forecast_at_deadline, l.forecast_status, l.forecast_status_zh,
    d.deadline_period, d.deadline_actual, d.deadline_status, d.periods_missed,
    (select zh from vocabulary v where v.domain = 'deadline_status' and v.code = d.deadline_status) as deadline_status_zh,
    m.met_period,
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
  left join at_deadline d using (target_id, scope_code)
  left join first_met m using (target_id, scope_code)
  where l.recency = 1
)
select *,
  (select zh from vocabulary v where v.domain = 'deadline_result' and v.code = deadline_result) as deadline_result_zh
from final
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
