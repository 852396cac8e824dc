// analytics.ts — typed access to the analytics and reports endpoints (GET /api/v1/analytics,
// /analytics/indicators, /reports), whose answers are the API's own types (api-types.ts). A
// figure is read here into one shape (value, last year, change, plan) so the pages stay simple.
import { get, type Schema } from "./api";
import { num, pct, signedPct, signedPoints } from "./format";

export type Indicator = Schema<"Indicator">;

// A figure as the pages read it: the change against last year and the share of the plan are
// worked out here when the API leaves them out (a report's rows carry no change_pct).
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

function change(value: number | null, last: number | null, given: number | null | undefined): number | null {
  if (given !== undefined && given !== null) return given;
  if (value === null || last === null || last === 0) return null;
  return ((value - last) / last) * 100;
}

type ReportRow = Schema<"Report">["sections"][number]["rows"][number];
type FigureJson = Schema<"Figure"> | ReportRow;

function figure(f: FigureJson): Figure {
  const { value, previous, target } = f;
  return {
    value,
    lastYear: previous,
    changePct: change(value, previous, "change_pct" in f ? f.change_pct : undefined),
    target,
    pctOfPlan: f.pct_of_plan ?? (value !== null && target ? (value / target) * 100 : null),
    changeText: f.change_text ?? "",
  };
}

export function row(o: Schema<"AnalyticsRow"> | ReportRow): Row {
  return { key: o.key, label: o.label, ...figure(o) };
}

export async function indicators(): Promise<Indicator[]> {
  return (await get<Schema<"IndicatorList">>("/analytics/indicators")).indicators;
}

export async function analytics(q: { indicator: string; unit: string; period: string; by?: string; compare?: boolean }): Promise<Series> {
  const r = await get<Schema<"AnalyticsResult">>("/analytics", {
    indicator: q.indicator,
    unit: q.unit,
    period: q.period,
    by: q.by,
    compare: q.compare === false ? undefined : "last-year",
  });
  return { ...figure(r.total), rows: r.rows.map(row) };
}

// "all": every reported figure; "approved": only months approved by the level above.
export type DataScope = Schema<"Report">["data"];
export type Report = Schema<"Report">;

// The drafted narrative, one paragraph a line.
export const paragraphs = (text: string): string[] => text.split(/\n+/).filter(Boolean);

export const report = (unit: string, period: string, data: DataScope = "all") => get<Report>("/reports", { unit, period, compare: "last-year", data });
