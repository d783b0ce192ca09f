-- Keeps the marts just built (as of a month's end) as that month's snapshot: run by `kpi build`
-- once per month-end that is new or whose inputs changed, never for the build's own moment.
delete from snapshot_targets where as_of_month = (select as_of_month from build_params);
insert into snapshot_targets
select b.as_of_month, k.target_id, k.indicator_id, k.scope_code, k.latest_period, k.actual, k.expected_value,
  k.pct_of_target, k.status, k.deadline_period, k.deadline_result, k.periods_missed, k.met_period
from kpi_current k
cross join build_params b;

delete from snapshot_tasks where as_of_month = (select as_of_month from build_params);
insert into snapshot_tasks
select b.as_of_month, m.target_id, m.scope_code, m.status, m.completed_on, m.completed_late, m.days_late
from milestone_status m
cross join build_params b;

delete from snapshot_reporting where as_of_month = (select as_of_month from build_params);
insert into snapshot_reporting
select b.as_of_month, r.unit_code, r.period,
  cast(sum(r.expected) as integer), cast(sum(r.on_time) as integer), cast(sum(r.late) as integer),
  cast(sum(r.missing) as integer), cast(sum(r.not_due) as integer)
from reporting_completeness r
cross join build_params b
where r.period = (select max(report_month) from stg_periods where is_due)
group by all;
