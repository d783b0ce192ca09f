-- The catalogue: rebuilt from data/catalogue/*.csv by every `kpi ingest` and `kpi build`, so a
-- change of its columns needs no migration.
create or replace table documents (
  doc_id varchar primary key,
  source_doc varchar not null,
  title_zh varchar not null,
  issued_on date not null,
  area_zh varchar not null,
  area_en varchar not null
);
comment on table documents is '五份政策文件 The five 2020 policy documents the targets come from';
comment on column documents.doc_id is 'Short id of the document (rural, business, waste, zero_proof, fishing)';
comment on column documents.source_doc is '文号 Document number as printed, whitespace removed, e.g. 葫政发〔2020〕13号';
comment on column documents.title_zh is '标题 Title of the document';
comment on column documents.issued_on is '成文日期 Date the document was signed';
comment on column documents.area_zh is '政策领域 Policy area in Chinese';
comment on column documents.area_en is 'Policy area in English';

create or replace table counties (
  unit_code varchar primary key,
  name_zh varchar not null,
  name_en varchar not null,
  kind varchar not null,
  coastal boolean not null,
  aliases varchar[] not null,
  sort_order integer not null,
  note varchar
);
comment on table counties is '报送单位 Reporting units: the city (211400), its county-level units and development zones';
comment on column counties.unit_code is '单位代码 GB/T 2260 code for the city and counties; our own stable code (2114Z1…) for development zones';
comment on column counties.name_zh is '单位名称 Official Chinese name';
comment on column counties.name_en is 'English name';
comment on column counties.kind is '类型 市, 区, 县, 县级市 or 开发区';
comment on column counties.coastal is '沿海 True when the unit has coastline on 辽东湾 (relevant to the fishing moratorium)';
comment on column counties.aliases is '别名 Other names clerks write for the unit (兴城, 兴城市人民政府 …)';
comment on column counties.sort_order is '排序 Official order: by administrative code, development zones after';
comment on column counties.note is '备注 Reviewer notes';

create or replace table indicators (
  indicator_id varchar primary key,
  doc_id varchar not null,
  name_zh varchar not null,
  name_en varchar not null,
  unit_zh varchar not null,
  base_unit varchar not null,
  display_scale decimal(20, 6) not null,
  frequency varchar not null,
  time_aggregation varchar not null,
  unit_aggregation varchar not null,
  numerator_id varchar,
  denominator_id varchar,
  reported boolean not null,
  reporters varchar not null,
  aliases varchar[] not null,
  note varchar
);
comment on table indicators is '指标 What counties report and what is computed from it';
comment on column indicators.indicator_id is '指标代码 Stable snake_case id';
comment on column indicators.doc_id is 'The document the indicator serves (documents.doc_id)';
comment on column indicators.name_zh is '指标名称 Chinese name';
comment on column indicators.name_en is 'English name';
comment on column indicators.unit_zh is '计量单位 Unit as shown to people (万吨, 万亩, %, 个)';
comment on column indicators.base_unit is 'Unit values are stored in: t, mu, count, yuan, ratio, day, date';
comment on column indicators.display_scale is 'Base units per display unit (万吨 → 10000; % → 0.01)';
comment on column indicators.frequency is '报送频率 monthly, quarterly, annual or event';
comment on column indicators.time_aggregation is 'flow_ytd (yearly total reported year to date), cumulative (since plan start), stock (latest value), rate, milestone';
comment on column indicators.unit_aggregation is 'Across units: sum, ratio_of_sums (rates: sum of numerators / sum of denominators), none';
comment on column indicators.numerator_id is 'For rates: the reported indicator summed as numerator';
comment on column indicators.denominator_id is 'For rates: the reported indicator summed as denominator';
comment on column indicators.reported is 'True when counties report it in their CSVs; false when computed';
comment on column indicators.reporters is '报送单位范围 Who reports it: all (counties and zones), counties, coastal, city (city departments, as 211400), responsible (a task''s responsible unit), none (computed)';
comment on column indicators.aliases is '别名 Other names clerks write for the indicator';
comment on column indicators.note is '备注 Reading and ambiguities';

create or replace table targets (
  target_id varchar primary key,
  doc_id varchar not null,
  kind varchar not null,
  indicator_id varchar not null,
  scope_code varchar not null,
  comparator varchar not null,
  target_value decimal(20, 6),
  base_unit varchar not null,
  target_shape varchar not null,
  start_date date,
  deadline date not null,
  deadline_basis varchar not null,
  source_doc varchar not null,
  source_clause varchar not null,
  source_quote varchar not null,
  responsible_units varchar[] not null,
  lead_unit varchar,
  owner varchar not null,
  owner_basis varchar not null,
  value_basis varchar not null,
  assumption_zh varchar,
  note varchar
);
comment on table targets is '目标 Every checkable commitment of the five documents: numbers, rules, deliverables, directions, coverage and rankings';
comment on column targets.target_id is '目标代码 Stable snake_case id';
comment on column targets.doc_id is 'The document (documents.doc_id)';
comment on column targets.kind is '类型 reach (a number by the deadline), hold (a level every period), window (zero violations in a dated window), deliverable (done by a date), direction (better than the baseline), prohibition (zero violations, standing rule), coverage (100 % of a stated base), ranking (a provincial rank within a bound)';
comment on column targets.indicator_id is 'What is measured (indicators.indicator_id)';
comment on column targets.scope_code is 'The unit the target applies to (counties.unit_code); 211400 for the city as a whole';
comment on column targets.comparator is '>=, <=, =, done_by (a task done by the deadline), increase or decrease (a direction: better than the baseline)';
comment on column targets.target_value is '目标值 In base units; rates as fractions (98 % → 0.98); null for done_by and directions';
comment on column targets.base_unit is 'As the indicator''s base unit';
comment on column targets.target_shape is 'reach_by_deadline (straight path from baseline to target), hold_every_period, done_by, window (a rule between start_date and deadline)';
comment on column targets.start_date is 'First day the target applies (holds and windows)';
comment on column targets.deadline is '完成时限 Deadline ("到2025年" → 2025-12-31)';
comment on column targets.deadline_basis is '时限依据 printed (the clause prints the date), horizon (the document''s horizon, 力争到2025年), assumed (set by us: assumption_zh says why)';
comment on column targets.source_doc is '文号 Document number as printed';
comment on column targets.source_clause is '条款 Where in the document: heading path, article or task number';
comment on column targets.source_quote is '原文 Verbatim quote (whitespace and OCR artifacts normalised)';
comment on column targets.responsible_units is '责任单位 Responsible units as printed';
comment on column targets.lead_unit is '牵头单位 Lead unit where the document names one';
comment on column targets.owner is '责任主体 Who answers for the commitment: the lead the clause names, else its first 责任单位, else the issuing office';
comment on column targets.owner_basis is '责任依据 printed (named in the clause), document (named elsewhere in the document: assumption_zh says where), issuer (nobody named: the issuing office answers)';
comment on column targets.value_basis is '目标值依据 printed, assumed (our reading, e.g. 前列 as a rank bound: assumption_zh says why) or none (deliverables, directions)';
comment on column targets.assumption_zh is '认定说明 What was assumed and why, for a leader; present whenever a deadline, owner or value is not printed';
comment on column targets.note is '备注 Our reading where the text is ambiguous, and the alternative';

create or replace table parameters (
  parameter_id varchar primary key,
  doc_id varchar not null,
  name_zh varchar not null,
  value varchar not null,
  unit_zh varchar,
  source_clause varchar not null,
  source_quote varchar not null,
  note varchar
);
comment on table parameters is '政策参数 Policy parameters that are not targets (rewards, limits, time limits)';
comment on column parameters.parameter_id is 'Stable snake_case id';
comment on column parameters.doc_id is 'The document (documents.doc_id)';
comment on column parameters.name_zh is '名称 What the parameter is';
comment on column parameters.value is '数值 The value as stated';
comment on column parameters.unit_zh is '单位 Unit of the value';
comment on column parameters.source_clause is '条款 Where in the document';
comment on column parameters.source_quote is '原文 Verbatim quote (normalised as for targets)';
comment on column parameters.note is '备注 Reading and ambiguities';

create or replace table reporting_duties (
  unit_code varchar not null,
  indicator_id varchar not null,
  primary key (unit_code, indicator_id)
);
comment on table reporting_duties is '报送责任 Which unit reports which indicator, derived from indicators.reporters and the units'' kind and coastline';
comment on column reporting_duties.unit_code is 'counties.unit_code';
comment on column reporting_duties.indicator_id is 'indicators.indicator_id of a reported indicator';
