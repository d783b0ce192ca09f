-- Every dated task and milestone (done_by targets) as it stood at every moment of stg_moments, in
-- one pass: done (when and by whom, with the evidence), or in progress, due soon (within 30 days)
-- or overdue. milestone_status is the build's own moment of it.
create or replace table milestone_moments as
with moments as (
  select as_of_month, is_latest, as_of_date from stg_moments
),
tasks as (
  select * from targets where comparator = 'done_by'
),
reports as (
  select * from stg_milestone_moments
),
joined as (
  select p.as_of_month, p.is_latest, t.*, r.completed_on, r.evidence, r.unit_code as reported_by, r.submission_id,
    p.as_of_date
  from tasks t
  cross join moments p
  left join reports r on r.target_id = t.target_id and r.as_of_month = p.as_of_month
),
classified as (
  select *,
    case
      when completed_on is not null and completed_on <= as_of_date then 'done'
      when deadline < as_of_date then 'overdue'
      when deadline <= as_of_date + 30 then 'due_soon'
      else 'in_progress'
    end as status
  from joined
),
final as (
  select
    as_of_month, is_latest,
    target_id, doc_id, scope_code, source_clause, deadline, lead_unit, responsible_units,
    completed_on, evidence, reported_by, submission_id,
    status,
    (select zh from vocabulary v where v.domain = 'task_status' and v.code = status) as status_zh,
    status = 'done' and completed_on > deadline as completed_late,
    case
      when status = 'done' then greatest(date_diff('day', deadline, completed_on), 0)
      when status = 'overdue' then date_diff('day', deadline, as_of_date)
      else 0
    end as days_late,
    as_of_date
  from classified
)
select * from final
order by as_of_month, deadline, target_id;
comment on table milestone_moments is '任务历史 Every dated task and milestone at every moment of stg_moments (each month''s end, and the build''s own moment)';
comment on column milestone_moments.as_of_month is 'stg_moments.as_of_month';
comment on column milestone_moments.is_latest is 'True for the build''s own moment';
comment on column milestone_moments.target_id is 'targets.target_id (comparator done_by)';
comment on column milestone_moments.doc_id is 'documents.doc_id';
comment on column milestone_moments.scope_code is 'The unit the task belongs to; 211400 for the city';
comment on column milestone_moments.source_clause is '条款 targets.source_clause';
comment on column milestone_moments.deadline is '完成时限 targets.deadline';
comment on column milestone_moments.lead_unit is '牵头单位 targets.lead_unit';
comment on column milestone_moments.responsible_units is '责任单位 targets.responsible_units';
comment on column milestone_moments.completed_on is '完成日期 From the latest report received by the moment';
comment on column milestone_moments.evidence is '佐证 The evidence reported with it';
comment on column milestone_moments.reported_by is 'The unit that reported it';
comment on column milestone_moments.submission_id is 'The submission the report came from';
comment on column milestone_moments.status is 'done, overdue (deadline passed, not done), due_soon (due within 30 days), in_progress';
comment on column milestone_moments.status_zh is '状态 已完成, 逾期, 临期 (30天内到期), 推进中';
comment on column milestone_moments.completed_late is '逾期完成 Done, but after the deadline';
comment on column milestone_moments.days_late is '逾期天数 Days past the deadline: at completion when done late, at the moment''s date when overdue; else 0';
comment on column milestone_moments.as_of_date is '截至日期 The last day the moment covers';

create or replace table milestone_status as
select * exclude (as_of_month, is_latest)
from milestone_moments
where is_latest
order by deadline, target_id;
comment on table milestone_status is '任务进度 Every dated task and milestone at the as-of date (milestone_moments at the build''s own moment)';
comment on column milestone_status.target_id is 'targets.target_id (comparator done_by)';
comment on column milestone_status.doc_id is 'documents.doc_id';
comment on column milestone_status.scope_code is 'The unit the task belongs to; 211400 for the city';
comment on column milestone_status.source_clause is '条款 targets.source_clause';
comment on column milestone_status.deadline is '完成时限 targets.deadline';
comment on column milestone_status.lead_unit is '牵头单位 targets.lead_unit';
comment on column milestone_status.responsible_units is '责任单位 targets.responsible_units';
comment on column milestone_status.completed_on is '完成日期 From the latest report received by the as-of moment';
comment on column milestone_status.evidence is '佐证 The evidence reported with it';
comment on column milestone_status.reported_by is 'The unit that reported it';
comment on column milestone_status.submission_id is 'The submission the report came from';
comment on column milestone_status.status is 'done, overdue (deadline passed, not done), due_soon (due within 30 days), in_progress';
comment on column milestone_status.status_zh is '状态 已完成, 逾期, 临期 (30天内到期), 推进中';
comment on column milestone_status.completed_late is '逾期完成 Done, but after the deadline';
comment on column milestone_status.days_late is '逾期天数 Days past the deadline: at completion when done late, at the as-of date when overdue; else 0';
comment on column milestone_status.as_of_date is '截至日期 build_params.as_of_date: the last day the as-of moment covers';
