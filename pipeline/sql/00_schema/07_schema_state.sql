-- Which version of this layer the warehouse was brought to: a command runs the layer again only
-- when its text changed. Running it on every command re-applied every comment, and a process killed
-- before DuckDB's next checkpoint then left those ALTERs in the write-ahead log, which DuckDB 1.5
-- cannot replay for a table with a nextval() default: the warehouse would no longer open.
create table if not exists schema_state (
  fingerprint varchar not null,
  applied_at timestamptz not null
);
comment on table schema_state is '库结构版本 The version of pipeline/sql/00_schema the warehouse was last brought to (one row)';
comment on column schema_state.fingerprint is 'SHA-256 of the text of every pipeline/sql/00_schema file, in order';
comment on column schema_state.applied_at is '应用时间 When that version was applied';
