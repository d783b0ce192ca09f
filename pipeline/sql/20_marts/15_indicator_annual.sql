-- The year's figure of every indicator, per unit and for the city: the latest period of the year
-- with a figure (for a year-to-date flow the latest 本年累计, December's once reported — never a
-- sum of the monthly reports; for a rate, that period's ratio of sums).
create or replace table indicator_annual as
with actuals as (
  select * from indicator_actuals where actual is not null
),
frequencies as (
  select indicator_id, frequency from indicators
),
yearly as (
  select
    indicator_id,
    scope_code,
    cast(year(period) as integer) as year,
    arg_max(actual, period) as actual,
    arg_max(numerator, period) as numerator,
    arg_max(denominator, period) as denominator,
    max(period) as latest_period
  from actuals
  group by all
),
final as (
  select
    y.*,
    case f.frequency
      when 'monthly' then month(y.latest_period) = 12
      when 'quarterly' then month(y.latest_period) = 10
      else true
    end as is_complete
  from yearly y
  join frequencies f using (indicator_id)
)
select * from final
order by indicator_id, scope_code, year;
comment on table indicator_annual is '年度实绩 The year''s figure of each indicator per unit and for the city';
comment on column indicator_annual.indicator_id is 'indicators.indicator_id';
comment on column indicator_annual.scope_code is 'counties.unit_code; 211400 for the city';
comment on column indicator_annual.year is '年度 Calendar year';
comment on column indicator_annual.actual is '实绩 Base units: the value of the latest period of the year with a figure';
comment on column indicator_annual.numerator is '分子 Rates only: that period''s numerator';
comment on column indicator_annual.denominator is '分母 Rates only: that period''s denominator';
comment on column indicator_annual.latest_period is 'The period the value comes from';
comment on column indicator_annual.is_complete is 'True when the year''s last period is in (December; Q4; the annual report)';
