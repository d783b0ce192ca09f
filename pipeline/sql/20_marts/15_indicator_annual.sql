-- The year's figure of every summable reported indicator, per unit and for the city: for a
-- year-to-date flow the latest 本年累计 of the year (December's once reported), never a sum of the
-- monthly reports; for a stock or a cumulative count the latest value of the year.
create or replace table indicator_annual as
with actuals as (
  select * from indicator_actuals
),
indicators as (
  select indicator_id, frequency from indicators
),
yearly as (
  select
    indicator_id,
    scope_code,
    cast(year(period) as integer) as year,
    arg_max(actual, period) as actual,
    max(period) as latest_period
  from actuals
  group by all
),
final as (
  select
    y.*,
    case i.frequency
      when 'monthly' then month(y.latest_period) = 12
      when 'quarterly' then month(y.latest_period) = 10
      else true
    end as is_complete
  from yearly y
  join indicators i using (indicator_id)
)
select * from final
order by indicator_id, scope_code, year;
comment on table indicator_annual is '年度实绩 The year''s figure of each summable reported indicator per unit and for the city';
comment on column indicator_annual.indicator_id is 'indicators.indicator_id';
comment on column indicator_annual.scope_code is 'counties.unit_code; 211400 for the city';
comment on column indicator_annual.year is '年度 Calendar year';
comment on column indicator_annual.actual is '实绩 Base units: the value of the latest period of the year (for year-to-date flows, the latest 本年累计)';
comment on column indicator_annual.latest_period is 'The period the value comes from';
comment on column indicator_annual.is_complete is 'True when the year''s last period is in (December; Q4; the annual report)';
