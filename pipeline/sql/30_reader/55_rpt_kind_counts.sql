-- What each kind of commitment (targets.kind) counts at every moment, per document and for all
-- five: the targets in their own scope by status, the deliverables by their task view. The area
-- pages and the bulletin draw these counts; nobody re-counts them.
create or replace table rpt_kind_counts as
with commitments as (
  select m.as_of_month, m.doc_id, t.kind, 'status' as domain, m.status as code
  from rpt_target_moments m
  join targets t using (target_id)
  where m.is_own_scope
  union all
  select m.as_of_month, m.doc_id, t.kind, 'task_status', m.task_view
  from rpt_task_moments m
  join targets t using (target_id)
),
counted as (
  select as_of_month, coalesce(doc_id, 'all') as doc_id, kind, domain, code, count(*) as n
  from commitments
  group by grouping sets ((as_of_month, doc_id, kind, domain, code), (as_of_month, kind, domain, code))
),
final as (
  select c.as_of_month, c.doc_id, c.kind, k.zh as kind_zh, k.sort_order as kind_order,
    c.domain, c.code, v.zh, v.symbol, v.color, v.sort_order, cast(c.n as integer) as n,
    cast(sum(c.n) over (partition by c.as_of_month, c.doc_id, c.kind) as integer) as kind_total
  from counted c
  join vocabulary k on k.domain = 'target_kind' and k.code = c.kind
  join vocabulary v on v.domain = c.domain and v.code = c.code
)
select * from final
order by as_of_month, doc_id, kind_order, sort_order;
comment on table rpt_kind_counts is '承诺分类计数 Per moment (rpt_moments), document and kind of commitment, how many are in each status';
comment on column rpt_kind_counts.as_of_month is 'rpt_moments.as_of_month';
comment on column rpt_kind_counts.doc_id is 'documents.doc_id, or all for the five together';
comment on column rpt_kind_counts.kind is 'targets.kind';
comment on column rpt_kind_counts.kind_zh is '类别 vocabulary word of the kind';
comment on column rpt_kind_counts.kind_order is 'vocabulary order of the kind';
comment on column rpt_kind_counts.domain is 'status (measured targets, in their own scope) or task_status (deliverables: their task view)';
comment on column rpt_kind_counts.code is 'The status code';
comment on column rpt_kind_counts.zh is '状态 vocabulary word';
comment on column rpt_kind_counts.symbol is 'vocabulary symbol';
comment on column rpt_kind_counts.color is 'vocabulary colour';
comment on column rpt_kind_counts.sort_order is 'vocabulary order of the status';
comment on column rpt_kind_counts.n is 'How many rows (a per-unit commitment counts once per unit)';
comment on column rpt_kind_counts.kind_total is '合计 How many rows of the kind in all (the sum of n over its statuses)';
