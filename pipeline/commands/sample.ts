import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateSample, SEED } from "../sample/generate.ts";
import type { Command, Io } from "./command.ts";

const help = `kpi sample [--out DIR] [--seed N]

生成示例数据。Writes the deterministic sample county reports (default: data/sample/, replaced
whole). The same seed gives the same bytes on every machine.
`;

const command: Command = {
  summary: "生成示例数据  write the sample county CSVs",
  help,
  async run(argv: string[], io: Io): Promise<number> {
    const { values } = parseArgs({ args: argv, options: { out: { type: "string" }, seed: { type: "string" } } });
    const out = resolve(io.cwd, values.out ?? "data/sample");
    const files = generateSample(values.seed ? Number(values.seed) : SEED);
    await rm(out, { recursive: true, force: true });
    for (const file of files) {
      await mkdir(dirname(join(out, file.path)), { recursive: true });
      await writeFile(join(out, file.path), file.bytes);
    }
    io.out(`写出 ${files.length} 个文件 wrote ${files.length} files to ${relative(io.cwd, out)}\n`);
    return 0;
  },
};

export default command;
