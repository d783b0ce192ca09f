-- Units ranked on each indicator with a numeric target and figures from at least two units, with
-- what is ranked said in `basis`: a sum or a stock by its share of each unit's own target where at
-- least two units have one (share_of_target); otherwise the figures of the latest period at least
-- two units reported, as the rate (rate) or the value (value). Lower is better when every target
-- of the indicator is a ceiling (≤, = 0). Ties share a rank (1, 2, 2, 4).
create or replace table rpt_unit_rankings as
with numeric_targets as (
  select * from targets where indicator_id is not null and comparator <> 'done_by'
),
ranked_indicators as (
  select i.indicator_id, i.time_aggregation, bool_and(t.comparator <> '>=') as lower_is_better
  from indicators i
  join numeric_targets t using (indicator_id)
  group by all
),
own_targets as (
  -- each unit's own target of the indicator (the latest deadline when it has several)
  select k.indicator_id, k.scope_code as unit_code, k.latest_period as period, k.actual, k.pct_of_target,
    row_number() over (partition by k.indicator_id, k.scope_code order by k.deadline desc) as pick
  from kpi_current k
  join targets t using (target_id)
  where k.scope_code <> '211400' and k.pct_of_target is not null and t.scope_code = k.scope_code
),
by_share as (
  select r.indicator_id, o.unit_code, 'share_of_target' as basis, o.period, o.actual, o.pct_of_target,
    o.pct_of_target as ranked_value
  from ranked_indicators r
  join own_targets o using (indicator_id)
  where o.pick = 1 and r.time_aggregation <> 'rate'
    and (select count(*) from own_targets x where x.indicator_id = r.indicator_id and x.pick = 1) >= 2
),
unit_latest as (
  select a.indicator_id, a.scope_code as unit_code, max(a.period) as latest_period
  from indicator_actuals a
  join ranked_indicators r using (indicator_id)
  where a.actual is not null and a.scope_code <> '211400'
    and not exists (select 1 from by_share s where s.indicator_id = a.indicator_id)
  group by all
),
common_period as (
  -- compare like with like: the latest period that is the latest of at least two units
  select indicator_id, max(latest_period) as period
  from (select indicator_id, latest_period from unit_latest group by all having count(*) >= 2)
  group by all
),
by_value as (
  select a.indicator_id, a.scope_code as unit_code,
    case when r.time_aggregation = 'rate' then 'rate' else 'value' end as basis,
    a.period, a.actual, cast(null as double) as pct_of_target, cast(a.actual as double) as ranked_value
  from indicator_actuals a
  join common_period c on c.indicator_id = a.indicator_id and c.period = a.period
  join ranked_indicators r on r.indicator_id = a.indicator_id
  where a.actual is not null and a.scope_code <> '211400'
),
candidates as (
  select * from by_share
  union all
  select * from by_value where indicator_id in (select indicator_id from by_value group by all having count(*) >= 2)
),
ranked as (
  select c.*, r.lower_is_better,
    cast(rank() over (partition by c.indicator_id
      order by case when r.lower_is_better then c.ranked_value else -c.ranked_value end) as integer) as rank,
    cast(count(*) over (partition by c.indicator_id) as integer) as units_ranked
  from candidates c
  join ranked_indicators r using (indicator_id)
),
final as (
  select r.*,
    cast(count(*) over (partition by r.indicator_id, r.rank) as integer) as tied,
    case r.basis when 'share_of_target' then '完成率（实绩÷本单位目标）' when 'rate' then '比率' else '数值' end
      || case when r.lower_is_better then '，越低越好' else '，越高越好' end as basis_zh,
    list(u.unit_code order by co.sort_order) filter (where u.rank = 1) over (partition by r.indicator_id) as leaders
  from ranked r
  join ranked u on u.indicator_id = r.indicator_id and u.unit_code = r.unit_code
  join counties co on co.unit_code = r.unit_code
)
select indicator_id, unit_code, basis, basis_zh, lower_is_better, period, actual, pct_of_target, ranked_value,
  rank, units_ranked, tied, leaders
from final
order by indicator_id, rank, unit_code;
comment on table rpt_unit_rankings is '县区排名 Units ranked on each indicator with a numeric target (and figures from at least two units), with the basis of the ranking';
comment on column rpt_unit_rankings.indicator_id is 'indicators.indicator_id';
comment on column rpt_unit_rankings.unit_code is 'counties.unit_code';
comment on column rpt_unit_rankings.basis is 'share_of_target (each unit''s actual ÷ its own target, where at least two units have one), rate, value (the figures of the latest period at least two units reported)';
comment on column rpt_unit_rankings.basis_zh is '排名依据 in words, with 越高越好 / 越低越好';
comment on column rpt_unit_rankings.lower_is_better is 'True when every target of the indicator is a ceiling';
comment on column rpt_unit_rankings.period is '统计期 The period ranked';
comment on column rpt_unit_rankings.actual is '实绩';
comment on column rpt_unit_rankings.pct_of_target is '完成率 share_of_target only';
comment on column rpt_unit_rankings.ranked_value is 'What is ranked: pct_of_target or actual';
comment on column rpt_unit_rankings.rank is '排名 1 is best; ties share a rank (1, 2, 2, 4)';
comment on column rpt_unit_rankings.units_ranked is '参与排名单位数';
comment on column rpt_unit_rankings.tied is 'How many units share this rank';
comment on column rpt_unit_rankings.leaders is 'The units ranked first, in official order';
