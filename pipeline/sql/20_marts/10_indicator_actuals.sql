-- Actuals of every indicator, per unit and for the city (211400), per period of its frequency,
-- as of the build.
--   flow_ytd         the period's reported 本年累计
--   stock/cumulative the latest value reported up to the period (carried forward, flagged)
--   rate             numerator / denominator of the same period, both reported (or, for a unit
--                    that reported neither, both carried forward); a unit that reported one side
--                    only is left out. A city rate is the sum of numerators over the sum of
--                    denominators of the units included — never a mean of the units' rates, and a
--                    missing side never counts as 0
-- A city total is the sum over the units; an indicator the city reports itself is its own figure.
create or replace table indicator_actuals as
with observations as (
  select * from stg_observations_as_of
),
periods as (
  -- only periods whose reports are due: a month still open to reporting is not yet a figure
  select * from stg_periods where is_due
),
reported_indicators as (
  select * from indicators where reported and unit_aggregation = 'sum'
),
grid as (
  select d.unit_code, i.indicator_id, i.time_aggregation, p.period
  from reporting_duties d
  join reported_indicators i using (indicator_id)
  join periods p on p.frequency = i.frequency
),
unit_values as (
  select
    g.indicator_id,
    g.unit_code,
    g.period,
    o.value as reported_value,
    case when g.time_aggregation in ('stock', 'cumulative')
      then last_value(o.value ignore nulls) over running
      else o.value
    end as actual
  from grid g
  left join observations o using (unit_code, indicator_id, period)
  window running as (partition by g.indicator_id, g.unit_code order by g.period rows between unbounded preceding and current row)
),
unit_rows as (
  select indicator_id, unit_code as scope_code, period, actual,
    cast(null as decimal(20, 6)) as numerator, cast(null as decimal(20, 6)) as denominator,
    cast(actual is not null as integer) as units_reported, 1 as units_expected, 0 as units_incomplete,
    actual is not null and reported_value is null as carried_forward
  from unit_values
),
city_sums as (
  select indicator_id, '211400' as scope_code, period, sum(actual) as actual,
    cast(null as decimal(20, 6)) as numerator, cast(null as decimal(20, 6)) as denominator,
    count(actual) as units_reported, count(*) as units_expected, 0 as units_incomplete,
    bool_or(actual is not null and reported_value is null) as carried_forward
  from unit_values
  where unit_code <> '211400'
  group by all
),
rates as (
  select * from indicators where unit_aggregation = 'ratio_of_sums'
),
rate_sides as (
  select r.indicator_id, n.unit_code, n.period,
    n.reported_value as num_reported, d.reported_value as den_reported, n.actual as num_actual, d.actual as den_actual
  from rates r
  join unit_values n on n.indicator_id = r.numerator_id
  join unit_values d on d.indicator_id = r.denominator_id and d.unit_code = n.unit_code and d.period = n.period
),
rate_parts as (
  -- both sides reported this period: used; neither: both carried forward (stocks), flagged; one side
  -- only: left out, incomplete
  select indicator_id, unit_code, period,
    case when (num_reported is null) = (den_reported is null) then num_actual end as numerator,
    case when (num_reported is null) = (den_reported is null) then den_actual end as denominator,
    (num_reported is null) <> (den_reported is null) as incomplete,
    num_reported is null and den_reported is null and num_actual is not null and den_actual is not null as carried_forward
  from rate_sides
),
rate_units as (
  select indicator_id, unit_code as scope_code, period,
    case when numerator is not null and denominator > 0 then numerator / denominator end as actual,
    numerator, denominator,
    cast(numerator is not null and denominator is not null as integer) as units_reported,
    1 as units_expected,
    cast(incomplete as integer) as units_incomplete,
    carried_forward
  from rate_parts
),
rate_city as (
  select indicator_id, '211400' as scope_code, period,
    sum(numerator) filter (where numerator is not null and denominator is not null)
      / nullif(sum(denominator) filter (where numerator is not null and denominator is not null), 0) as actual,
    sum(numerator) filter (where numerator is not null and denominator is not null) as numerator,
    sum(denominator) filter (where numerator is not null and denominator is not null) as denominator,
    count(*) filter (where numerator is not null and denominator is not null) as units_reported,
    count(*) as units_expected,
    count(*) filter (where incomplete) as units_incomplete,
    bool_or(carried_forward) as carried_forward
  from rate_parts
  where unit_code <> '211400'
  group by all
),
unioned as (
  select * from unit_rows
  union all select * from city_sums
  union all select * from rate_units
  union all select * from rate_city
),
final as (
  select
    indicator_id, scope_code, period,
    cast(actual as decimal(20, 6)) as actual,
    cast(numerator as decimal(20, 6)) as numerator,
    cast(denominator as decimal(20, 6)) as denominator,
    cast(units_reported as integer) as units_reported,
    cast(units_expected as integer) as units_expected,
    cast(units_incomplete as integer) as units_incomplete,
    coalesce(carried_forward, false) as carried_forward
  from unioned
)
select * from final
order by indicator_id, scope_code, period;
comment on table indicator_actuals is '指标实绩 Every indicator per unit and for the city (211400) per period, as of the build';
comment on column indicator_actuals.indicator_id is 'indicators.indicator_id';
comment on column indicator_actuals.scope_code is 'counties.unit_code; 211400 for the city';
comment on column indicator_actuals.period is 'First day of the period (of the indicator''s frequency)';
comment on column indicator_actuals.actual is '实绩 Base units. flow_ytd: the period''s 本年累计; stock/cumulative: latest value up to the period; rate: numerator / denominator. City: sum over units; city rate: sum of numerators / sum of denominators of the units that reported both';
comment on column indicator_actuals.numerator is '分子 Rates only: the numerator (city: summed over the units that reported both sides)';
comment on column indicator_actuals.denominator is '分母 Rates only: the denominator (summed likewise)';
comment on column indicator_actuals.units_reported is '已报单位数 Units whose figure makes up the value (rates: units that reported both sides)';
comment on column indicator_actuals.units_expected is '应报单位数 Units that report the indicator (reporting_duties)';
comment on column indicator_actuals.units_incomplete is '缺项单位数 Rates only: units that reported one side only this period, left out of the rate';
comment on column indicator_actuals.carried_forward is 'True when a stock value (or one unit''s, for the city; for a rate, both sides of a unit that reported neither) comes from an earlier period';
