-- The reporting periods of each frequency that have ended by the as-of moment, from a year before
-- the plan start (the baseline year) on, each with the moment its reports fall due. A month is
-- reported by the due day of the next month, a quarter with its last month's report, a year with
-- December's. Only periods already due (is_due) enter the KPI tables; reporting_completeness also
-- shows the ended ones still to come as 未到期. As of 2026-12-01: monthly periods up to 2026-11,
-- of which those up to 2026-10 are due.
create or replace view stg_periods as
with params as (
  select * from build_params
),
months as (
  select cast(unnest(generate_series(plan_start - interval 1 year, as_of_month, interval 1 month)) as date) as month
  from params
),
ended as (
  -- a month whose last instant has passed by the as-of moment
  select m.month
  from months m
  cross join params
  where timezone('Asia/Shanghai', cast(m.month + interval 1 month as timestamp)) <= params.received_before
),
periods as (
  select 'monthly' as frequency, month as period, month as report_month from ended
  union all
  select 'quarterly', cast(month - interval 2 month as date), month from ended where month(month) in (3, 6, 9, 12)
  union all
  select 'annual', cast(date_trunc('year', month) as date), month from ended where month(month) = 12
),
final as (
  select p.*,
    timezone('Asia/Shanghai', cast(p.report_month + interval 1 month + to_days(params.due_day) as timestamp)) as due_by,
    timezone('Asia/Shanghai', cast(p.report_month + interval 1 month + to_days(params.due_day) as timestamp))
      <= params.received_before as is_due
  from periods p
  cross join params
)
select * from final;
comment on view stg_periods is 'Reporting periods per frequency that have ended by the as-of moment, from the baseline year on, with their due moment';
comment on column stg_periods.frequency is 'monthly, quarterly or annual';
comment on column stg_periods.period is 'First day of the period';
comment on column stg_periods.report_month is 'The month whose report carries the period (a quarter''s last month; December for a year); reported early the month after';
comment on column stg_periods.due_by is '报送时限 The instant its reports are due: the end of build_params.due_day of the month after report_month, China time';
comment on column stg_periods.is_due is '已到期 due_by is not after the as-of moment: only such periods enter the KPI tables; the others are 未到期';
