-- Each month's end as it stood then, for the targets: what `kpi build --as-of YYYY-MM` of that
-- month computes, kept by every build for the months that have ended, so any month is shown exactly
-- without a rebuild. Written by the snapshot step of `kpi build` (pipeline/sql/25_snapshots), month
-- by month; a month is recomputed only when what it depends on changed (snapshot_builds.fingerprint).
create table if not exists snapshot_builds (
  as_of_month date primary key,
  fingerprint varchar not null,
  built_at timestamptz not null
);
comment on table snapshot_builds is '月末快照 The month-ends whose state is kept, and what each was computed from';
comment on column snapshot_builds.as_of_month is '截至月份 First day of the month whose end the snapshot is as of';
comment on column snapshot_builds.fingerprint is 'The SQL models, catalogue and parameters, and the submissions received by that month''s end: when it changes the month is recomputed';
comment on column snapshot_builds.built_at is '生成时间 When the snapshot was computed';

create table if not exists snapshot_targets (
  as_of_month date not null,
  target_id varchar not null,
  indicator_id varchar,
  scope_code varchar not null,
  latest_period date,
  actual decimal(20, 6),
  expected_value decimal(20, 6),
  pct_of_target double,
  status varchar not null,
  deadline_period date,
  deadline_result varchar,
  periods_missed integer,
  met_period date
);
comment on table snapshot_targets is '目标月末快照 kpi_current as it stood at the end of each month (as_of_month)';
comment on column snapshot_targets.as_of_month is '截至月份 The month whose end it is as of';
comment on column snapshot_targets.target_id is 'targets.target_id';
comment on column snapshot_targets.indicator_id is 'indicators.indicator_id';
comment on column snapshot_targets.scope_code is 'counties.unit_code; 211400 for the city';
comment on column snapshot_targets.latest_period is 'kpi_current.latest_period then';
comment on column snapshot_targets.actual is 'kpi_current.actual then';
comment on column snapshot_targets.expected_value is 'kpi_current.expected_value then';
comment on column snapshot_targets.pct_of_target is 'kpi_current.pct_of_target then';
comment on column snapshot_targets.status is 'kpi_current.status then';
comment on column snapshot_targets.deadline_period is 'kpi_current.deadline_period then';
comment on column snapshot_targets.deadline_result is 'kpi_current.deadline_result then';
comment on column snapshot_targets.periods_missed is 'kpi_current.periods_missed then';
comment on column snapshot_targets.met_period is 'kpi_current.met_period then';

-- Tasks and reporting at every month's end are computed in one pass by every build
-- (milestone_moments, reporting_moments): their snapshots of old are gone.
drop table if exists snapshot_tasks;
drop table if exists snapshot_reporting;
