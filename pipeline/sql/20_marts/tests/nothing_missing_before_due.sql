-- Nothing is missing before its due moment, and nothing past it is still "not due".
select r.unit_code, r.period, r.doc_id, r.due_by, b.received_before as as_of, r.missing, r.not_due
from reporting_completeness r
cross join build_params b
where (r.missing > 0 and r.due_by > b.received_before)
  or (r.not_due > 0 and r.due_by <= b.received_before)
order by r.unit_code, r.period, r.doc_id
