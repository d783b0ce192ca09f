-- What counties sent, and what became of every row. Written only by `kpi ingest` (and `kpi serve`'s
-- uploads), one transaction per run.
create table if not exists submissions (
  submission_id integer primary key,
  file_name varchar not null,
  sha256 varchar not null unique,
  size_bytes bigint not null,
  received_at timestamptz not null,
  archive_path varchar not null,
  encoding varchar,
  unit_codes varchar[] not null,
  rows_read integer not null,
  rows_accepted integer not null,
  rows_rejected integer not null,
  rows_skipped integer not null,
  rows_warned integer not null,
  status varchar not null,
  reason varchar
);
comment on table submissions is '报送记录 One row per file received, whatever became of it';
comment on column submissions.submission_id is '报送编号 Sequential id';
comment on column submissions.file_name is '文件名 Name of the file as received';
comment on column submissions.sha256 is 'SHA-256 of the file''s bytes: the archive key';
comment on column submissions.size_bytes is '文件大小 Bytes';
comment on column submissions.received_at is '接收时间 When the file was received';
comment on column submissions.archive_path is 'Archived copy, relative to the warehouse folder (archive/ab/abcdef….csv)';
comment on column submissions.encoding is '编码 Detected encoding: utf-8, utf-8-bom, gb18030, utf-16le, utf-16be';
comment on column submissions.unit_codes is '报送单位 Reporting units found in the file';
comment on column submissions.rows_read is '读取行数 Data rows read (header and title rows excluded)';
comment on column submissions.rows_accepted is '接受行数 Rows loaded into observations';
comment on column submissions.rows_rejected is '拒绝行数 Rows rejected (see rejections)';
comment on column submissions.rows_skipped is '跳过行数 Blank, total (合计) and footer rows, skipped on purpose';
comment on column submissions.rows_warned is '预警行数 Accepted rows flagged with a warning';
comment on column submissions.status is '状态 accepted, partial (some rows rejected), rejected (strict mode or no row usable), unusable (not a readable CSV)';
comment on column submissions.reason is '原因 Why the file was rejected or unusable';

create table if not exists observations (
  unit_code varchar not null,
  indicator_id varchar not null,
  period date not null,
  value decimal(20, 6) not null,
  raw_value varchar not null,
  raw_unit varchar,
  note varchar,
  submission_id integer not null,
  source_line integer not null
);
comment on table observations is '报送数据 The current value of every (unit, indicator, period): the latest accepted report. One row per key (data test observations_one_per_key): kpi ingest keeps it so, without a primary-key index, which at the nation''s millions of rows cost more than the rest of a load';
comment on column observations.unit_code is '报送单位 counties.unit_code';
comment on column observations.indicator_id is '指标 indicators.indicator_id';
comment on column observations.period is '统计期 First day of the period (month, quarter or year)';
comment on column observations.value is '数值 In the indicator''s base unit; for milestones the completion date as yyyymmdd';
comment on column observations.raw_value is '原始值 The cell exactly as written';
comment on column observations.raw_unit is '原始单位 The unit as written (unit column or inside the cell)';
comment on column observations.note is '备注 The row''s note (for milestones: the evidence)';
comment on column observations.submission_id is 'The submission the value came from';
comment on column observations.source_line is '行号 Line in the file as a text editor shows it (header = line 1 when it is the first line)';

create table if not exists observation_history (
  unit_code varchar not null,
  indicator_id varchar not null,
  period date not null,
  value decimal(20, 6) not null,
  raw_value varchar not null,
  raw_unit varchar,
  note varchar,
  submission_id integer not null,
  source_line integer not null,
  superseded_by integer not null
);
comment on table observation_history is '历史数据 Values replaced by a later submission for the same key, kept with their submission';
comment on column observation_history.unit_code is '报送单位 counties.unit_code';
comment on column observation_history.indicator_id is '指标 indicators.indicator_id';
comment on column observation_history.period is '统计期 First day of the period';
comment on column observation_history.value is '数值 In base units';
comment on column observation_history.raw_value is '原始值 The cell exactly as written';
comment on column observation_history.raw_unit is '原始单位 The unit as written';
comment on column observation_history.note is '备注 The row''s note';
comment on column observation_history.submission_id is 'The submission the value came from';
comment on column observation_history.source_line is '行号 Line in that file';
comment on column observation_history.superseded_by is 'The submission whose value replaced this one';

create table if not exists rejections (
  submission_id integer not null,
  source_line integer,
  column_name varchar,
  raw_value varchar,
  code varchar not null,
  severity varchar not null,
  message_zh varchar not null,
  message_en varchar not null
);
comment on table rejections is '问题清单 Every problem found in a submission: errors (row rejected) and warnings (row accepted, flagged)';
comment on column rejections.submission_id is 'The submission';
comment on column rejections.source_line is '行号 Line in the file as a text editor shows it; null for a problem with the whole file';
comment on column rejections.column_name is '列 Column header as written in the file';
comment on column rejections.raw_value is '原始值 The cell as written';
comment on column rejections.code is '问题代码 Stable code, see docs/problem-codes.md';
comment on column rejections.severity is 'error (row rejected) or warning (row accepted, flagged)';
comment on column rejections.message_zh is '说明 What is wrong, in Chinese';
comment on column rejections.message_en is 'What is wrong, in English';

create table if not exists milestone_reports (
  target_id varchar not null,
  unit_code varchar not null,
  period date not null,
  completed_on date not null,
  evidence varchar not null,
  raw_value varchar not null,
  submission_id integer not null,
  source_line integer not null
);
comment on table milestone_reports is '任务完成报送 Every report of a task or milestone done, kept whole: the latest received before a moment is what stood then';
comment on column milestone_reports.target_id is 'targets.target_id of a done_by target';
comment on column milestone_reports.unit_code is '报送单位 The unit that reported it (the task''s unit, or the city for its lead department)';
comment on column milestone_reports.period is '统计期 The reporting month''s first day';
comment on column milestone_reports.completed_on is '完成日期 The date the task was completed';
comment on column milestone_reports.evidence is '佐证 Evidence written in 备注 (document, number, address)';
comment on column milestone_reports.raw_value is '原始值 The date cell exactly as written';
comment on column milestone_reports.submission_id is 'The submission the report came from';
comment on column milestone_reports.source_line is '行号 Line in that file';
