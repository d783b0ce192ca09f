-- Reporting adds up on every row, at the build's moment and at every month's end: on_time + late +
-- missing + not_due = expected, and what was received is what came on time or late.
with rows as (
  select b.as_of_month, r.* from reporting_completeness r cross join build_params b
  union all
  select * exclude (is_latest) from reporting_moments where not is_latest
)
select as_of_month, unit_code, period, doc_id, expected, received, on_time, late, missing, not_due
from rows
where on_time + late + missing + not_due <> expected
  or on_time + late <> received
order by as_of_month, unit_code, period, doc_id
