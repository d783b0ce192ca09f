-- The moments the moment-keyed models are computed for, in one pass: the end of every month from the
-- plan start before the build's own month (the instant its last day ends, China time), and the
-- build's own moment (is_latest). Choosing one shows exactly what `kpi build --as-of` of it computes.
create or replace view stg_moments as
with params as (
  select * from build_params
),
month_ends as (
  select cast(unnest(generate_series(params.plan_start, params.as_of_month - interval 1 month, interval 1 month)) as date) as as_of_month
  from params
),
final as (
  select as_of_month,
    cast(as_of_month + interval 1 month - interval 1 day as date) as as_of_date,
    timezone('Asia/Shanghai', cast(as_of_month + interval 1 month as timestamp)) as received_before,
    false as is_latest,
    -- the report month due by a month's end is the month before (the due day is the 1st–28th)
    cast(as_of_month - interval 1 month as date) as due_month
  from month_ends
  union all
  select as_of_month, as_of_date, received_before, true,
    (select max(report_month) from stg_periods where is_due)
  from params
)
select * from final;
comment on view stg_moments is 'The moments every moment-keyed model holds: each month''s end from the plan start before the build''s month, and the build''s own moment';
comment on column stg_moments.as_of_month is '截至月份 The month (first day) the moment falls in: its key';
comment on column stg_moments.as_of_date is '截至日期 The last day the moment covers';
comment on column stg_moments.received_before is '截至时刻 Submissions received before this instant count; a figure is due by then when its due moment is not after it';
comment on column stg_moments.is_latest is 'True for the build''s own moment (build_params)';
comment on column stg_moments.due_month is '报送月份 The latest report month due at that moment (null before the first)';
