-- The moments a reader can choose (stg_moments): the end of every month from the plan start that has
-- ended by the build's as-of moment, and the as-of moment itself, latest first. Choosing one shows
-- exactly what `kpi build --as-of` of that moment computes.
create or replace table rpt_moments as
with params as (
  select * from build_params
),
final as (
  select m.as_of_month, m.as_of_date, m.is_latest, m.due_month,
    params.built_at,
    '截至' || strftime(m.as_of_date, '%Y年%-m月%-d日') as as_of_label_zh
  from stg_moments m
  cross join params
)
select * from final
order by as_of_month desc;
comment on table rpt_moments is '可选时点 Every moment the dashboard can show exactly: each month''s end, and the build''s own moment (is_latest)';
comment on column rpt_moments.as_of_month is '截至月份 The month (first day) the moment falls in: the key of every rpt_*_moments row';
comment on column rpt_moments.as_of_date is '截至日期 The last day the moment covers';
comment on column rpt_moments.is_latest is 'True for the build''s own moment (build_params)';
comment on column rpt_moments.due_month is '报送月份 The latest report month due at that moment (null before the first)';
comment on column rpt_moments.built_at is '生成时间 When that moment was computed: every moment by the build (build_params.built_at)';
comment on column rpt_moments.as_of_label_zh is '口径说明 截至2026年10月31日';
