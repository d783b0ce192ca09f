-- The moment every mart is computed for: one row, written by `kpi build` before the models run
-- (replaced whole by every build and ingest, so its columns can change without a migration).
create or replace table build_params (
  as_of_month date not null,
  as_of_date date not null,
  received_before timestamptz not null,
  built_at timestamptz not null,
  tolerance double not null,
  plan_start date not null,
  due_day integer not null,
  is_sample boolean not null,
  as_of_label_zh varchar not null
);
comment on table build_params is '测算口径 The as-of moment of the last `kpi build`: every mart and export is computed for it';
comment on column build_params.as_of_month is '截至月份 First day of the month the as-of moment falls in';
comment on column build_params.as_of_date is '截至日期 The last day the as-of moment covers, China time (the given day; the given month''s last day; today for now)';
comment on column build_params.received_before is '截至时刻 The as-of moment: submissions received before this instant count, and a report is due by then when its due moment is not after it (`--as-of` day or month: the end of it, China time; default the time of the build)';
comment on column build_params.built_at is '生成时间 When the build ran';
comment on column build_params.tolerance is '关注 band: an actual short of the expected value by at most this share of the expected increment is at risk (关注), beyond it off track (滞后)';
comment on column build_params.plan_start is '规划起点 First month the plan is tracked from (2020-01-01)';
comment on column build_params.due_day is '报送时限 Reports for a month are on time when received by the end of this day of the following month, China time (default 10)';
comment on column build_params.is_sample is '示例数据 True when the build is of the bundled sample, as of the sample''s own snapshot moment';
comment on column build_params.as_of_label_zh is '口径说明 What every page and the bulletin say of the moment: 截至2026年12月1日 (pages add 示例数据 when is_sample)';
