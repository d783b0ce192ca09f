import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { CATALOGUE_DIR } from "../catalogue/location.ts";
import { readCatalogue } from "../catalogue/read.ts";
import { describeSchema, renderDictionary, undocumented } from "../docs/dictionary.ts";
import { CliError } from "../errors.ts";
import type { Command, Io } from "./command.ts";

export const DICTIONARY_PATH = "docs/data-dictionary.md";

const help = `kpi docs [--out FILE]

生成数据字典。Writes the data dictionary (default: ${DICTIONARY_PATH}) from the warehouse schema and
the column comments beside the SQL. Fails when a table or column has no description.
`;

const command: Command = {
  summary: "生成数据字典  write docs/data-dictionary.md from the schema",
  help,
  async run(argv: string[], io: Io): Promise<number> {
    const { values } = parseArgs({ args: argv, options: { out: { type: "string" } } });
    const columns = await describeSchema(await readCatalogue(CATALOGUE_DIR));
    const missing = undocumented(columns);
    if (missing.length > 0)
      throw new CliError(`无说明 undescribed: ${missing.join(", ")} — add COMMENT ON … beside the SQL`, 1);
    const out = resolve(io.cwd, values.out ?? DICTIONARY_PATH);
    await writeFile(out, renderDictionary(columns) + "\n");
    io.out(`写出 wrote ${values.out ?? DICTIONARY_PATH}\n`);
    return 0;
  },
};

export default command;
