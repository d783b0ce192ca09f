-- Targets against actuals: one row per measured target × scope × period of the indicator's
-- frequency, from the plan start to the as-of month. Measured: a number (>=, <=), a rule (= 0
-- violations: a window or a prohibition) and a direction (increase, decrease: better than the
-- baseline, which stands in for the target). Scopes: the target's own unit; a city-wide
-- rate target applies to every unit that reports the rate as well (unless the catalogue sets
-- that unit a target of its own for the same indicator).
create or replace table kpi_status as
with params as (
  select * from build_params
),
numeric_targets as (
  select t.*, i.frequency, i.time_aggregation, i.unit_aggregation,
    coalesce(i.numerator_id, i.indicator_id) as duty_indicator,
    case i.frequency when 'monthly' then 1 when 'quarterly' then 3 else 12 end as period_months
  from targets t
  join indicators i using (indicator_id)
  where t.comparator in ('>=', '<=', '=') and t.target_value is not null
    or t.comparator in ('increase', 'decrease')
),
scopes as (
  select target_id, scope_code from numeric_targets
  union all
  select t.target_id, d.unit_code
  from numeric_targets t
  join reporting_duties d on d.indicator_id = t.duty_indicator
  where t.scope_code = '211400' and t.unit_aggregation = 'ratio_of_sums' and d.unit_code <> '211400'
    and not exists (select 1 from targets u where u.indicator_id = t.indicator_id and u.scope_code = d.unit_code)
),
target_periods as (
  select t.* exclude (scope_code), s.scope_code, p.period,
    (month(p.period) + t.period_months - 1) / 12.0 as year_share,
    -- dates on the path are taken at the period's last month: an annual figure stands for December
    cast(p.period + to_months(t.period_months - 1) as date) as period_end
  from numeric_targets t
  join scopes s using (target_id)
  join stg_periods p on p.frequency = t.frequency and p.is_due
  cross join params
  where p.period >= params.plan_start
    -- the period ends after the target starts
    and (t.start_date is null or p.period + to_months(t.period_months) > t.start_date)
    and case t.target_shape
      when 'hold_every_period' then year(p.period) <= year(t.deadline)
      when 'window' then p.period <= t.deadline
      else true
    end
),
baselines as (
  -- the 2019 value where reported, else the first report in the plan
  select a.indicator_id, a.scope_code,
    arg_max(a.actual, a.period) filter (where year(a.period) = year(params.plan_start) - 1) as value_before,
    max(a.period) filter (where year(a.period) = year(params.plan_start) - 1) as period_before,
    arg_min(a.actual, a.period) filter (where a.period >= params.plan_start) as first_value,
    min(a.period) filter (where a.period >= params.plan_start) as first_period
  from indicator_actuals a
  cross join params
  where a.actual is not null
  group by all
),
window_bases as (
  -- a moratorium counts what happened inside its window: year to date at its end, less year to
  -- date the month before it opened (nothing before January)
  select t.target_id, s.scope_code, coalesce(a.actual, 0) as value
  from numeric_targets t
  join scopes s using (target_id)
  left join indicator_actuals a
    on a.indicator_id = t.indicator_id and a.scope_code = s.scope_code
    and a.period = date_trunc('month', t.start_date) - interval 1 month
    and year(a.period) = year(t.start_date)
  where t.target_shape = 'window'
),
joined as (
  select tp.*,
    a.actual - coalesce(w.value, 0) as actual,
    a.units_reported, a.units_expected, a.units_incomplete,
    case
      when tp.target_shape = 'reach_by_deadline' then coalesce(b.value_before, b.first_value)
      when tp.target_shape = 'window' then 0
    end as baseline,
    cast(coalesce(b.period_before, b.first_period) + to_months(tp.period_months - 1) as date) as baseline_period
  from target_periods tp
  left join indicator_actuals a
    on a.indicator_id = tp.indicator_id and a.scope_code = tp.scope_code and a.period = tp.period
  left join baselines b on b.indicator_id = tp.indicator_id and b.scope_code = tp.scope_code
  left join window_bases w on w.target_id = tp.target_id and w.scope_code = tp.scope_code
),
expected as (
  select *,
    case
      when comparator in ('increase', 'decrease') then baseline
      when target_shape = 'hold_every_period' and time_aggregation = 'flow_ytd' then target_value * year_share
      when target_shape in ('hold_every_period', 'window') then target_value
      when baseline is null then null
      when period_end >= date_trunc('month', deadline) then target_value
      else baseline + (target_value - baseline)
        * greatest(date_diff('month', baseline_period, period_end), 0)
        / greatest(date_diff('month', baseline_period, date_trunc('month', deadline)), 1)
    end as expected_value,
    case when target_shape = 'hold_every_period' then year_share = 1
      else period_end >= date_trunc('month', deadline) end as is_final
  from joined
),
classified as (
  select e.*,
    case
      when actual is null then 'no_data'
      -- a rule is broken by its first violation: a window's, a prohibition's (that year, for a flow)
      when comparator = '=' and actual > target_value then 'missed'
      when target_shape = 'window' then case when is_final then 'met' else 'on_track' end
      -- a direction is met while it is better than its baseline
      when comparator = 'increase' and actual > baseline or comparator = 'decrease' and actual < baseline then 'met'
      when comparator in ('increase', 'decrease') then
        case when is_final then 'missed' when actual = baseline then 'at_risk' else 'off_track' end
      when comparator = '>=' and actual >= target_value then 'met'
      when comparator = '<=' and actual <= target_value then 'met'
      when comparator = '=' and actual = target_value then 'met'
      when is_final then 'missed'
      when expected_value is null then 'no_data'
      when comparator = '>=' and actual >= expected_value then 'on_track'
      when comparator = '<=' and actual <= expected_value then 'on_track'
      when abs(actual - expected_value) <= p.tolerance * abs(expected_value - coalesce(baseline, 0)) then 'at_risk'
      else 'off_track'
    end as status
  from expected e
  cross join params p
),
points as (
  -- what the trend is fitted to: the scope's last 12 periods with a figure; for a year-to-date
  -- flow, its complete years before this one (the months of a year are seasonal, not a trend)
  select c.target_id, c.scope_code, c.period,
    cast(date_diff('month', p.plan_start, h.period_end) as double) as x, cast(h.actual as double) as y
  from classified c
  join classified h
    on h.target_id = c.target_id and h.scope_code = c.scope_code
    and h.period <= c.period and h.period > c.period - to_months(12 * c.period_months) and h.actual is not null
  cross join params p
  where c.time_aggregation <> 'flow_ytd' and c.target_shape <> 'window'
  union all
  select c.target_id, c.scope_code, c.period,
    cast(date_diff('month', p.plan_start, make_date(a.year, 12, 1)) as double), cast(a.actual as double)
  from classified c
  join indicator_annual a
    on a.indicator_id = c.indicator_id and a.scope_code = c.scope_code
    and a.is_complete and a.year < year(c.period)
  cross join params p
  where c.time_aggregation = 'flow_ytd' and c.target_shape <> 'window'
),
fits as (
  select target_id, scope_code, period, count(*) as points,
    regr_slope(y, x) as slope, regr_intercept(y, x) as intercept
  from points
  group by all
),
forecast as (
  select c.*,
    coalesce(f.points, 0) as forecast_points,
    case when f.points >= 3 and not c.is_final and c.target_shape <> 'window' then
      f.intercept + f.slope * date_diff('month', p.plan_start,
        case when c.time_aggregation = 'flow_ytd' then make_date(year(c.deadline), 12, 1) else date_trunc('month', c.deadline) end)
    end as forecast_at_deadline
  from classified c
  left join fits f using (target_id, scope_code, period)
  cross join params p
),
final as (
  select
    target_id, indicator_id, scope_code, period,
    cast(actual as decimal(20, 6)) as actual,
    cast(baseline as decimal(20, 6)) as baseline,
    target_value,
    deadline,
    cast(round(expected_value, 6) as decimal(20, 6)) as expected_value,
    -- a share of the way to a number to reach; a ceiling, a rank or a rule has none
    case when comparator = '>=' and target_value <> 0 and actual is not null then cast(actual as double) / cast(target_value as double) end as pct_of_target,
    cast(actual - expected_value as decimal(20, 6)) as gap,
    is_final,
    status,
    (select zh from vocabulary v where v.domain = 'status' and v.code = status) as status_zh,
    cast(round(forecast_at_deadline, 6) as decimal(20, 6)) as forecast_at_deadline,
    cast(forecast_points as integer) as forecast_points,
    case
      when target_shape = 'window' then 'not_applicable'
      when is_final then 'settled'
      when forecast_at_deadline is null then 'insufficient_data'
      when (comparator = '>=' and forecast_at_deadline >= target_value)
        or (comparator = '<=' and forecast_at_deadline <= target_value)
        or (comparator = 'increase' and forecast_at_deadline > baseline)
        or (comparator = 'decrease' and forecast_at_deadline < baseline) then 'likely_met'
      else 'likely_missed'
    end as forecast_status,
    units_reported, units_expected, units_incomplete
  from forecast
),
labelled as (
  select *,
    (select zh from vocabulary v where v.domain = 'forecast_status' and v.code = forecast_status) as forecast_status_zh
  from final
)
select * from labelled
order by target_id, scope_code, period;
comment on table kpi_status is '目标进度 Each measured target (a number, a rule, a direction) against its actual, per scope and period, as of the build';
comment on column kpi_status.target_id is 'targets.target_id';
comment on column kpi_status.indicator_id is 'indicators.indicator_id';
comment on column kpi_status.scope_code is 'The unit (counties.unit_code); 211400 for the city. A city-wide rate target is also evaluated for every unit that reports the rate';
comment on column kpi_status.period is 'First day of the period (of the indicator''s frequency)';
comment on column kpi_status.actual is '实绩 indicator_actuals.actual for the scope and period (year to date for flows); for a moratorium window, what happened inside the window so far';
comment on column kpi_status.baseline is '基期值 reach_by_deadline and directions: the 2019 value where reported, else the first report; window: 0';
comment on column kpi_status.target_value is '目标值 targets.target_value (base units)';
comment on column kpi_status.deadline is '完成时限 targets.deadline';
comment on column kpi_status.expected_value is '序时进度 Expected value. A direction: its baseline (the value to beat); hold of a flow: target × share of the year elapsed; other holds and windows: target; reach_by_deadline: baseline + (target − baseline) × months since the baseline / months from the baseline to the deadline (the target from the deadline on)';
comment on column kpi_status.pct_of_target is '完成率 actual / target_value, for a number to reach (>=); null for a ceiling, a rank, a rule or a direction';
comment on column kpi_status.gap is '差距 actual − expected_value (negative: behind for a ≥ target)';
comment on column kpi_status.is_final is 'True when the period settles the target: a complete year of a hold, the deadline''s period and after, a closed window';
comment on column kpi_status.status is 'met, on_track, at_risk, off_track, missed, no_data';
comment on column kpi_status.status_zh is '状态 已达标 (actual meets the target), 正常 (meets the expected value), 关注 (short of it by at most tolerance × |expected − baseline|), 滞后 (further behind), 逾期未达标 (a final period, not met; a window or prohibition with a violation), 无数据 (no figure). A direction (increase/decrease) is 已达标 while better than its baseline, 关注 when equal, 滞后 when worse, 逾期未达标 when not better at its deadline';
comment on column kpi_status.forecast_at_deadline is '预测值 Least-squares line through the scope''s last 12 periods with a figure (year-to-date flows: its complete years before this one) evaluated at the deadline; null with fewer than 3 points';
comment on column kpi_status.forecast_points is 'How many points the forecast line was fitted to';
comment on column kpi_status.forecast_status is 'likely_met, likely_missed, insufficient_data (fewer than 3 points), settled (a final period), not_applicable (windows)';
comment on column kpi_status.forecast_status_zh is '预测 预计达标, 预计未达标, 数据不足, 已到期, 不适用';
comment on column kpi_status.units_reported is '已报单位数 indicator_actuals.units_reported';
comment on column kpi_status.units_expected is '应报单位数 indicator_actuals.units_expected';
comment on column kpi_status.units_incomplete is '缺项单位数 indicator_actuals.units_incomplete (rates)';
