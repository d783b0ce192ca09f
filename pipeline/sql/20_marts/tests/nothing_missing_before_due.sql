-- Nothing is missing before its due moment, and nothing past it is still "not due", at the build's
-- moment and at every month's end.
with rows as (
  select b.received_before as as_of, r.* from reporting_completeness r cross join build_params b
  union all
  select m.received_before, r.* exclude (as_of_month, is_latest)
  from reporting_moments r
  join stg_moments m using (as_of_month)
  where not r.is_latest
)
select unit_code, period, doc_id, due_by, as_of, missing, not_due
from rows
where (missing > 0 and due_by > as_of)
  or (not_due > 0 and due_by <= as_of)
order by as_of, unit_code, period, doc_id
