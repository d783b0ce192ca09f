-- The status languages: every code a mart writes, with the word, symbol and colour readers see,
-- in the order they are listed. The marts take their *_zh columns from here, the data tests check
-- every code against it, and the dashboard and the bulletin draw from its export. Rebuilt whole
-- by every build, like the catalogue.
create or replace table vocabulary as
select * from (values
  ('status', 'met', '已达标', 'met', '✔', '#1a7f37', 1, 5),
  ('status', 'on_track', '正常', 'on track', '●', '#2f6fbd', 2, 4),
  ('status', 'at_risk', '关注', 'at risk', '▲', '#b8860b', 3, 3),
  ('status', 'off_track', '滞后', 'off track', '▼', '#c2410c', 4, 2),
  ('status', 'missed', '逾期未达标', 'missed', '✘', '#b91c1c', 5, 1),
  ('status', 'no_data', '无数据', 'no data', '○', '#6b7280', 6, 6),
  ('forecast_status', 'likely_met', '预计达标', 'likely met', '✔', '#1a7f37', 1, null),
  ('forecast_status', 'likely_missed', '预计未达标', 'likely missed', '✘', '#b91c1c', 2, null),
  ('forecast_status', 'insufficient_data', '数据不足', 'insufficient data', '○', '#6b7280', 3, null),
  ('forecast_status', 'settled', '已到期', 'settled', '■', '#6b7280', 4, null),
  ('forecast_status', 'not_applicable', '不适用', 'not applicable', '–', '#6b7280', 5, null),
  ('deadline_status', 'met', '按期达标', 'met by the deadline', '✔', '#1a7f37', 1, null),
  ('deadline_status', 'missed', '未按期达标', 'missed at the deadline', '✘', '#b91c1c', 2, null),
  ('deadline_status', 'no_data', '无数据', 'no data', '○', '#6b7280', 3, null),
  ('deadline_result', 'met', '按期达标', 'met by the deadline', '✔', '#1a7f37', 1, null),
  ('deadline_result', 'met_late', '逾期达标', 'met late', '✔', '#c2410c', 2, null),
  ('deadline_result', 'missed_years', '部分年度未达标', 'missed some years', '◐', '#c2410c', 3, null),
  ('deadline_result', 'missed', '逾期未达标', 'missed', '✘', '#b91c1c', 4, null),
  ('deadline_result', 'no_data', '无数据', 'no data', '○', '#6b7280', 5, null),
  ('task_status', 'overdue', '逾期', 'overdue', '✘', '#b91c1c', 1, null),
  ('task_status', 'due_soon', '临期', 'due soon', '▲', '#b8860b', 2, null),
  ('task_status', 'in_progress', '推进中', 'in progress', '●', '#2f6fbd', 3, null),
  ('task_status', 'done', '已完成', 'done', '✔', '#1a7f37', 5, null),
  -- a numeric target shown among tasks before it has a figure
  ('task_status', 'no_data', '无数据', 'no data', '○', '#6b7280', 6, null),
  -- a done task's view when it was done after its deadline (milestone_status.completed_late)
  ('task_status', 'done_late', '逾期完成', 'done late', '✔', '#c2410c', 4, null),
  ('report_status', 'on_time', '按时', 'on time', '✔', '#1a7f37', 1, null),
  ('report_status', 'late', '迟报', 'late', '◐', '#b8860b', 2, null),
  ('report_status', 'missing', '漏报', 'missing', '✘', '#b91c1c', 3, null),
  ('report_status', 'not_due', '未到期', 'not due', '…', '#9ca3af', 4, null),
  -- a matrix cell of a month in which nothing was owed
  ('report_status', 'none', '无报送任务', 'nothing owed', '', '#6b7280', 5, null),
  -- what a commitment is (targets.kind), in the order the pages list them
  ('target_kind', 'reach', '数值目标', 'a number reached by the deadline', '#', '#2f6fbd', 1, null),
  ('target_kind', 'hold', '持续保持', 'a level kept every period', '=', '#2f6fbd', 2, null),
  ('target_kind', 'coverage', '全覆盖', 'all of a stated base', '◉', '#2f6fbd', 3, null),
  ('target_kind', 'ranking', '全省排名', 'a provincial rank within a bound', '↑', '#2f6fbd', 4, null),
  ('target_kind', 'direction', '方向目标', 'better than the baseline', '↗', '#2f6fbd', 5, null),
  ('target_kind', 'deliverable', '交付事项', 'a thing done by a date', '☐', '#2f6fbd', 6, null),
  ('target_kind', 'prohibition', '禁止事项', 'no violation, ever', '⊘', '#2f6fbd', 7, null),
  ('target_kind', 'window', '时段禁令', 'no violation within a window', '⊘', '#2f6fbd', 8, null),
  -- how the rule reads: a comparator's sign, and a direction's comparison with the baseline
  ('comparator', '>=', '≥', 'at least', '≥', '#111111', 1, null),
  ('comparator', '<=', '≤', 'at most', '≤', '#111111', 2, null),
  ('comparator', '=', '=', 'exactly', '=', '#111111', 3, null),
  ('comparator', 'increase', '高于基期', 'above the baseline', '↗', '#111111', 4, null),
  ('comparator', 'decrease', '低于基期', 'below the baseline', '↘', '#111111', 5, null),
  ('comparator', 'done_by', '完成于', 'done by', '☐', '#111111', 6, null),
  -- how a row's deadline, owner and value were set (targets.deadline_basis, owner_basis, value_basis)
  ('deadline_basis', 'printed', '文件明确', 'printed in the clause', '', '#1a7f37', 1, null),
  ('deadline_basis', 'horizon', '规划期限', 'the document''s horizon', '', '#2f6fbd', 2, null),
  ('deadline_basis', 'assumed', '推定', 'assumed: see why', '※', '#b8860b', 3, null),
  ('owner_basis', 'printed', '文件明确', 'named in the clause', '', '#1a7f37', 1, null),
  ('owner_basis', 'document', '文件他处明确', 'named elsewhere in the document', '', '#2f6fbd', 2, null),
  ('owner_basis', 'issuer', '发文机关', 'nobody named: the issuing office answers', '※', '#b8860b', 3, null),
  ('value_basis', 'printed', '文件明确', 'printed in the clause', '', '#1a7f37', 1, null),
  ('value_basis', 'assumed', '推定', 'assumed: see why', '※', '#b8860b', 2, null),
  ('value_basis', 'none', '无数值', 'no value: done or better than the baseline', '', '#6b7280', 3, null)
) as v(domain, code, zh, en, symbol, color, sort_order, severity);
comment on table vocabulary is '状态词表 Every status code of the marts with its Chinese word, symbol, colour and order; the *_zh columns come from here';
comment on column vocabulary.domain is 'Which status: status, forecast_status (kpi_status); deadline_status, deadline_result (kpi_current); task_status (milestone_status.status); report_status (reporting_completeness columns); target_kind (targets.kind); comparator (targets.comparator); deadline_basis, owner_basis, value_basis (how targets.deadline, owner and target_value were set)';
comment on column vocabulary.code is 'The code a mart writes';
comment on column vocabulary.zh is '中文 The word readers see';
comment on column vocabulary.en is 'English';
comment on column vocabulary.symbol is '符号 Shown beside the word, so a status is never told by colour alone';
comment on column vocabulary.color is '颜色 Hex colour';
comment on column vocabulary.sort_order is '顺序 Order within the domain';
comment on column vocabulary.severity is '严重程度 status only: 1 the worst (逾期未达标) … 5 已达标, then 6 无数据: the order of a worst-first list';
