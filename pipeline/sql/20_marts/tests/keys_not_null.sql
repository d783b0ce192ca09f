-- No mart has a row with part of its key missing.
with nulls as (
  select 'indicator_actuals' as model, count(*) filter (where indicator_id is null or scope_code is null or period is null) as rows from indicator_actuals
  union all select 'indicator_annual', count(*) filter (where indicator_id is null or scope_code is null or year is null) from indicator_annual
  union all select 'kpi_status', count(*) filter (where target_id is null or indicator_id is null or scope_code is null or period is null) from kpi_status
  union all select 'kpi_current', count(*) filter (where target_id is null or indicator_id is null or scope_code is null) from kpi_current
  union all select 'milestone_status', count(*) filter (where target_id is null or scope_code is null or deadline is null) from milestone_status
  union all select 'milestone_moments', count(*) filter (where as_of_month is null or target_id is null or scope_code is null or deadline is null) from milestone_moments
  union all select 'reporting_moments', count(*) filter (where as_of_month is null or unit_code is null or period is null or doc_id is null or due_by is null) from reporting_moments
  union all select 'reporting_completeness', count(*) filter (where unit_code is null or period is null or doc_id is null or due_by is null) from reporting_completeness
),
final as (
  select * from nulls where rows > 0
)
select * from final order by model
