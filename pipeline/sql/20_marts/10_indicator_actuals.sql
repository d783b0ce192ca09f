-- Actuals of every reported indicator, per unit and for the city (211400), per period, as of the
-- build. Summable indicators only: a city value is the sum of the units that reported.
create or replace table indicator_actuals as
with observations as (
  select * from stg_observations_as_of
),
indicators as (
  select * from indicators where reported and unit_aggregation = 'sum'
),
per_unit as (
  select o.indicator_id, o.unit_code as scope_code, o.period, o.value as actual, 1 as units_reported
  from observations o
  join indicators i using (indicator_id)
),
city as (
  select indicator_id, '211400' as scope_code, period, sum(actual) as actual, count(*) as units_reported
  from per_unit
  group by all
),
final as (
  select indicator_id, scope_code, period, cast(actual as decimal(20, 6)) as actual, cast(units_reported as integer) as units_reported
  from per_unit
  union all
  select indicator_id, scope_code, period, cast(actual as decimal(20, 6)), cast(units_reported as integer)
  from city
)
select * from final
order by indicator_id, scope_code, period;
comment on table indicator_actuals is '指标实绩 Reported indicators per unit and for the city (211400) per period, as of the build';
comment on column indicator_actuals.indicator_id is 'indicators.indicator_id';
comment on column indicator_actuals.scope_code is 'counties.unit_code; 211400 for the city';
comment on column indicator_actuals.period is 'First day of the period';
comment on column indicator_actuals.actual is '实绩 In base units. Unit rows: the value reported; city rows: the sum over the units that reported that period';
comment on column indicator_actuals.units_reported is '报送单位数 Units whose report makes up the value (1 for a unit row)';
