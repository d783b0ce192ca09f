-- Each task's completion as it stood at every moment of stg_moments: the latest report received
-- before it.
create or replace view stg_milestone_moments as
with received as (
  select mo.as_of_month, mo.is_latest, m.*, s.received_at
  from milestone_reports m
  join submissions s using (submission_id)
  join stg_moments mo on s.received_at < mo.received_before
),
ranked as (
  select *, row_number() over (
    partition by as_of_month, target_id order by received_at desc, submission_id desc, source_line desc
  ) as version_rank
  from received
),
final as (
  select as_of_month, is_latest, target_id, unit_code, completed_on, evidence, submission_id, source_line, received_at
  from ranked
  where version_rank = 1
)
select * from final;
comment on view stg_milestone_moments is 'Each task''s latest completion report received before each moment of stg_moments';
comment on column stg_milestone_moments.as_of_month is 'stg_moments.as_of_month';
comment on column stg_milestone_moments.is_latest is 'stg_moments.is_latest';
comment on column stg_milestone_moments.target_id is 'targets.target_id';
comment on column stg_milestone_moments.unit_code is 'The unit that reported it';
comment on column stg_milestone_moments.completed_on is 'Completion date reported';
comment on column stg_milestone_moments.evidence is 'Evidence reported';
comment on column stg_milestone_moments.submission_id is 'The submission';
comment on column stg_milestone_moments.source_line is 'Line in that submission';
comment on column stg_milestone_moments.received_at is 'When that submission was received';

