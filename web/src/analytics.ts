// analytics.ts — typed access to the analytics, reports and plans endpoints
// (GET /api/v1/analytics, /analytics/indicators, /reports). The server's rows are normalised
// here into one shape (key, label, value, last year, change) so the pages stay simple.
import { get, items } from "./api";
import { num, pct, signedPct, signedPoints } from "./format";

export interface Indicator {
  code: string;
  label: string;
  unit?: string;
  headline?: boolean;
  category?: string; // "activity", "kind", "participation"
  decimals?: number;
  rate?: boolean; // a ratio (coverage %), not a count
}

export interface Figure {
  value: number | null;
  lastYear: number | null;
  changePct: number | null;
  target: number | null;
  pctOfPlan: number | null;
  changeText: string; // the server's wording: "tăng 3,2%", "tăng 0,55 điểm phần trăm"
}

export interface Row extends Figure {
  key: string;
  label: string;
}

export interface Series extends Figure {
  rows: Row[];
}

type Obj = Record<string, unknown>;

// A value of an indicator as users read it: rates as percentages (95,42%), counts as numbers.
export function formatValue(ind: Indicator | undefined, v: number | null | undefined): string {
  return ind?.rate ? pct(v ?? null) : num(v ?? null);
}

// The change against last year as it is read: percentage points for a rate, percent otherwise.
export function changeOf(ind: Indicator | undefined, f: Figure): number | null {
  if (!ind?.rate) return f.changePct;
  return f.value !== null && f.lastYear !== null ? f.value - f.lastYear : null;
}
export function formatChange(ind: Indicator | undefined, f: Figure): string {
  return ind?.rate ? signedPoints(changeOf(ind, f)) : signedPct(f.changePct);
}

const str = (o: Obj, ...ks: string[]) => {
  for (const k of ks) if (typeof o[k] === "string" || typeof o[k] === "number") return String(o[k]);
  return "";
};
const numOf = (o: Obj, ...ks: string[]): number | null => {
  for (const k of ks) {
    const v = o[k];
    if (typeof v === "number") return v;
    if (v && typeof v === "object" && typeof (v as Obj).value === "number") return (v as Obj).value as number;
  }
  return null;
};

function change(value: number | null, last: number | null, given: number | null): number | null {
  if (given !== null) return given;
  if (value === null || last === null || last === 0) return null;
  return ((value - last) / last) * 100;
}

// A figure may come flat ({value, previous, target}) or nested ({figure: {...}}).
function figure(o: Obj): Figure {
  const f = o.figure && typeof o.figure === "object" ? { ...o, ...(o.figure as Obj) } : o;
  const value = numOf(f, "value", "total", "sum");
  const lastYear = numOf(f, "previous", "last_year", "compare", "last_year_value");
  const target = numOf(f, "target", "plan");
  const given = numOf(f, "pct_of_plan", "plan_pct");
  return {
    value,
    lastYear,
    changePct: change(value, lastYear, numOf(f, "change_pct", "change_percent", "growth_pct")),
    target,
    pctOfPlan: given ?? (value !== null && target ? (value / target) * 100 : null),
    changeText: str(f, "change_text"),
  };
}

function row(o: Obj): Row {
  return {
    key: str(o, "key", "id", "code", "unit_id", "period"),
    label: str(o, "label_vi", "label", "name", "display_name", "full_name", "key", "id", "code"),
    ...figure(o),
  };
}

export async function indicators(): Promise<Indicator[]> {
  const list = items<Obj>(await get("/analytics/indicators"), "indicators");
  return list.map((o) => ({
    code: str(o, "code", "id"),
    label: str(o, "label_vi", "label", "name_vi", "name"),
    unit: str(o, "unit_vi", "unit"),
    headline: Boolean(o.headline),
    category: str(o, "category"),
    decimals: typeof o.decimals === "number" ? o.decimals : undefined,
    rate: Boolean(o.rate) || str(o, "unit_vi", "unit") === "%",
  }));
}

export async function analytics(q: { indicator: string; unit: string; period: string; by?: string; compare?: boolean }): Promise<Series> {
  const r = (await get<Obj>("/analytics", {
    indicator: q.indicator,
    unit: q.unit,
    period: q.period,
    by: q.by,
    compare: q.compare === false ? undefined : "last-year",
  })) as Obj;
  const total = r.total && typeof r.total === "object" ? (r.total as Obj) : r;
  return { ...figure(total), rows: items<Obj>(r, "rows", "breakdown", "series", "children").map(row) };
}

export interface ReportSection {
  title: string;
  lines: string[];
  rows: Row[];
  // The section's table as the server formats it (same as the XLSX): headings and cells.
  columns: { title: string; kind: string }[];
  cells: string[][];
  note: string;
}
// "all": every reported figure; "approved": only months approved by the level above.
export type DataScope = "all" | "approved";

export interface Report {
  title: string;
  dataNote: string;
  narrative: string[];
  sections: ReportSection[];
  raw: Obj;
}

function paragraphs(v: unknown): string[] {
  if (typeof v === "string") return v.split(/\n+/).filter(Boolean);
  if (Array.isArray(v)) return v.flatMap(paragraphs);
  if (v && typeof v === "object") return paragraphs((v as Obj).text ?? (v as Obj).paragraphs ?? "");
  return [];
}

export async function report(unit: string, period: string, data: DataScope = "all"): Promise<Report> {
  const r = await get<Obj>("/reports", { unit, period, compare: "last-year", data });
  return {
    title: str(r, "title", "title_vi"),
    dataNote: str(r, "data_note"),
    narrative: paragraphs(r.narrative),
    sections: items<Obj>(r.sections ?? []).map((s) => ({
      title: str(s, "title", "title_vi", "label_vi"),
      lines: paragraphs(s.lines ?? s.text ?? s.narrative),
      rows: items<Obj>(s, "rows", "items").map(row),
      columns: items<Obj>(s.columns ?? []).map((c) => ({ title: str(c, "title"), kind: str(c, "kind") })),
      cells: items<unknown[]>(s.cells_vi ?? []).map((r) => r.map((x) => (x === null || x === undefined ? "" : String(x)))),
      note: str(s, "note"),
    })),
    raw: r,
  };
}
