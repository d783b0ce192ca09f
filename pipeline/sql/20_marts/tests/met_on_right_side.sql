-- A met status always has an actual on the right side of its target for its comparator (a
-- moratorium window: no more violations than allowed; a direction: better than its baseline).
select s.target_id, s.scope_code, s.period, t.comparator, t.target_shape, s.actual, s.target_value, s.baseline
from kpi_status s
join targets t using (target_id)
where s.status = 'met'
  and (s.actual is null
    or (t.target_shape = 'window' and s.actual > s.target_value)
    or (t.target_shape <> 'window' and t.comparator = '>=' and s.actual < s.target_value)
    or (t.target_shape <> 'window' and t.comparator = '<=' and s.actual > s.target_value)
    or (t.target_shape <> 'window' and t.comparator = '=' and s.actual <> s.target_value)
    or (t.comparator = 'increase' and s.actual <= s.baseline)
    or (t.comparator = 'decrease' and s.actual >= s.baseline))
order by s.target_id, s.scope_code, s.period
