-- Each target × scope as it stood at every moment of rpt_moments (kpi_current_moments).
create or replace table rpt_target_moments as
with moments as (
  select k.as_of_month, k.target_id, k.indicator_id, k.scope_code, k.latest_period, k.actual, k.expected_value,
    k.pct_of_target, k.status, k.deadline_period, k.deadline_result, k.periods_missed, k.met_period
  from kpi_current_moments k
  join rpt_moments m using (as_of_month)
),
final as (
  select u.*,
    (select zh from vocabulary v where v.domain = 'status' and v.code = u.status) as status_zh,
    (select zh from vocabulary v where v.domain = 'deadline_result' and v.code = u.deadline_result) as deadline_result_zh,
    t.doc_id,
    t.scope_code = u.scope_code as is_own_scope
  from moments u
  join targets t using (target_id)
)
select * from final
order by as_of_month, target_id, scope_code;
comment on table rpt_target_moments is '目标历史时点 kpi_current as it stood at every moment of rpt_moments (as_of_month)';
comment on column rpt_target_moments.as_of_month is 'rpt_moments.as_of_month';
comment on column rpt_target_moments.target_id is 'targets.target_id';
comment on column rpt_target_moments.indicator_id is 'indicators.indicator_id';
comment on column rpt_target_moments.scope_code is 'counties.unit_code; 211400 for the city';
comment on column rpt_target_moments.latest_period is 'kpi_current.latest_period then';
comment on column rpt_target_moments.actual is 'kpi_current.actual then';
comment on column rpt_target_moments.expected_value is 'kpi_current.expected_value then';
comment on column rpt_target_moments.pct_of_target is 'kpi_current.pct_of_target then';
comment on column rpt_target_moments.status is 'kpi_current.status then';
comment on column rpt_target_moments.deadline_period is 'kpi_current.deadline_period then';
comment on column rpt_target_moments.deadline_result is 'kpi_current.deadline_result then';
comment on column rpt_target_moments.periods_missed is 'kpi_current.periods_missed then';
comment on column rpt_target_moments.met_period is 'kpi_current.met_period then';
comment on column rpt_target_moments.status_zh is '状态 vocabulary word of status';
comment on column rpt_target_moments.deadline_result_zh is '到期结果 vocabulary word of deadline_result';
comment on column rpt_target_moments.doc_id is 'targets.doc_id';
comment on column rpt_target_moments.is_own_scope is 'True when the scope is the target''s own (false: a city-wide rate target evaluated for a unit)';
