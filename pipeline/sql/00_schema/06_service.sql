-- The intake service (`kpi serve`): who may upload for which unit, and every request it answered.
-- Written only by `kpi token` and `kpi serve`.
create sequence if not exists api_token_ids start 1;
create table if not exists api_tokens (
  token_id integer primary key default nextval('api_token_ids'),
  unit_code varchar not null,
  is_admin boolean not null,
  token_hash varchar not null unique,
  label varchar,
  created_at timestamptz not null,
  revoked_at timestamptz
);
comment on table api_tokens is '上传凭证 One row per token issued by `kpi token create`: the warehouse keeps only its SHA-256';
comment on column api_tokens.token_id is '凭证编号';
comment on column api_tokens.unit_code is '所属单位 counties.unit_code: the only unit whose rows the token may upload';
comment on column api_tokens.is_admin is '管理员 An admin token also reads every unit''s submissions';
comment on column api_tokens.token_hash is 'SHA-256 (hex) of the token; the token itself is printed once and never stored';
comment on column api_tokens.label is '备注 Who holds it (free text)';
comment on column api_tokens.created_at is '签发时间';
comment on column api_tokens.revoked_at is '吊销时间 Null while the token is valid';

create sequence if not exists audit_ids start 1;
create table if not exists audit_log (
  audit_id bigint primary key default nextval('audit_ids'),
  requested_at timestamptz not null,
  token_id integer,
  unit_code varchar,
  remote_addr varchar,
  method varchar not null,
  path varchar not null,
  status integer not null,
  file_sha256 varchar,
  submission_id integer,
  outcome varchar not null
);
comment on table audit_log is '访问日志 Every request `kpi serve` answered under /api: who, when, from where, what file, what became of it';
comment on column audit_log.audit_id is 'Sequential id';
comment on column audit_log.requested_at is '时间 When the request arrived';
comment on column audit_log.token_id is 'api_tokens.token_id; null without a valid token';
comment on column audit_log.unit_code is 'The token''s unit';
comment on column audit_log.remote_addr is '来源地址 The client''s address';
comment on column audit_log.method is 'HTTP method';
comment on column audit_log.path is 'Path requested';
comment on column audit_log.status is 'HTTP status answered';
comment on column audit_log.file_sha256 is 'SHA-256 of the uploaded file, when there was one';
comment on column audit_log.submission_id is 'submissions.submission_id the upload became';
comment on column audit_log.outcome is '结果 accepted, partial, rejected, unusable, duplicate (an upload), listed, revoked, unauthorized, forbidden, too_large, rate_limited, bad_request, error';
