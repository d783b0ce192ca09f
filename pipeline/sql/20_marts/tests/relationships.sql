-- Every unit, indicator and target a mart names is in the catalogue.
with refs as (
  select 'indicator_actuals' as model, 'scope_code' as "column", scope_code as value from indicator_actuals
  union all select 'indicator_actuals', 'indicator_id', indicator_id from indicator_actuals
  union all select 'kpi_status', 'scope_code', scope_code from kpi_status
  union all select 'kpi_status', 'target_id', target_id from kpi_status
  union all select 'kpi_current', 'scope_code', scope_code from kpi_current
  union all select 'kpi_current', 'target_id', target_id from kpi_current
  union all select 'milestone_status', 'target_id', target_id from milestone_status
  union all select 'milestone_status', 'scope_code', scope_code from milestone_status
  union all select 'reporting_completeness', 'unit_code', unit_code from reporting_completeness
),
catalogue as (
  select 'scope_code' as "column", unit_code as value from counties
  union all select 'unit_code', unit_code from counties
  union all select 'indicator_id', indicator_id from indicators
  union all select 'target_id', target_id from targets
),
final as (
  select r.model, r."column", r.value, count(*) as rows
  from refs r
  where not exists (select 1 from catalogue c where c."column" = r."column" and c.value = r.value)
  group by all
)
select * from final order by model, "column", value
