-- Every task as it stood at every moment of rpt_moments (milestone_moments), with the view readers
-- see (a task done after its deadline is done_late).
create or replace table rpt_task_moments as
with tasks as (
  select as_of_month, target_id, scope_code, status, completed_on, completed_late, days_late from milestone_moments
),
final as (
  select u.*,
    case when u.status = 'done' and u.completed_late then 'done_late' else u.status end as task_view,
    t.doc_id, t.deadline, t.lead_unit, t.responsible_units
  from tasks u
  join targets t using (target_id)
)
select * from final
order by as_of_month, deadline, target_id;
comment on table rpt_task_moments is '任务历史时点 milestone_status as it stood at every moment of rpt_moments (milestone_moments, with the readers'' view)';
comment on column rpt_task_moments.as_of_month is 'rpt_moments.as_of_month';
comment on column rpt_task_moments.target_id is 'targets.target_id';
comment on column rpt_task_moments.scope_code is 'The unit the task belongs to';
comment on column rpt_task_moments.status is 'milestone_moments.status';
comment on column rpt_task_moments.completed_on is 'milestone_moments.completed_on';
comment on column rpt_task_moments.completed_late is 'milestone_moments.completed_late';
comment on column rpt_task_moments.days_late is 'milestone_moments.days_late';
comment on column rpt_task_moments.task_view is '显示状态 status, with done split into done and done_late (vocabulary task_status)';
comment on column rpt_task_moments.doc_id is 'targets.doc_id';
comment on column rpt_task_moments.deadline is 'targets.deadline';
comment on column rpt_task_moments.lead_unit is 'targets.lead_unit';
comment on column rpt_task_moments.responsible_units is 'targets.responsible_units';
