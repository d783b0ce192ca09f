-- Every version of every value (current and superseded) with the moments it stood at: from the first
-- moment of stg_moments that sees its receipt (visible_from) until the first moment that sees the
-- version replacing it (valid_to; null: it still stands at the build's moment). A version replaced
-- before any moment saw it stood at none and is left out; one received after the build's moment
-- too. The value a key had at a moment is the version whose interval holds it: what
-- stg_observations_as_of of that moment holds.
create or replace view stg_observation_versions as
with versions as (
  select unit_code, indicator_id, period, value, submission_id from observations
  union all
  select unit_code, indicator_id, period, value, submission_id from observation_history
),
received as (
  select v.*, s.received_at
  from versions v
  join submissions s using (submission_id)
),
visible as (
  -- the first moment whose received_before is after the receipt
  select r.*, m.as_of_month as visible_from
  from received r
  asof join stg_moments m on r.received_at < m.received_before
),
ordered as (
  select *, lead(visible_from) over (
    partition by unit_code, indicator_id, period order by received_at, submission_id
  ) as valid_to
  from visible
),
final as (
  select unit_code, indicator_id, period, value, submission_id, received_at, visible_from, valid_to
  from ordered
  where valid_to is null or valid_to > visible_from
)
select * from final;
comment on view stg_observation_versions is 'Each version of each (unit, indicator, period) value with the moments (stg_moments) it stood at';
comment on column stg_observation_versions.unit_code is 'counties.unit_code';
comment on column stg_observation_versions.indicator_id is 'indicators.indicator_id';
comment on column stg_observation_versions.period is 'First day of the period';
comment on column stg_observation_versions.value is 'Value in base units';
comment on column stg_observation_versions.submission_id is 'The submission the version came from';
comment on column stg_observation_versions.received_at is 'When that submission was received';
comment on column stg_observation_versions.visible_from is 'stg_moments.as_of_month of the first moment that sees it';
comment on column stg_observation_versions.valid_to is 'stg_moments.as_of_month of the first moment that sees the version replacing it; null: it stands at the build''s moment';
