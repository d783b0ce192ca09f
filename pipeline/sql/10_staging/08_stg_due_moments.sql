-- Every reporting period due by the build's moment with the moment it fell due: the first moment of
-- stg_moments whose due report month has reached the period's report month. From that moment on the
-- period is a figure of the KPI tables; before it, it is not (未到期).
create or replace view stg_due_moments as
with periods as (
  select * from stg_periods where is_due
),
moments as (
  select as_of_month, due_month from stg_moments
),
final as (
  select p.frequency, p.period, p.report_month, min(m.as_of_month) as due_from
  from periods p
  join moments m on m.due_month >= p.report_month
  group by all
)
select * from final;
comment on view stg_due_moments is 'Each period due by the build''s moment, with the first moment (stg_moments) it is due at';
comment on column stg_due_moments.frequency is 'monthly, quarterly or annual';
comment on column stg_due_moments.period is 'First day of the period';
comment on column stg_due_moments.report_month is 'stg_periods.report_month';
comment on column stg_due_moments.due_from is 'stg_moments.as_of_month of the first moment the period is due at';
