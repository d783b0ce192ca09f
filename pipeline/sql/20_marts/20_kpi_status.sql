-- Targets against actuals: one row per measured target × scope × period of the indicator's
-- frequency, from the plan start to the as-of month, at every moment of stg_moments, kept as the
-- intervals over which each row stood (kpi_status_moments): a row begins when its period falls due
-- and changes only when its actual, its baseline or its window's base does. kpi_status is the
-- build's own moment of it, with the forecast. Measured: a number (>=, <=), a rule (= 0
-- violations: a window or a prohibition) and a direction (increase, decrease: better than the
-- baseline, which stands in for the target). Scopes: the target's own unit; a city-wide
-- rate target applies to every unit that reports the rate as well (unless the catalogue sets
-- that unit a target of its own for the same indicator).
create or replace table kpi_status_moments as
with params as (
  select * from build_params
),
actuals as (
  select * from indicator_actual_moments
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
  select t.* exclude (scope_code), s.scope_code, p.period, p.due_from,
    (month(p.period) + t.period_months - 1) / 12.0 as year_share,
    -- dates on the path are taken at the period's last month: an annual figure stands for December
    cast(p.period + to_months(t.period_months - 1) as date) as period_end
  from numeric_targets t
  join scopes s using (target_id)
  join stg_due_moments p on p.frequency = t.frequency
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
baseline_series as (
  select distinct indicator_id, scope_code from target_periods where target_shape = 'reach_by_deadline'
),
series_moments as (
  select b.indicator_id, b.scope_code, m.as_of_month as moment
  from baseline_series b
  cross join stg_moments m
),
plan_figures as (
  select a.*
  from actuals a
  join baseline_series using (indicator_id, scope_code)
  cross join params
  where a.actual is not null and a.period >= params.plan_start
),
before_plan as (
  -- the 2019 value at each moment: the latest period of that year with a figure then
  select s.indicator_id, s.scope_code, s.moment,
    arg_max(a.actual, a.period) as value_before, max(a.period) as period_before
  from series_moments s
  join actuals a on a.indicator_id = s.indicator_id and a.scope_code = s.scope_code
    and a.valid_from <= s.moment and (a.valid_to is null or a.valid_to > s.moment)
  cross join params
  where a.actual is not null and year(a.period) = year(params.plan_start) - 1
  group by all
),
first_kept as (
  -- the first period of the plan with a figure among those that keep it: the earliest seen so far
  select indicator_id, scope_code, valid_from,
    min(min(period)) over w as first_period,
    arg_min(arg_min(actual, period), min(period)) over w as first_value
  from plan_figures
  where valid_to is null
  group by indicator_id, scope_code, valid_from
  window w as (partition by indicator_id, scope_code order by valid_from rows between unbounded preceding and current row)
),
first_changed as (
  -- and among the figures that were replaced later, those standing at the moment
  select s.indicator_id, s.scope_code, s.moment, min(a.period) as first_period, arg_min(a.actual, a.period) as first_value
  from series_moments s
  join plan_figures a on a.indicator_id = s.indicator_id and a.scope_code = s.scope_code
    and a.valid_from <= s.moment and a.valid_to > s.moment
  group by all
),
baseline_moments as (
  -- the 2019 value where reported, else the first report in the plan, at every moment
  select s.indicator_id, s.scope_code, s.moment,
    coalesce(b.value_before,
      case when c.first_period is null or k.first_period < c.first_period then k.first_value else c.first_value end) as baseline,
    coalesce(b.period_before, least(k.first_period, c.first_period)) as baseline_from
  from series_moments s
  left join before_plan b using (indicator_id, scope_code, moment)
  left join first_changed c using (indicator_id, scope_code, moment)
  asof left join first_kept k
    on k.indicator_id = s.indicator_id and k.scope_code = s.scope_code and k.valid_from <= s.moment
),
baselines as (
  -- kept where they change
  select *
  from (
    select *, row(baseline, baseline_from) is distinct from lag(row(baseline, baseline_from))
      over (partition by indicator_id, scope_code order by moment) as is_change
    from baseline_moments
  )
  where is_change
),
window_periods as (
  -- a moratorium counts what happened inside its window: year to date at its end, less year to
  -- date the month before it opened (nothing before January)
  select distinct t.target_id, t.indicator_id, s.scope_code,
    cast(date_trunc('month', t.start_date) - interval 1 month as date) as base_period
  from numeric_targets t
  join scopes s using (target_id)
  where t.target_shape = 'window' and month(t.start_date) > 1
),
window_bases as (
  select w.target_id, w.scope_code, a.valid_from, a.actual
  from window_periods w
  join actuals a on a.indicator_id = w.indicator_id and a.scope_code = w.scope_code and a.period = w.base_period
),
changes as (
  -- the moments a row may change: its period falls due; its actual, its baseline or its window's
  -- base changes after that
  select target_id, scope_code, period, due_from as moment from target_periods
  union
  select tp.target_id, tp.scope_code, tp.period, a.valid_from
  from target_periods tp
  join actuals a on a.indicator_id = tp.indicator_id and a.scope_code = tp.scope_code and a.period = tp.period
  where a.valid_from > tp.due_from
  union
  select tp.target_id, tp.scope_code, tp.period, b.moment
  from target_periods tp
  join baselines b on b.indicator_id = tp.indicator_id and b.scope_code = tp.scope_code and b.moment > tp.due_from
  union
  select tp.target_id, tp.scope_code, tp.period, w.valid_from
  from target_periods tp
  join window_bases w on w.target_id = tp.target_id and w.scope_code = tp.scope_code and w.valid_from > tp.due_from
),
evaluated as (
  select tp.*, c.moment,
    a.actual - coalesce(w.actual, 0) as actual,
    a.units_reported, a.units_expected, a.units_incomplete,
    case
      when tp.target_shape = 'reach_by_deadline' then b.baseline
      when tp.target_shape = 'window' then 0
    end as baseline,
    cast(b.baseline_from + to_months(tp.period_months - 1) as date) as baseline_period
  from changes c
  join target_periods tp using (target_id, scope_code, period)
  -- what stood at the moment: the latest row begun by then (each chains without gaps)
  asof left join actuals a
    on a.indicator_id = tp.indicator_id and a.scope_code = tp.scope_code and a.period = tp.period
    and a.valid_from <= c.moment
  asof left join baselines b
    on b.indicator_id = tp.indicator_id and b.scope_code = tp.scope_code and b.moment <= c.moment
  asof left join window_bases w
    on w.target_id = tp.target_id and w.scope_code = tp.scope_code and w.valid_from <= c.moment
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
  from evaluated
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
rows as (
  select
    target_id, indicator_id, scope_code, period, moment,
    cast(actual as decimal(20, 6)) as actual,
    cast(baseline as decimal(20, 6)) as baseline,
    target_value,
    deadline,
    cast(round(expected_value, 6) as decimal(20, 6)) as expected_value,
    -- a share of the way to a number to reach; a ceiling, a rank or a rule has none
    case when comparator = '>=' and target_value <> 0 and actual is not null then cast(actual as double) / cast(target_value as double) end as pct_of_target,
    cast(actual - expected_value as decimal(20, 6)) as gap,
    is_final,
    period_end,
    status,
    units_reported, units_expected, units_incomplete
  from classified
),
kept as (
  -- a row is kept only where it changed
  select *, row(actual, baseline, expected_value, status, units_reported, units_expected, units_incomplete)
    is distinct from lag(row(actual, baseline, expected_value, status, units_reported, units_expected, units_incomplete))
      over (partition by target_id, scope_code, period order by moment) as is_change
  from rows
),
final as (
  select * exclude (moment, is_change),
    moment as valid_from,
    lead(moment) over (partition by target_id, scope_code, period order by moment) as valid_to,
    (select zh from vocabulary v where v.domain = 'status' and v.code = status) as status_zh
  from kept
  where is_change
)
select * from final;
comment on table kpi_status_moments is '目标进度历史 kpi_status (the forecast aside) with the moments (stg_moments) each row stood at';
comment on column kpi_status_moments.valid_from is 'stg_moments.as_of_month of the first moment the row stood at (its period''s due moment, or the moment its actual, baseline or window base changed)';
comment on column kpi_status_moments.period_end is 'The period''s last month (first day): where its figure stands on the path to the deadline';
comment on column kpi_status_moments.valid_to is 'stg_moments.as_of_month of the first moment it no longer stood at; null: it stands at the build''s moment';

comment on column kpi_status_moments.target_id is 'targets.target_id';
comment on column kpi_status_moments.indicator_id is 'indicators.indicator_id';
comment on column kpi_status_moments.scope_code is 'The unit (counties.unit_code); 211400 for the city. A city-wide rate target is also evaluated for every unit that reports the rate';
comment on column kpi_status_moments.period is 'First day of the period (of the indicator''s frequency)';
comment on column kpi_status_moments.actual is '实绩 indicator_actuals.actual for the scope and period (year to date for flows); for a moratorium window, what happened inside the window so far';
comment on column kpi_status_moments.baseline is '基期值 reach_by_deadline and directions: the 2019 value where reported, else the first report; window: 0';
comment on column kpi_status_moments.target_value is '目标值 targets.target_value (base units)';
comment on column kpi_status_moments.deadline is '完成时限 targets.deadline';
comment on column kpi_status_moments.expected_value is '序时进度 Expected value. A direction: its baseline (the value to beat); hold of a flow: target × share of the year elapsed; other holds and windows: target; reach_by_deadline: baseline + (target − baseline) × months since the baseline / months from the baseline to the deadline (the target from the deadline on)';
comment on column kpi_status_moments.pct_of_target is '完成率 actual / target_value, for a number to reach (>=); null for a ceiling, a rank, a rule or a direction';
comment on column kpi_status_moments.gap is '差距 actual − expected_value (negative: behind for a ≥ target)';
comment on column kpi_status_moments.is_final is 'True when the period settles the target: a complete year of a hold, the deadline''s period and after, a closed window';
comment on column kpi_status_moments.status is 'met, on_track, at_risk, off_track, missed, no_data';
comment on column kpi_status_moments.status_zh is '状态 已达标 (actual meets the target), 正常 (meets the expected value), 关注 (short of it by at most tolerance × |expected − baseline|), 滞后 (further behind), 逾期未达标 (a final period, not met; a window or prohibition with a violation), 无数据 (no figure). A direction (increase/decrease) is 已达标 while better than its baseline, 关注 when equal, 滞后 when worse, 逾期未达标 when not better at its deadline';
comment on column kpi_status_moments.units_reported is '已报单位数 indicator_actuals.units_reported';
comment on column kpi_status_moments.units_expected is '应报单位数 indicator_actuals.units_expected';
comment on column kpi_status_moments.units_incomplete is '缺项单位数 indicator_actuals.units_incomplete (rates)';

create or replace table kpi_status as
with params as (
  select * from build_params
),
classified as (
  -- the rows standing at the build's own moment
  select s.* exclude (valid_from, valid_to), t.target_shape, t.comparator, i.time_aggregation,
    date_diff('month', s.period, s.period_end) + 1 as period_months
  from kpi_status_moments s
  join targets t using (target_id)
  join indicators i on i.indicator_id = s.indicator_id
  where s.valid_to is null
),
points as (
  -- what the trend is fitted to: the scope's last 12 periods with a figure; for a year-to-date
  -- flow, its complete years before this one (the months of a year are seasonal, not a trend)
  select c.target_id, c.scope_code, c.period,
    date_diff('month', p.plan_start, h.period_end) as x, h.actual as y
  from classified c
  join classified h
    on h.target_id = c.target_id and h.scope_code = c.scope_code
    and h.period <= c.period and h.period > c.period - to_months(12 * c.period_months) and h.actual is not null
  cross join params p
  where c.time_aggregation <> 'flow_ytd' and c.target_shape <> 'window'
  union all
  select c.target_id, c.scope_code, c.period,
    date_diff('month', p.plan_start, make_date(a.year, 12, 1)), a.actual
  from classified c
  join indicator_annual a
    on a.indicator_id = c.indicator_id and a.scope_code = c.scope_code
    and a.is_complete and a.year < year(c.period)
  cross join params p
  where c.time_aggregation = 'flow_ytd' and c.target_shape <> 'window'
),
sums as (
  -- least squares from exact sums (months are whole, figures decimal): the same line whatever
  -- order the points come in
  select target_id, scope_code, period, count(*) as points,
    sum(x) as sx, sum(y) as sy, sum(x * x) as sxx, sum(x * y) as sxy
  from points
  group by all
),
fits as (
  select target_id, scope_code, period, points, slope,
    (cast(sy as double) - slope * sx) / points as intercept
  from (
    select *,
      cast(points * sxy - sx * sy as double) / nullif(points * sxx - sx * sx, 0) as slope
    from sums
  )
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
    target_id, indicator_id, scope_code, period, actual, baseline, target_value, deadline, expected_value,
    pct_of_target, gap, is_final, status, status_zh,
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
