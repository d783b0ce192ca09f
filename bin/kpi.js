#!/usr/bin/env node
// The `kpi` command. The pipeline is TypeScript run through tsx, so there is no compile step
// between editing a module and running it.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../pipeline/cli.ts");
runCli();
