// The ten questions leadership asks most, as SQL over the dashboard's exported tables (the same
// names and columns as dashboard/data/exports/*.json; `kpi sql` runs them on the warehouse too).
// One place to update when the marts change. "Latest" means each target's and unit's most recent
// period in the build: reports arrive the month after the period they cover.

const LATEST = `with latest as (
  -- 每项目标、每个单位的最新一期 each target's and unit's latest period
  select * from kpi_status
  qualify period = max(period) over (partition by target_id, scope_code)
)`;

export const EXAMPLE_QUERIES = [
  {
    title: "最新一期：哪些单位在哪些目标上滞后或逾期",
    sql: `${LATEST}
select c.name_zh as 单位, i.name_zh as 指标, l.target_id as 目标编号, l.period as 统计期,
  l.status_zh as 状态, round(l.pct_of_target * 100, 1) as 完成率_百分比
from latest l
join counties c on c.unit_code = l.scope_code
join indicators i on i.indicator_id = l.indicator_id
where l.status in ('at_risk', 'off_track', 'missed')
order by c.sort_order, l.status, i.name_zh`,
  },
  {
    title: "各单位滞后、逾期目标数排名",
    sql: `${LATEST}
select c.name_zh as 单位,
  count(*) filter (where l.status in ('at_risk', 'off_track', 'missed')) as 滞后或逾期,
  count(*) as 目标数
from latest l
join counties c on c.unit_code = l.scope_code
group by c.name_zh, c.sort_order
order by 滞后或逾期 desc, c.sort_order`,
  },
  {
    title: "全部目标按状态计数（最新一期）",
    sql: `${LATEST}
select status_zh as 状态, count(*) as 项数
from latest
group by status_zh
order by 项数 desc`,
  },
  {
    title: "各领域目标完成情况",
    sql: `${LATEST}
select d.area_zh as 领域, count(*) as 目标数,
  count(*) filter (where l.status = 'met') as 已达标,
  count(*) filter (where l.status in ('at_risk', 'off_track', 'missed')) as 滞后或逾期,
  count(*) filter (where l.status = 'no_data') as 无数据
from latest l
join targets t on t.target_id = l.target_id
join documents d on d.doc_id = t.doc_id
group by d.area_zh
order by 目标数 desc`,
  },
  {
    title: "全市完成率最低的十项目标",
    sql: `${LATEST}
select i.name_zh as 指标, l.target_id as 目标编号, l.period as 统计期,
  round(l.pct_of_target * 100, 1) as 完成率_百分比, l.status_zh as 状态
from latest l
join indicators i on i.indicator_id = l.indicator_id
where l.scope_code = '211400' and l.pct_of_target is not null
order by l.pct_of_target
limit 10`,
  },
  {
    title: "逾期未达标的目标及差距",
    sql: `${LATEST}
select i.name_zh as 指标, c.name_zh as 单位, l.deadline as 期限,
  round(l.actual / i.display_scale, 4) as 实绩, round(l.target_value / i.display_scale, 4) as 目标值,
  round(l.gap / i.display_scale, 4) as 差距, i.unit_zh as 计量单位
from latest l
join indicators i on i.indicator_id = l.indicator_id
join counties c on c.unit_code = l.scope_code
where l.status = 'missed'
order by l.deadline, c.sort_order`,
  },
  {
    title: "全市粮食产量逐月走势（本年累计）",
    sql: `select cast(period as date) as 月份, actual / 10000 as 粮食产量_万吨
from indicator_actuals
where indicator_id = 'grain_output' and scope_code = '211400' and actual is not null
order by 月份`,
  },
  {
    title: "各县区粮食产量（最近一个完整年度）",
    sql: `select c.name_zh as 单位, a.actual / 10000 as 粮食产量_万吨
from indicator_annual a
join counties c on c.unit_code = a.scope_code
where a.indicator_id = 'grain_output' and a.scope_code <> '211400' and a.is_complete
  and a.year = (select max(year) from indicator_annual where indicator_id = 'grain_output' and is_complete)
order by 粮食产量_万吨 desc`,
  },
  {
    title: "各单位报送文件数与拒收行数",
    sql: `with by_unit as (
  select unnest(unit_codes) as unit_code, rows_accepted, rows_rejected from submissions
)
select c.name_zh as 单位, count(*) as 报送文件数,
  sum(rows_accepted) as 接收行数, sum(rows_rejected) as 拒收行数
from by_unit b
join counties c on c.unit_code = b.unit_code
group by c.name_zh, c.sort_order
order by c.sort_order`,
  },
  {
    title: "最常见的数据问题",
    sql: `select code as 问题代码, count(*) as 次数, any_value(message_zh) as 示例说明
from rejections
group by code
order by 次数 desc, code`,
  },
];
