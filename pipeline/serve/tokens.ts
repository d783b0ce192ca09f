// Upload tokens: random, shown once; the warehouse keeps only their SHA-256.
import type { DuckDBConnection } from "@duckdb/node-api";
import { createHash, randomBytes } from "node:crypto";
import { queryPlain } from "../warehouse/rows.ts";

export interface TokenHolder {
  token_id: number;
  unit_code: string;
  is_admin: boolean;
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** a new token: `kpi_` and 32 random bytes, base64url */
export const newToken = () => `kpi_${randomBytes(32).toString("base64url")}`;

export async function createToken(
  connection: DuckDBConnection,
  { unit, admin, label, now }: { unit: string; admin: boolean; label: string | null; now: Date },
): Promise<{ token: string; token_id: number }> {
  const token = newToken();
  const [row] = await queryPlain(
    connection,
    `insert into api_tokens (unit_code, is_admin, token_hash, label, created_at)
     values ($1, $2, $3, $4, cast($5 as timestamptz)) returning token_id`,
    [unit, admin, hashToken(token), label, now.toISOString()],
  );
  return { token, token_id: Number(row.token_id) };
}

/** the holder of a valid (issued, not revoked) token; undefined for any other text */
export async function tokenHolder(connection: DuckDBConnection, token: string): Promise<TokenHolder | undefined> {
  const [row] = await queryPlain(
    connection,
    `select token_id, unit_code, is_admin from api_tokens where token_hash = $1 and revoked_at is null`,
    [hashToken(token)],
  );
  return row
    ? { token_id: Number(row.token_id), unit_code: String(row.unit_code), is_admin: Boolean(row.is_admin) }
    : undefined;
}
