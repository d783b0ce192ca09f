-- Keeps the targets just built (as of a month's end) as that month's snapshot: run by `kpi build`
-- once per month-end that is new or whose inputs changed, never for the build's own moment. Tasks
-- and reporting need no such step: milestone_moments and reporting_moments hold every month's end.
delete from snapshot_targets where as_of_month = (select as_of_month from build_params);
insert into snapshot_targets
select b.as_of_month, k.target_id, k.indicator_id, k.scope_code, k.latest_period, k.actual, k.expected_value,
  k.pct_of_target, k.status, k.deadline_period, k.deadline_result, k.periods_missed, k.met_period
from kpi_current k
cross join build_params b;

