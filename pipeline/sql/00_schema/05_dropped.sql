-- Every moment is computed in one set-wise pass by every build (indicator_actual_moments,
-- kpi_status_moments, kpi_current_moments, milestone_moments, reporting_moments): the month-end
-- snapshots of old, and what fingerprinted them, are gone.
drop table if exists snapshot_builds;
drop table if exists snapshot_targets;
drop table if exists snapshot_tasks;
drop table if exists snapshot_reporting;
