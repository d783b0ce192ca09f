-- observations holds one current value per (unit, indicator, period): kpi ingest moves the value a
-- later file replaces to observation_history. The table has no primary-key index (it cost more
-- than the rest of a nation's load), so this holds the rule instead.
select unit_code, indicator_id, period, count(*) as rows
from observations
group by all
having count(*) > 1
order by all
