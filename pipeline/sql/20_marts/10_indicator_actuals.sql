-- Actuals of every indicator, per unit and for the city (211400), per period of its frequency, at
-- every moment of stg_moments, kept as the intervals over which each figure stood: a period's row
-- begins when it falls due and changes only when a version it depends on is first seen (a report
-- of the period, or for a stock a late report of an earlier one it carries forward), so the work
-- grows with the rows and their changes, never with rows × moments.
--   flow_ytd         the period's reported 本年累计
--   stock/cumulative the latest value reported up to the period (carried forward, flagged)
--   rate             numerator / denominator of the same period, both reported (or, for a unit
--                    that reported neither, both carried forward); a unit that reported one side
--                    only is left out. A city rate is the sum of numerators over the sum of
--                    denominators of the units included — never a mean of the units' rates, and a
--                    missing side never counts as 0
-- A city total is the sum over the units (added up from each unit's changes); an indicator the city
-- reports itself is its own figure. indicator_actuals is the build's own moment of it.
create or replace table indicator_actual_moments as
with versions as (
  select * from stg_observation_versions
),
due as (
  select * from stg_due_moments
),
reported_indicators as (
  select * from indicators where reported and unit_aggregation = 'sum'
),
grid as (
  -- every unit × indicator × period due by the build's moment, from the moment it falls due
  select d.unit_code, i.indicator_id, i.frequency, i.time_aggregation in ('stock', 'cumulative') as carries,
    p.period, p.due_from
  from reporting_duties d
  join reported_indicators i using (indicator_id)
  join due p on p.frequency = i.frequency
),
keys as (
  -- the periods of the grid something was reported for, and the first moment that saw it
  select g.unit_code, g.indicator_id, g.frequency, g.carries, g.period, g.due_from, min(v.visible_from) as seen_from
  from grid g
  join versions v using (unit_code, indicator_id, period)
  group by all
),
due_starts as (
  select frequency, due_from, min(period) as first_period from due group by all
),
activated as (
  -- a key is among the periods a new row carries from when the row falls due after the key is seen:
  -- from the first period of its series due at or after that moment (and not before its own)
  select k.unit_code, k.indicator_id, greatest(k.period, s.first_period) as at_period, max(k.period) as key_period
  from keys k
  asof join due_starts s on s.frequency = k.frequency and k.seen_from <= s.due_from
  group by all
),
created as (
  -- each row as it falls due: a stock carries the latest period seen by then, a flow only its own
  select g.unit_code, g.indicator_id, g.period, g.due_from as moment,
    case when g.carries
      then max(a.key_period) over (partition by g.unit_code, g.indicator_id order by g.period rows between unbounded preceding and current row)
      else g.period
    end as source_period
  from grid g
  left join activated a on a.unit_code = g.unit_code and a.indicator_id = g.indicator_id and a.at_period = g.period
),
late_flows as (
  -- a flow's version first seen after its period fell due changes its own row
  select g.unit_code, g.indicator_id, g.period, v.visible_from as moment, g.period as source_period
  from grid g
  join versions v using (unit_code, indicator_id, period)
  where not g.carries and v.visible_from > g.due_from
),
late_stocks as (
  -- a stock's versions first seen after their period fell due, per series and moment: they may
  -- change every row of the series already due from the earliest of them on
  select unit_code, indicator_id, visible_from as moment, min(period) as from_period
  from grid
  join versions using (unit_code, indicator_id, period)
  where carries and visible_from > due_from
  group by all
),
carried_in as (
  -- the latest period before those rows seen by then
  select l.unit_code, l.indicator_id, l.moment, max(k.period) as key_period
  from late_stocks l
  join keys k on k.unit_code = l.unit_code and k.indicator_id = l.indicator_id
    and k.period < l.from_period and k.seen_from <= l.moment
  group by all
),
late_stock_rows as (
  select g.unit_code, g.indicator_id, g.period, l.moment,
    coalesce(
      max(case when k.seen_from <= l.moment then k.period end) over (
        partition by g.unit_code, g.indicator_id, l.moment order by g.period rows between unbounded preceding and current row),
      c.key_period) as source_period
  from late_stocks l
  join grid g on g.unit_code = l.unit_code and g.indicator_id = l.indicator_id
    and g.period >= l.from_period and g.due_from < l.moment
  left join keys k on k.unit_code = g.unit_code and k.indicator_id = g.indicator_id and k.period = g.period
  left join carried_in c on c.unit_code = l.unit_code and c.indicator_id = l.indicator_id and c.moment = l.moment
),
evaluated as (
  select * from created
  union all select * from late_flows
  union all select * from late_stock_rows
),
unit_values as (
  -- the versions standing at the moment: the latest seen by then (versions chain without gaps)
  select e.unit_code, e.indicator_id, e.period, e.moment, o.value as reported_value, s.value as actual
  from evaluated e
  asof left join versions o
    on o.unit_code = e.unit_code and o.indicator_id = e.indicator_id and o.period = e.period
    and o.visible_from <= e.moment
  asof left join versions s
    on s.unit_code = e.unit_code and s.indicator_id = e.indicator_id and s.period = e.source_period
    and s.visible_from <= e.moment
),
unit_rows as (
  select indicator_id, unit_code as scope_code, period, moment, actual,
    cast(null as decimal(20, 6)) as numerator, cast(null as decimal(20, 6)) as denominator,
    cast(actual is not null as integer) as units_reported, 1 as units_expected, 0 as units_incomplete,
    actual is not null and reported_value is null as carried_forward
  from unit_values
),
unit_deltas as (
  -- each unit row's change against its state before (nothing, before it fell due)
  select indicator_id, period, moment,
    coalesce(actual, 0) - coalesce(lag(actual) over w, 0) as d_actual,
    cast(actual is not null as integer) - coalesce(lag(cast(actual is not null as integer)) over w, 0) as d_reported,
    case when lag(moment) over w is null then 1 else 0 end as d_expected,
    cast(actual is not null and reported_value is null as integer)
      - coalesce(lag(cast(actual is not null and reported_value is null as integer)) over w, 0) as d_carried
  from unit_values
  where unit_code <> '211400'
  window w as (partition by unit_code, indicator_id, period order by moment)
),
city_sums as (
  select indicator_id, '211400' as scope_code, period, moment,
    case when units_reported > 0 then actual end as actual,
    cast(null as decimal(20, 6)) as numerator, cast(null as decimal(20, 6)) as denominator,
    units_reported, units_expected, 0 as units_incomplete, carried > 0 as carried_forward
  from (
    select indicator_id, period, moment,
      sum(sum(d_actual)) over w as actual,
      sum(sum(d_reported)) over w as units_reported,
      sum(sum(d_expected)) over w as units_expected,
      sum(sum(d_carried)) over w as carried
    from unit_deltas
    group by indicator_id, period, moment
    window w as (partition by indicator_id, period order by moment rows between unbounded preceding and current row)
  )
),
rates as (
  select * from indicators where unit_aggregation = 'ratio_of_sums'
),
rate_moments as (
  -- a unit's rate changes when either side does
  select distinct r.indicator_id, u.unit_code, u.period, u.moment
  from rates r
  join unit_values u on u.indicator_id in (r.numerator_id, r.denominator_id)
),
rate_sides as (
  select m.indicator_id, m.unit_code, m.period, m.moment,
    n.reported_value as num_reported, d.reported_value as den_reported, n.actual as num_actual, d.actual as den_actual
  from rate_moments m
  join rates r using (indicator_id)
  asof join unit_values n on n.indicator_id = r.numerator_id and n.unit_code = m.unit_code and n.period = m.period
    and n.moment <= m.moment
  asof join unit_values d on d.indicator_id = r.denominator_id and d.unit_code = m.unit_code and d.period = m.period
    and d.moment <= m.moment
),
rate_parts as (
  -- both sides reported this period: used; neither: both carried forward (stocks), flagged; one side
  -- only: left out, incomplete
  select indicator_id, unit_code, period, moment,
    case when (num_reported is null) = (den_reported is null) then num_actual end as numerator,
    case when (num_reported is null) = (den_reported is null) then den_actual end as denominator,
    (num_reported is null) <> (den_reported is null) as incomplete,
    num_reported is null and den_reported is null and num_actual is not null and den_actual is not null as carried_forward
  from rate_sides
),
rate_units as (
  select indicator_id, unit_code as scope_code, period, moment,
    case when numerator is not null and denominator > 0 then numerator / denominator end as actual,
    numerator, denominator,
    cast(numerator is not null and denominator is not null as integer) as units_reported,
    1 as units_expected,
    cast(incomplete as integer) as units_incomplete,
    carried_forward
  from rate_parts
),
rate_used as (
  -- what a unit adds to the city's rate: both sides, or nothing
  select indicator_id, unit_code, period, moment,
    case when numerator is not null and denominator is not null then numerator end as numerator,
    case when numerator is not null and denominator is not null then denominator end as denominator,
    cast(numerator is not null and denominator is not null as integer) as used,
    cast(incomplete as integer) as incomplete,
    cast(carried_forward as integer) as carried
  from rate_parts
  where unit_code <> '211400'
),
rate_deltas as (
  select indicator_id, period, moment,
    coalesce(numerator, 0) - coalesce(lag(numerator) over w, 0) as d_numerator,
    coalesce(denominator, 0) - coalesce(lag(denominator) over w, 0) as d_denominator,
    used - coalesce(lag(used) over w, 0) as d_reported,
    case when lag(moment) over w is null then 1 else 0 end as d_expected,
    incomplete - coalesce(lag(incomplete) over w, 0) as d_incomplete,
    carried - coalesce(lag(carried) over w, 0) as d_carried
  from rate_used
  window w as (partition by unit_code, indicator_id, period order by moment)
),
rate_city as (
  select indicator_id, '211400' as scope_code, period, moment,
    case when units_reported > 0 then numerator / nullif(denominator, 0) end as actual,
    case when units_reported > 0 then numerator end as numerator,
    case when units_reported > 0 then denominator end as denominator,
    units_reported, units_expected, units_incomplete, carried > 0 as carried_forward
  from (
    select indicator_id, period, moment,
      sum(sum(d_numerator)) over w as numerator,
      sum(sum(d_denominator)) over w as denominator,
      sum(sum(d_reported)) over w as units_reported,
      sum(sum(d_expected)) over w as units_expected,
      sum(sum(d_incomplete)) over w as units_incomplete,
      sum(sum(d_carried)) over w as carried
    from rate_deltas
    group by indicator_id, period, moment
    window w as (partition by indicator_id, period order by moment rows between unbounded preceding and current row)
  )
),
unioned as (
  select * from unit_rows
  union all select * from city_sums
  union all select * from rate_units
  union all select * from rate_city
),
typed as (
  select
    indicator_id, scope_code, period, moment,
    cast(actual as decimal(20, 6)) as actual,
    cast(numerator as decimal(20, 6)) as numerator,
    cast(denominator as decimal(20, 6)) as denominator,
    cast(units_reported as integer) as units_reported,
    cast(units_expected as integer) as units_expected,
    cast(units_incomplete as integer) as units_incomplete,
    coalesce(carried_forward, false) as carried_forward
  from unioned
),
changes as (
  -- a row is kept only where the figure changed
  select *, row(actual, numerator, denominator, units_reported, units_expected, units_incomplete, carried_forward)
    is distinct from lag(row(actual, numerator, denominator, units_reported, units_expected, units_incomplete, carried_forward))
      over (partition by indicator_id, scope_code, period order by moment) as is_change
  from typed
),
final as (
  select indicator_id, scope_code, period, moment as valid_from,
    lead(moment) over (partition by indicator_id, scope_code, period order by moment) as valid_to,
    actual, numerator, denominator, units_reported, units_expected, units_incomplete, carried_forward
  from changes
  where is_change
)
select * from final;
comment on table indicator_actual_moments is '指标实绩历史 Every indicator per unit and for the city (211400) per period, with the moments (stg_moments) each figure stood at';
comment on column indicator_actual_moments.indicator_id is 'indicators.indicator_id';
comment on column indicator_actual_moments.scope_code is 'counties.unit_code; 211400 for the city';
comment on column indicator_actual_moments.period is 'First day of the period (of the indicator''s frequency)';
comment on column indicator_actual_moments.valid_from is 'stg_moments.as_of_month of the first moment the figure stood at (the period''s due moment, or the moment a version it depends on was first seen)';
comment on column indicator_actual_moments.valid_to is 'stg_moments.as_of_month of the first moment it no longer stood at; null: it stands at the build''s moment';
comment on column indicator_actual_moments.actual is '实绩 As indicator_actuals.actual, at those moments';
comment on column indicator_actual_moments.numerator is '分子 As indicator_actuals.numerator';
comment on column indicator_actual_moments.denominator is '分母 As indicator_actuals.denominator';
comment on column indicator_actual_moments.units_reported is '已报单位数 As indicator_actuals.units_reported';
comment on column indicator_actual_moments.units_expected is '应报单位数 As indicator_actuals.units_expected';
comment on column indicator_actual_moments.units_incomplete is '缺项单位数 As indicator_actuals.units_incomplete';
comment on column indicator_actual_moments.carried_forward is 'As indicator_actuals.carried_forward';

create or replace table indicator_actuals as
select * exclude (valid_from, valid_to)
from indicator_actual_moments
where valid_to is null
order by indicator_id, scope_code, period;
comment on table indicator_actuals is '指标实绩 Every indicator per unit and for the city (211400) per period, as of the build (the rows of indicator_actual_moments standing at its moment)';
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
