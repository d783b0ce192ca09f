-- Reporting discipline per unit × month × policy area, at every moment of stg_moments, in one pass:
-- what each unit owed in that month's report, what arrived, on time (by the due day of the
-- following month) or late, what is missing once due, and what is not due yet (未到期: a month
-- that has ended whose due moment is still to come). At the build's own moment every report month
-- that has ended is counted (reporting_completeness); at each month's end, the report month due
-- then (the month before). Every row: on_time + late + missing + not_due = expected.
create or replace table reporting_moments as
with params as (
  select * from build_params
),
owed as (
  -- the periods that have ended by the build's moment: every moment's report months are among them
  select d.unit_code, i.indicator_id, i.doc_id, p.period, p.report_month, p.due_by
  from reporting_duties d
  join indicators i using (indicator_id)
  join stg_periods p on p.frequency = i.frequency
  cross join params
  where p.period >= params.plan_start
),
first_received as (
  -- the first time each key arrived, whatever later corrections did
  select v.unit_code, v.indicator_id, v.period, min(s.received_at) as received_at
  from (
    select unit_code, indicator_id, period, submission_id from observations
    union all
    select unit_code, indicator_id, period, submission_id from observation_history
  ) v
  join submissions s using (submission_id)
  group by all
),
counted as (
  select m.as_of_month, m.is_latest, o.*,
    case when f.received_at < m.received_before then f.received_at end as received_at,
    o.due_by <= m.received_before as is_due
  from owed o
  join stg_moments m on m.is_latest or o.report_month = cast(m.as_of_month - interval 1 month as date)
  left join first_received f using (unit_code, indicator_id, period)
),
final as (
  select
    as_of_month,
    is_latest,
    unit_code,
    report_month as period,
    doc_id,
    cast(count(*) as integer) as expected,
    cast(count(received_at) as integer) as received,
    cast(count(*) filter (where received_at < due_by) as integer) as on_time,
    cast(count(*) filter (where received_at >= due_by) as integer) as late,
    cast(count(*) filter (where received_at is null and is_due) as integer) as missing,
    cast(min(due_by) as timestamptz) as due_by,
    max(received_at) as last_received_at,
    cast(count(*) filter (where received_at is null and not is_due) as integer) as not_due
  from counted
  group by all
)
select * from final
order by as_of_month, unit_code, period, doc_id;
comment on table reporting_moments is '报送历史 reporting_completeness at every moment of stg_moments: every report month ended by the build''s own moment, and at each month''s end the report month due then';
comment on column reporting_moments.as_of_month is 'stg_moments.as_of_month';
comment on column reporting_moments.is_latest is 'True for the build''s own moment';
comment on column reporting_moments.unit_code is 'counties.unit_code';
comment on column reporting_moments.period is '报送月份 The month whose report it is';
comment on column reporting_moments.doc_id is 'The policy area (documents.doc_id) of the indicators';
comment on column reporting_moments.expected is '应报 Figures owed';
comment on column reporting_moments.received is '已报 Figures received by the moment';
comment on column reporting_moments.on_time is '按时 Received before the due moment';
comment on column reporting_moments.late is '迟报 Received after it, before the moment';
comment on column reporting_moments.missing is '漏报 Due by the moment and not received';
comment on column reporting_moments.due_by is '报送时限 The instant the figures were due';
comment on column reporting_moments.last_received_at is 'When the last of them arrived (by the moment)';
comment on column reporting_moments.not_due is '未到期 Not received, and not due at the moment. on_time + late + missing + not_due = expected';

create or replace table reporting_completeness as
select * exclude (as_of_month, is_latest)
from reporting_moments
where is_latest
order by unit_code, period, doc_id;
comment on table reporting_completeness is '报送情况 Per unit × report month × policy area: reports owed, received on time or late, missing';
comment on column reporting_completeness.unit_code is 'counties.unit_code';
comment on column reporting_completeness.period is '报送月份 The month whose report it is (quarterly and annual figures go with the quarter''s last month and December)';
comment on column reporting_completeness.doc_id is 'The policy area (documents.doc_id) of the indicators';
comment on column reporting_completeness.expected is '应报 Figures owed: one per indicator the unit reports (reporting_duties) due with that month';
comment on column reporting_completeness.received is '已报 Figures received by the as-of moment';
comment on column reporting_completeness.on_time is '按时 Received before the due day (build_params.due_day) of the following month, China time';
comment on column reporting_completeness.late is '迟报 Received after it';
comment on column reporting_completeness.missing is '漏报 Due by the as-of moment (due_by not after it) and not received';
comment on column reporting_completeness.not_due is '未到期 Not received, and not due yet: due_by is after the as-of moment. on_time + late + missing + not_due = expected';
comment on column reporting_completeness.due_by is '报送时限 The instant the figures were due';
comment on column reporting_completeness.last_received_at is 'When the last of them arrived';
