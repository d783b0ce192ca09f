-- Reporting per unit of the latest report month due at every moment of rpt_moments, summed over
-- policy areas; units owing nothing that month are left out.
create or replace table rpt_reporting_moments as
with summed as (
  select r.as_of_month, r.unit_code, r.period,
    cast(sum(r.expected) as integer) as expected, cast(sum(r.on_time) as integer) as on_time,
    cast(sum(r.late) as integer) as late, cast(sum(r.missing) as integer) as missing,
    cast(sum(r.not_due) as integer) as not_due
  from reporting_moments r
  join stg_moments m on m.as_of_month = r.as_of_month and m.due_month = r.period
  group by all
),
final as (
  select * from summed where expected > 0
)
select * from final
order by as_of_month, unit_code;
comment on table rpt_reporting_moments is '报送历史时点 Per unit: the latest report month due at each moment of rpt_moments, summed over policy areas';
comment on column rpt_reporting_moments.as_of_month is 'rpt_moments.as_of_month';
comment on column rpt_reporting_moments.unit_code is 'counties.unit_code';
comment on column rpt_reporting_moments.period is '报送月份 The latest report month due then';
comment on column rpt_reporting_moments.expected is '应报';
comment on column rpt_reporting_moments.on_time is '按时';
comment on column rpt_reporting_moments.late is '迟报';
comment on column rpt_reporting_moments.missing is '漏报';
comment on column rpt_reporting_moments.not_due is '未到期';
