// Reads the reviewable catalogue files under data/catalogue/ into typed rows. Pure parsing
// (parseCatalogue) is separate from file access so the browser can use it on fetched text.
import Papa from "papaparse";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Catalogue, Document, Indicator, Parameter, Target, Unit } from "./types.ts";

export const CATALOGUE_FILES = {
  documents: "documents.csv",
  units: "units.csv",
  indicators: "indicators.csv",
  targets: "targets.csv",
  parameters: "parameters.csv",
} as const;

type Texts = Record<keyof typeof CATALOGUE_FILES, string>;

export class CatalogueError extends Error {}

function rows(file: string, text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const bad = parsed.errors[0];
  if (bad) throw new CatalogueError(`${file}: line ${(bad.row ?? 0) + 2}: ${bad.message}`);
  return parsed.data.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, (v ?? "").trim()])));
}

const list = (cell: string): string[] =>
  cell
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);

function number(file: string, column: string, cell: string): number {
  const value = Number(cell);
  if (cell === "" || !Number.isFinite(value)) throw new CatalogueError(`${file}: ${column} '${cell}' is not a number`);
  return value;
}

function bool(cell: string): boolean {
  return cell === "true";
}

export function parseCatalogue(texts: Texts): Catalogue {
  const f = CATALOGUE_FILES;
  return {
    documents: rows(f.documents, texts.documents) as unknown as Document[],
    units: rows(f.units, texts.units).map((r): Unit => ({
      unit_code: r.unit_code,
      name_zh: r.name_zh,
      name_en: r.name_en,
      kind: r.kind,
      coastal: bool(r.coastal),
      aliases: list(r.aliases),
      sort_order: number(f.units, "sort_order", r.sort_order),
      note: r.note,
    })),
    indicators: rows(f.indicators, texts.indicators).map((r): Indicator => ({
      ...(r as unknown as Indicator),
      display_scale: number(f.indicators, "display_scale", r.display_scale),
      reported: bool(r.reported),
      aliases: list(r.aliases),
    })),
    targets: rows(f.targets, texts.targets).map((r): Target => ({
      ...(r as unknown as Target),
      target_value: r.target_value === "" ? null : number(f.targets, "target_value", r.target_value),
      responsible_units: list(r.responsible_units),
    })),
    parameters: rows(f.parameters, texts.parameters) as unknown as Parameter[],
  };
}

export async function readCatalogue(dir: string): Promise<Catalogue> {
  const entries = await Promise.all(
    Object.entries(CATALOGUE_FILES).map(async ([key, file]) => [key, await readFile(join(dir, file), "utf-8")]),
  );
  return parseCatalogue(Object.fromEntries(entries) as Texts);
}
