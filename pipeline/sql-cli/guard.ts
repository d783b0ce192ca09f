// What `kpi sql` refuses, and how it says so. Two layers: DuckDB itself (a read-only file, external
// access off, configuration locked: see session.ts) and, before anything runs, a check of the
// statement's type, so a refusal is one clear sentence in Chinese and English, never a stack trace.
import { StatementType } from "@duckdb/node-api";

/** statement types an analyst's query may have: SELECT (with SHOW, DESCRIBE, SUMMARIZE, PRAGMA, FROM …) and EXPLAIN */
const ALLOWED = new Set<number>([StatementType.SELECT, StatementType.EXPLAIN]);

export const EXTERNAL_FLAG = "--allow-external-files";

export class QueryRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QueryRefused";
  }
}

export function statementName(type: number): string {
  return (StatementType as unknown as Record<number, string>)[type] ?? `#${type}`;
}

/** undefined when a statement of this type may run, else why not */
export function refusalForType(type: number): string | undefined {
  if (ALLOWED.has(type)) return undefined;
  const name = statementName(type);
  if (type === StatementType.SET || type === StatementType.VARIABLE_SET) {
    return `不能修改设置：kpi sql 的连接设置已锁定 settings are locked: kpi sql is read-only and ${name} statements are not allowed`;
  }
  if (type === StatementType.ATTACH || type === StatementType.DETACH) {
    return `不能挂载其他数据库：kpi sql 只读 kpi sql is read-only: ${name} statements are not allowed`;
  }
  if (type === StatementType.COPY || type === StatementType.EXPORT || type === StatementType.COPY_DATABASE) {
    return `不能写出文件：kpi sql 只读，请用 --out FILE 保存结果 kpi sql is read-only: ${name} statements are not allowed; use --out FILE to save a result`;
  }
  return `只允许查询语句（SELECT、WITH、SHOW、DESCRIBE、EXPLAIN）：kpi sql 只读，不能修改数据仓库 kpi sql is read-only: ${name} statements are not allowed, only queries`;
}

/** DuckDB's own refusals and errors, as one message: ours first, then DuckDB's words */
export function explainError(message: string): string {
  const duckdbMessage = message.replace(/^Failed to extract statements: /, "");
  const first = duckdbMessage.split("\n")[0];
  if (/read-only mode|read-only/i.test(first)) {
    return `kpi sql 只读，不能修改数据仓库 kpi sql is read-only: the warehouse cannot be changed\n(DuckDB: ${first})`;
  }
  if (/Permission Error|disabled (by|through) configuration|external access/i.test(first)) {
    return (
      `不能访问数据仓库以外的文件 files outside the warehouse are off by default; ` +
      `add ${EXTERNAL_FLAG} to read them\n(DuckDB: ${first})`
    );
  }
  if (/configuration has been locked|Cannot change .*setting/i.test(first)) {
    return `不能修改设置 settings are locked in kpi sql\n(DuckDB: ${first})`;
  }
  if (/^Parser Error/.test(first)) return `语法错误 syntax error: ${duckdbMessage}`;
  if (/^(Catalog|Binder) Error/.test(first)) {
    return `查询有误 query error: ${duckdbMessage}\n(表和列见 tables and columns: docs/data-dictionary.md)`;
  }
  return `查询失败 query failed: ${duckdbMessage}`;
}

/** statement types recognisable from the first word: for a clear refusal when DuckDB fails
 * while preparing (COPY … TO with file access off fails before its type is known) */
const LEADING: Record<string, number> = {
  copy: StatementType.COPY,
  export: StatementType.EXPORT,
  attach: StatementType.ATTACH,
  detach: StatementType.DETACH,
  install: StatementType.LOAD,
  load: StatementType.LOAD,
  create: StatementType.CREATE,
  insert: StatementType.INSERT,
  update: StatementType.UPDATE,
  delete: StatementType.DELETE,
  drop: StatementType.DROP,
  alter: StatementType.ALTER,
  set: StatementType.SET,
  reset: StatementType.SET,
};

/** the refusal for a statement DuckDB could not prepare, judged by its first word; undefined if none applies */
export function refusalByKeyword(sql: string): string | undefined {
  const word = sql
    .replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)+/, "")
    .match(/^[a-z]+/i)?.[0]
    ?.toLowerCase();
  const type = word === undefined ? undefined : LEADING[word];
  return type === undefined ? undefined : refusalForType(type);
}
