-- The periods of each reporting frequency whose reports fall due by the as-of month, from a year
-- before the plan start (the baseline year) on. A month is reported early the next month, a
-- quarter with its last month's report, a year with December's: so as of 2026-11 the latest
-- monthly period is 2026-10, the latest quarter 2026Q3, the latest year 2025.
create or replace view stg_periods as
with params as (
  select * from build_params
),
months as (
  select cast(unnest(generate_series(plan_start - interval 1 year, as_of_month - interval 1 month, interval 1 month)) as date) as month
  from params
),
final as (
  select 'monthly' as frequency, month as period, month as report_month from months
  union all
  select 'quarterly', cast(month - interval 2 month as date), month from months where month(month) in (3, 6, 9, 12)
  union all
  select 'annual', cast(date_trunc('year', month) as date), month from months where month(month) = 12
)
select * from final;
comment on view stg_periods is 'Reporting periods per frequency, from the baseline year to the as-of month';
comment on column stg_periods.frequency is 'monthly, quarterly or annual';
comment on column stg_periods.period is 'First day of the period';
comment on column stg_periods.report_month is 'The month whose report carries the period (a quarter''s last month; December for a year); reported early the month after';
