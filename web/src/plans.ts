// plans.ts — typed access to plan targets and participation results (/api/v1/plans/...):
// list, enter, delete, and the import endpoints. Paths are gathered here so the pages do not
// repeat them.
import { del, get, post, upload, type Schema } from "./api";
import type { ImportState } from "./components/importer";

// A year's target of a unit, a unit's participation results of a period, and a measure the
// results are reported in (label_vi; column_vi: its heading in the import file), as the API
// answers them.
export type Target = Schema<"Target">;
export type ResultRecord = Schema<"Result">;
export type Measure = Schema<"Measure">;

export const paths = {
  targets: "/plans/targets",
  targetsImport: "/plans/targets/import",
  results: "/plans/results",
  resultsImport: "/plans/results/import",
  measures: "/plans/measures",
};

export async function targets(unit: string, year: number): Promise<Target[]> {
  return (await get<Schema<"TargetList">>(paths.targets, { unit, year })).targets;
}
// One target entered by hand (the API also takes a list: {targets: [...]}).
type TargetInput = Extract<Schema<"TargetInput">, { year: number }>;
export const putTarget = (t: TargetInput) => post<Target>(paths.targets, t);
export const deleteTarget = (id: number) => del<Schema<"TargetDeleted">>(`${paths.targets}/${id}`);

export async function results(unit: string, from?: string, to?: string): Promise<ResultRecord[]> {
  return (await get<Schema<"ResultList">>(paths.results, { unit, from, to })).results;
}
type ResultInput = Extract<Schema<"ResultInput">, { period: string }>;
export const putResult = (r: ResultInput) => post<ResultRecord>(paths.results, r);

export async function measures(): Promise<Measure[]> {
  return (await get<Schema<"MeasureList">>(paths.measures)).measures;
}

// Synchronous imports (plans are small): the whole file is checked, then written or refused
// (a refusal is an ApiError whose fields name each bad row). Answered as an import state.
export async function importFile(path: string, file: File, onSent: (sent: number, total: number) => void): Promise<ImportState> {
  const fd = new FormData();
  fd.append("file", file, file.name);
  const r = await upload<Schema<"FileImported">>(path, fd, onSent);
  return { id: "sync", state: "done", rows_total: r.rows, rows_done: r.rows, inserted: r.written };
}
