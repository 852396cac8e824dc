// components/periodPicker.ts — choose a reporting period: a month, a quarter, a year, or the
// months from January to a chosen month (year to date). Produces the period codes the API
// understands: "2022-10", "2022Q3", "2022", "2022-01..2022-10".
import { h, uid } from "../dom";

export type PeriodKind = "month" | "quarter" | "year" | "ytd";

export interface PeriodValue {
  kind: PeriodKind;
  year: number;
  month: number; // 1..12 for month and ytd
  quarter: number; // 1..4
}

const pad = (n: number) => String(n).padStart(2, "0");

export function periodCode(v: PeriodValue): string {
  switch (v.kind) {
    case "month":
      return `${v.year}-${pad(v.month)}`;
    case "quarter":
      return `${v.year}Q${v.quarter}`;
    case "year":
      return String(v.year);
    case "ytd":
      return v.month === 1 ? `${v.year}-01` : `${v.year}-01..${v.year}-${pad(v.month)}`;
  }
}

// The inverse of periodCode, for codes kept in the address bar. Unknown codes give null.
export function parsePeriodCode(code: string): PeriodValue | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(code))) return { kind: "month", year: +m[1], month: +m[2], quarter: Math.ceil(+m[2] / 3) };
  if ((m = /^(\d{4})Q([1-4])$/i.exec(code))) return { kind: "quarter", year: +m[1], month: +m[2] * 3, quarter: +m[2] };
  if ((m = /^(\d{4})$/.exec(code))) return { kind: "year", year: +m[1], month: 12, quarter: 4 };
  if ((m = /^(\d{4})-01\.\.(\d{4})-(\d{2})$/.exec(code)) && m[1] === m[2]) return { kind: "ytd", year: +m[1], month: +m[3], quarter: Math.ceil(+m[3] / 3) };
  return null;
}

export function periodPicker(opts: { value: PeriodValue; years: number[]; onChange: (code: string, v: PeriodValue) => void }): {
  el: HTMLElement;
  value: () => PeriodValue;
  code: () => string;
} {
  const v = { ...opts.value };
  const ids = { kind: uid("pk"), year: uid("py"), month: uid("pm"), quarter: uid("pq") };

  const kindSel = h(
    "select",
    { id: ids.kind, "data-testid": "period-kind" },
    h("option", { value: "month" }, "Tháng"),
    h("option", { value: "quarter" }, "Quý"),
    h("option", { value: "year" }, "Năm"),
    h("option", { value: "ytd" }, "Lũy kế từ đầu năm"),
  );
  const yearSel = h("select", { id: ids.year, "data-testid": "period-year" }, ...opts.years.map((y) => h("option", { value: y }, `Năm ${y}`)));
  const monthSel = h(
    "select",
    { id: ids.month, "data-testid": "period-month" },
    ...Array.from({ length: 12 }, (_, i) => h("option", { value: i + 1 }, `Tháng ${i + 1}`)),
  );
  const quarterSel = h(
    "select",
    { id: ids.quarter, "data-testid": "period-quarter" },
    ...["I", "II", "III", "IV"].map((q, i) => h("option", { value: i + 1 }, `Quý ${q}`)),
  );
  const monthField = h("div", { class: "field" }, h("label", { for: ids.month }, "Đến tháng"), monthSel);
  const monthLabel = monthField.querySelector("label")!;
  const quarterField = h("div", { class: "field" }, h("label", { for: ids.quarter }, "Quý"), quarterSel);

  function sync() {
    kindSel.value = v.kind;
    if (!opts.years.includes(v.year)) yearSel.append(h("option", { value: v.year }, `Năm ${v.year}`));
    yearSel.value = String(v.year);
    monthSel.value = String(v.month);
    quarterSel.value = String(v.quarter);
    monthField.hidden = !(v.kind === "month" || v.kind === "ytd");
    monthLabel.textContent = v.kind === "ytd" ? "Đến hết tháng" : "Tháng";
    quarterField.hidden = v.kind !== "quarter";
  }
  function changed() {
    v.kind = kindSel.value as PeriodKind;
    v.year = +yearSel.value;
    v.month = +monthSel.value;
    v.quarter = +quarterSel.value;
    sync();
    opts.onChange(periodCode(v), { ...v });
  }
  for (const s of [kindSel, yearSel, monthSel, quarterSel]) s.addEventListener("change", changed);
  sync();

  const el = h(
    "fieldset",
    { class: "row period-picker", style: { margin: "0" } },
    h("legend", null, "Kỳ báo cáo"),
    h("div", { class: "field" }, h("label", { for: ids.kind }, "Loại kỳ"), kindSel),
    h("div", { class: "field" }, h("label", { for: ids.year }, "Năm"), yearSel),
    monthField,
    quarterField,
  );
  return { el, value: () => ({ ...v }), code: () => periodCode(v) };
}
