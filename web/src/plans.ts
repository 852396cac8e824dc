// plans.ts — typed access to plan targets and participation results (/api/v1/plans/...):
// list, enter, delete, and the import endpoints. Paths are gathered here so the pages do not
// repeat them.
import { del, get, items, post, upload } from "./api";
import type { ImportState } from "./components/importer";

export interface Target {
  id?: number;
  unit_id: string;
  year: number;
  indicator: string;
  group: string;
  value: number;
  note?: string;
}

export interface ResultValue {
  measure: string;
  group: string;
  value: number;
}
export interface ResultRecord {
  unit_id: string;
  period: string;
  as_of?: string;
  values: ResultValue[];
}

export interface Measure {
  code: string;
  label: string;
  column?: string;
}

export const paths = {
  targets: "/plans/targets",
  targetsImport: "/plans/targets/import",
  results: "/plans/results",
  resultsImport: "/plans/results/import",
  measures: "/plans/measures",
};

type Obj = Record<string, unknown>;

export async function targets(unit: string, year: number): Promise<Target[]> {
  return items<Obj>(await get(paths.targets, { unit, year }), "targets").map((o) => ({
    id: o.id as number,
    unit_id: String(o.unit_id ?? o.unit ?? unit),
    year: Number(o.year),
    indicator: String(o.indicator ?? ""),
    group: String(o.group ?? ""),
    value: Number(o.value),
    note: o.note ? String(o.note) : undefined,
  }));
}
export const putTarget = (t: Target) => post<Obj>(paths.targets, t);
export const deleteTarget = (id: number) => del<unknown>(`${paths.targets}/${id}`);

export async function results(unit: string, from?: string, to?: string): Promise<ResultRecord[]> {
  return items<Obj>(await get(paths.results, { unit, from, to }), "results").map((o) => ({
    unit_id: String(o.unit_id ?? unit),
    period: String(o.period ?? ""),
    as_of: o.as_of ? String(o.as_of) : undefined,
    values: items<Obj>(o.values ?? []).map((v) => ({ measure: String(v.measure), group: String(v.group ?? ""), value: Number(v.value) })),
  }));
}
export const putResult = (r: ResultRecord) => post<Obj>(paths.results, r);

export async function measures(): Promise<Measure[]> {
  return items<Obj>(await get(paths.measures), "measures").map((o) => ({
    code: String(o.code),
    label: String(o.label_vi ?? o.label ?? o.code),
    column: o.column_vi ? String(o.column_vi) : undefined,
  }));
}

// Synchronous imports (plans are small): the whole file is checked, then written or refused
// (a refusal is an ApiError whose fields name each bad row). Answered as an import state.
export async function importFile(path: string, file: File, onSent: (sent: number, total: number) => void): Promise<ImportState> {
  const fd = new FormData();
  fd.append("file", file, file.name);
  const r = await upload<{ rows?: number; written?: number }>(path, fd, onSent);
  return { id: "sync", state: "done", rows_total: r.rows, rows_done: r.rows, inserted: r.written };
}
