-- Each mart has one row per its grain: no key appears twice.
with keys as (
  select 'indicator_actuals' as model, concat_ws('|', indicator_id, scope_code, period) as key from indicator_actuals
  union all select 'indicator_annual', concat_ws('|', indicator_id, scope_code, year) from indicator_annual
  union all select 'kpi_status', concat_ws('|', target_id, scope_code, period) from kpi_status
  union all select 'kpi_current', concat_ws('|', target_id, scope_code) from kpi_current
  union all select 'milestone_status', target_id from milestone_status
  union all select 'milestone_moments', concat_ws('|', as_of_month, target_id) from milestone_moments
  union all select 'reporting_completeness', concat_ws('|', unit_code, period, doc_id) from reporting_completeness
  union all select 'reporting_moments', concat_ws('|', as_of_month, unit_code, period, doc_id) from reporting_moments
  union all select 'vocabulary', concat_ws('|', domain, code) from vocabulary
),
final as (
  select model, key, count(*) as rows from keys group by all having count(*) > 1
)
select * from final order by model, key
