-- Every status code is one of its vocabulary's, and every *_zh word is the vocabulary's word for
-- the code beside it (a null code, where allowed, has a null word).
with checks as (
  select 'kpi_status' as model, 'status' as "column", 'status' as domain, status as code, status_zh as zh, false as nullable from kpi_status
  union all select 'kpi_status', 'forecast_status', 'forecast_status', forecast_status, forecast_status_zh, false from kpi_status
  union all select 'kpi_current', 'status', 'status', status, status_zh, false from kpi_current
  union all select 'kpi_current', 'forecast_status', 'forecast_status', forecast_status, forecast_status_zh, false from kpi_current
  -- null before the deadline
  union all select 'kpi_current', 'deadline_status', 'deadline_status', deadline_status, deadline_status_zh, true from kpi_current
  union all select 'kpi_current', 'deadline_result', 'deadline_result', deadline_result, deadline_result_zh, true from kpi_current
  union all select 'milestone_status', 'status', 'task_status', status, status_zh, false from milestone_status
  -- the catalogue's codes: what each commitment is and how its deadline, owner and value were set
  union all select 'targets', 'kind', 'target_kind', kind, (select zh from vocabulary where domain = 'target_kind' and code = kind), false from targets
  union all select 'targets', 'comparator', 'comparator', comparator, (select zh from vocabulary where domain = 'comparator' and code = comparator), false from targets
  union all select 'targets', 'deadline_basis', 'deadline_basis', deadline_basis, (select zh from vocabulary where domain = 'deadline_basis' and code = deadline_basis), false from targets
  union all select 'targets', 'owner_basis', 'owner_basis', owner_basis, (select zh from vocabulary where domain = 'owner_basis' and code = owner_basis), false from targets
  union all select 'targets', 'value_basis', 'value_basis', value_basis, (select zh from vocabulary where domain = 'value_basis' and code = value_basis), false from targets
),
final as (
  select c.model, c."column", c.code, c.zh, v.zh as vocabulary_zh, count(*) as rows
  from checks c
  left join vocabulary v on v.domain = c.domain and v.code = c.code
  where (c.code is null and not c.nullable)
    or (c.code is not null and v.code is null)
    or c.zh is distinct from v.zh
  group by all
)
select * from final order by model, "column", code
