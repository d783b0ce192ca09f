-- The moment every mart is computed for: one row, written by `kpi build` before the models run
-- (replaced whole by every build and ingest, so its columns can change without a migration).
create or replace table build_params (
  as_of_month date not null,
  received_before timestamptz not null,
  built_at timestamptz not null,
  tolerance double not null,
  plan_start date not null,
  due_day integer not null
);
comment on table build_params is '测算口径 The as-of moment of the last `kpi build`: every mart and export is computed for it';
comment on column build_params.as_of_month is '截至月份 First day of the as-of month: periods after it are not shown';
comment on column build_params.received_before is 'Submissions received before this instant count (the end of the as-of month, China time)';
comment on column build_params.built_at is '生成时间 When the build ran';
comment on column build_params.tolerance is '关注 band: an actual short of the expected value by at most this share of the expected increment is at risk (关注), beyond it off track (滞后)';
comment on column build_params.plan_start is '规划起点 First month the plan is tracked from (2020-01-01)';
comment on column build_params.due_day is '报送时限 Reports for a month are on time when received by this day of the following month (default 10)';
