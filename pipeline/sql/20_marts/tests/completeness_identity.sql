-- Reporting adds up on every row: on_time + late + missing + not_due = expected, and what was
-- received is what came on time or late.
select unit_code, period, doc_id, expected, received, on_time, late, missing, not_due
from reporting_completeness
where on_time + late + missing + not_due <> expected
  or on_time + late <> received
order by unit_code, period, doc_id
