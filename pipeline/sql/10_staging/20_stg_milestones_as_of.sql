-- Each task's completion as it stood at the as-of moment: the latest report received before it.
create or replace view stg_milestones_as_of as
with params as (
  select * from build_params
),
received as (
  select m.*, s.received_at
  from milestone_reports m
  join submissions s using (submission_id)
  cross join params
  where s.received_at < params.received_before
),
ranked as (
  select *, row_number() over (partition by target_id order by received_at desc, submission_id desc, source_line desc) as version_rank
  from received
),
final as (
  select target_id, unit_code, completed_on, evidence, submission_id, source_line, received_at
  from ranked
  where version_rank = 1
)
select * from final;
comment on view stg_milestones_as_of is 'Each task''s latest completion report received before the as-of moment';
comment on column stg_milestones_as_of.target_id is 'targets.target_id';
comment on column stg_milestones_as_of.unit_code is 'The unit that reported it';
comment on column stg_milestones_as_of.completed_on is 'Completion date reported';
comment on column stg_milestones_as_of.evidence is 'Evidence reported';
comment on column stg_milestones_as_of.submission_id is 'The submission';
comment on column stg_milestones_as_of.source_line is 'Line in that submission';
comment on column stg_milestones_as_of.received_at is 'When that submission was received';
