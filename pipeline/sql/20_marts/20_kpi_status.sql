-- Targets against actuals: one row per numeric target × scope × period of the indicator's
-- frequency, from the plan start to the as-of month (hold-every-period targets: to the deadline).
create or replace table kpi_status as
with params as (
  select * from build_params
),
calendar as (
  select cast(unnest(generate_series(plan_start, as_of_month, interval 1 month)) as date) as period
  from params
),
targets as (
  select t.*, i.frequency, i.time_aggregation
  from targets t
  join indicators i using (indicator_id)
  where t.comparator in ('>=', '<=') and i.reported and i.unit_aggregation = 'sum'
),
target_periods as (
  select t.*, c.period,
    -- share of the period's year elapsed at the period's end, for year-to-date flows
    case t.frequency when 'monthly' then month(c.period) when 'quarterly' then month(c.period) + 2 else 12 end / 12.0 as year_share
  from targets t
  cross join calendar c
  where (t.frequency = 'monthly'
      or (t.frequency = 'quarterly' and month(c.period) in (1, 4, 7, 10))
      or (t.frequency = 'annual' and month(c.period) = 1))
    and (t.target_shape <> 'hold_every_period' or year(c.period) <= year(t.deadline))
    and (t.start_date is null or c.period >= date_trunc('month', t.start_date))
),
baselines as (
  -- the 2019 value where reported, else the first report
  select indicator_id, scope_code,
    arg_max(actual, period) filter (where year(period) = 2019) as value_2019,
    arg_min(actual, period) as first_value,
    min(period) as first_period
  from indicator_actuals
  group by all
),
joined as (
  select tp.*, a.actual, a.units_reported,
    case when tp.target_shape = 'reach_by_deadline'
      then coalesce(b.value_2019, b.first_value) end as baseline,
    case when b.value_2019 is not null then date '2019-12-01' else b.first_period end as baseline_period
  from target_periods tp
  left join indicator_actuals a
    on a.indicator_id = tp.indicator_id and a.scope_code = tp.scope_code and a.period = tp.period
  left join baselines b on b.indicator_id = tp.indicator_id and b.scope_code = tp.scope_code
),
expected as (
  select *,
    case
      when target_shape = 'hold_every_period' and time_aggregation = 'flow_ytd' then target_value * year_share
      when target_shape = 'hold_every_period' then target_value
      when baseline is null then null
      when period >= date_trunc('month', deadline) then target_value
      else baseline + (target_value - baseline)
        * greatest(date_diff('month', baseline_period, period), 0)
        / greatest(date_diff('month', baseline_period, date_trunc('month', deadline)), 1)
    end as expected_value,
    -- a period whose result is final: a completed year of a hold, or the deadline's period and after
    case when target_shape = 'hold_every_period' and time_aggregation = 'flow_ytd' then year_share = 1
      else period >= date_trunc('month', deadline) end as is_final
  from joined
),
classified as (
  select e.*,
    case
      when actual is null then 'no_data'
      when comparator = '>=' and actual >= target_value then 'met'
      when comparator = '<=' and actual <= target_value then 'met'
      when is_final then 'missed'
      when expected_value is null then 'no_data'
      when comparator = '>=' and actual >= expected_value then 'on_track'
      when comparator = '<=' and actual <= expected_value then 'on_track'
      when abs(actual - expected_value)
        <= p.tolerance * abs(expected_value - coalesce(baseline, 0)) then 'at_risk'
      else 'off_track'
    end as status
  from expected e
  cross join params p
),
final as (
  select
    target_id, indicator_id, scope_code, period,
    cast(actual as decimal(20, 6)) as actual,
    cast(baseline as decimal(20, 6)) as baseline,
    target_value, deadline,
    cast(round(expected_value, 6) as decimal(20, 6)) as expected_value,
    case when target_value <> 0 and actual is not null then cast(actual as double) / cast(target_value as double) end as pct_of_target,
    cast(actual - expected_value as decimal(20, 6)) as gap,
    is_final,
    status,
    case status
      when 'met' then '已达标' when 'on_track' then '正常' when 'at_risk' then '关注'
      when 'off_track' then '滞后' when 'missed' then '逾期未达标' else '无数据'
    end as status_zh
  from classified
)
select * from final
order by target_id, scope_code, period;
comment on table kpi_status is '目标进度 Each numeric target against its actual, per scope and period, as of the build';
comment on column kpi_status.target_id is 'targets.target_id';
comment on column kpi_status.indicator_id is 'indicators.indicator_id';
comment on column kpi_status.scope_code is 'The unit (counties.unit_code); 211400 for the city';
comment on column kpi_status.period is 'First day of the period (of the indicator''s frequency)';
comment on column kpi_status.actual is '实绩 indicator_actuals.actual for the scope and period; year-to-date for flows';
comment on column kpi_status.baseline is '基期值 reach_by_deadline only: the 2019 value where reported, else the first report';
comment on column kpi_status.target_value is '目标值 targets.target_value (base units)';
comment on column kpi_status.deadline is '完成时限 targets.deadline';
comment on column kpi_status.expected_value is '序时进度 Expected value: hold of a flow: target × share of the year elapsed; hold of a stock: target; reach_by_deadline: baseline + (target − baseline) × months since baseline / months from baseline to deadline';
comment on column kpi_status.pct_of_target is '完成率 actual / target_value';
comment on column kpi_status.gap is '差距 actual − expected_value (negative: behind)';
comment on column kpi_status.is_final is 'True when the period settles the target: a complete year of a hold, or the deadline''s period and after';
comment on column kpi_status.status is 'met, on_track, at_risk, off_track, missed, no_data';
comment on column kpi_status.status_zh is '状态 已达标 (actual meets the target), 正常 (meets the expected value), 关注 (short of it by at most tolerance × expected increment), 滞后 (further behind), 逾期未达标 (final period, not met), 无数据 (no report)';
