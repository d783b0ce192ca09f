-- Every loaded row names what the catalogue knows: the unit, indicator and target of each
-- observation, superseded version and task report, and the submission it came from. A hand edit
-- of the warehouse that breaks this fails the build.
with refs as (
  select 'observations' as source, 'unit_code' as key, unit_code as value,
    exists (select 1 from counties c where c.unit_code = o.unit_code) as known
  from observations o
  union all
  select 'observations', 'indicator_id', indicator_id,
    exists (select 1 from indicators i where i.indicator_id = o.indicator_id)
  from observations o
  union all
  select 'observations', 'submission_id', cast(submission_id as varchar),
    exists (select 1 from submissions s where s.submission_id = o.submission_id)
  from observations o
  union all
  select 'observation_history', 'unit_code', unit_code,
    exists (select 1 from counties c where c.unit_code = h.unit_code)
  from observation_history h
  union all
  select 'observation_history', 'indicator_id', indicator_id,
    exists (select 1 from indicators i where i.indicator_id = h.indicator_id)
  from observation_history h
  union all
  select 'milestone_reports', 'target_id', target_id,
    exists (select 1 from targets t where t.target_id = m.target_id)
  from milestone_reports m
  union all
  select 'milestone_reports', 'unit_code', unit_code,
    exists (select 1 from counties c where c.unit_code = m.unit_code)
  from milestone_reports m
),
final as (
  select source, key, value, count(*) as rows
  from refs
  where not known
  group by all
)
select * from final order by source, key, value
