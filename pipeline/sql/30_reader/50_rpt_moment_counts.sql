-- What the overview counts at every moment: the city's own targets, the units' own targets and
-- every target × scope (as the bulletin counts) by status, and the tasks by their view.
create or replace table rpt_moment_counts as
with targets_then as (
  select * from rpt_target_moments
),
counted as (
  select as_of_month, 'city_targets' as subject, status as code, count(*) as n
  from targets_then where is_own_scope and scope_code = '211400' group by all
  union all
  select as_of_month, 'unit_targets', status, count(*) from targets_then where is_own_scope and scope_code <> '211400' group by all
  union all
  select as_of_month, 'all_targets', status, count(*) from targets_then group by all
  union all
  select as_of_month, 'tasks', task_view, count(*) from rpt_task_moments group by all
),
final as (
  select c.as_of_month, c.subject, c.code, cast(c.n as integer) as n, v.zh, v.symbol, v.sort_order
  from counted c
  left join vocabulary v on v.domain = case when c.subject = 'tasks' then 'task_status' else 'status' end and v.code = c.code
)
select * from final
order by as_of_month, subject, sort_order;
comment on table rpt_moment_counts is '状态计数 Per moment (rpt_moments) and subject, how many targets or tasks are in each status';
comment on column rpt_moment_counts.as_of_month is 'rpt_moments.as_of_month';
comment on column rpt_moment_counts.subject is 'city_targets (the city''s own targets), unit_targets (the units'' own), all_targets (every target × scope, as the bulletin counts), tasks';
comment on column rpt_moment_counts.code is 'The status (vocabulary domain status; tasks: task_status, done_late included)';
comment on column rpt_moment_counts.n is 'How many';
comment on column rpt_moment_counts.zh is 'vocabulary word';
comment on column rpt_moment_counts.symbol is 'vocabulary symbol';
comment on column rpt_moment_counts.sort_order is 'vocabulary order';
