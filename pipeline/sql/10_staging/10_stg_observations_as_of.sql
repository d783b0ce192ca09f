-- Every value as it stood at the as-of moment: among all versions of a key (current and
-- superseded), the latest received before build_params.received_before.
create or replace view stg_observations_as_of as
with params as (
  select * from build_params
),
versions as (
  select unit_code, indicator_id, period, value, submission_id, source_line from observations
  union all
  select unit_code, indicator_id, period, value, submission_id, source_line from observation_history
),
received as (
  select versions.*, submissions.received_at
  from versions
  join submissions using (submission_id)
  cross join params
  where submissions.received_at < params.received_before
    and versions.period <= params.as_of_month
),
ranked as (
  select *, row_number() over (
    partition by unit_code, indicator_id, period order by received_at desc, submission_id desc
  ) as version_rank
  from received
),
final as (
  select unit_code, indicator_id, period, value, submission_id, source_line, received_at
  from ranked
  where version_rank = 1
)
select * from final;
comment on view stg_observations_as_of is 'Each (unit, indicator, period) value as it stood at the as-of moment';
comment on column stg_observations_as_of.unit_code is 'counties.unit_code';
comment on column stg_observations_as_of.indicator_id is 'indicators.indicator_id';
comment on column stg_observations_as_of.period is 'First day of the period';
comment on column stg_observations_as_of.value is 'Value in base units, from the latest submission received before the as-of moment';
comment on column stg_observations_as_of.submission_id is 'The submission the value came from';
comment on column stg_observations_as_of.source_line is 'Line in that submission';
comment on column stg_observations_as_of.received_at is 'When that submission was received';
