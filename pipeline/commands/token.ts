import { parseArgs } from "node:util";
import { catalogueDir } from "../catalogue/location.ts";
import { readCatalogue } from "../catalogue/read.ts";
import { CliError } from "../errors.ts";
import { formatTable } from "../format/table.ts";
import { createToken } from "../serve/tokens.ts";
import { openWarehouse, warehousePath } from "../warehouse/connection.ts";
import { prepareCommitted } from "../warehouse/prepare.ts";
import { queryPlain } from "../warehouse/rows.ts";
import type { Command, Io } from "./command.ts";

const help = `kpi token create --unit CODE [--admin] [--label TEXT] [--db PATH]
kpi token list [--db PATH]
kpi token revoke ID [--db PATH]

上传凭证。Issues the per-unit tokens \`kpi serve\` accepts (Authorization: Bearer …). \`create\` prints
a new token once — hand it to the unit's clerk; the warehouse keeps only its SHA-256. A token
uploads rows of its own unit only; --admin also lists every unit's submissions. \`list\` shows the
tokens issued (never the tokens themselves); \`revoke\` ends one at once (the next request with it
gets 401). Not while \`kpi serve\` runs: it holds the warehouse.
`;

const command: Command = {
  summary: "上传凭证  issue, list and revoke the units' upload tokens",
  help,
  async run(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        unit: { type: "string" },
        admin: { type: "boolean", default: false },
        label: { type: "string" },
        db: { type: "string" },
      },
    });
    const [action, id] = positionals;
    if (!["create", "list", "revoke"].includes(action ?? ""))
      throw new CliError(`请指定 create、list 或 revoke give create, list or revoke\n\n${help}`);
    const catalogue = await readCatalogue(catalogueDir(io.env, io.cwd));
    const dbPath = warehousePath(values.db, io.env, io.cwd);
    const warehouse = await openWarehouse(dbPath, { readOnly: false });
    try {
      const { connection } = warehouse;
      await prepareCommitted(connection, catalogue);
      if (action === "create") {
        const unit = catalogue.units.find((u) => u.unit_code === values.unit || u.name_zh === values.unit);
        if (!unit)
          throw new CliError(
            `--unit: 未知单位 unknown unit '${values.unit ?? ""}' (a code of data/catalogue/units.csv)`,
          );
        const { token, token_id } = await createToken(connection, {
          unit: unit.unit_code,
          admin: values.admin!,
          label: values.label ?? null,
          now: io.now,
        });
        io.err(
          `凭证 ${token_id}：${unit.name_zh}（${unit.unit_code}）${values.admin ? "，管理员" : ""}。只显示这一次，请妥善交给报送人 shown once:\n`,
        );
        io.out(`${token}\n`);
      } else if (action === "list") {
        const rows = await queryPlain(
          connection,
          `select t.token_id, t.unit_code, c.name_zh, t.is_admin, coalesce(t.label, '') as label,
             strftime(t.created_at at time zone 'Asia/Shanghai', '%Y-%m-%d %H:%M') as created,
             coalesce(strftime(t.revoked_at at time zone 'Asia/Shanghai', '%Y-%m-%d %H:%M'), '') as revoked
           from api_tokens t left join counties c using (unit_code) order by t.token_id`,
        );
        io.out(
          formatTable(
            ["编号 id", "单位 unit", "名称", "管理员 admin", "备注 label", "签发 created", "吊销 revoked"],
            rows.map((r) => [
              String(r.token_id),
              String(r.unit_code),
              String(r.name_zh ?? ""),
              r.is_admin ? "是" : "",
              String(r.label),
              String(r.created),
              String(r.revoked),
            ]),
          ) + "\n",
        );
      } else {
        if (!id || !/^\d+$/.test(id)) throw new CliError(`revoke: 请指定凭证编号 give the token's id (kpi token list)`);
        const [row] = await queryPlain(
          connection,
          `update api_tokens set revoked_at = cast($2 as timestamptz) where token_id = $1 and revoked_at is null returning token_id`,
          [Number(id), io.now.toISOString()],
        );
        if (!row) throw new CliError(`没有有效的凭证 ${id} no valid token ${id}`, 1);
        io.out(`凭证 ${id} 已吊销 revoked\n`);
      }
    } finally {
      warehouse.close();
    }
    return 0;
  },
};

export default command;
