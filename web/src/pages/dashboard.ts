// pages/dashboard.ts — "Tổng quan": the leader's view of outreach work for one unit and period.
// Headline figures with the change against the same period last year come first (they are the
// first paint the browser test measures); charts, map, ranking and the drafted narrative follow,
// with ECharts and the province boundaries loaded only after the figures are on screen. One
// control chooses the indicator the map and the ranking compare units by; the ranking sorts by
// any column. A period before the 2025 reform says what today's unit covered then; a unit outside
// the account's territory is refused in words, not shown as empty figures.
import { homeUnit, may, user } from "../session";
import { get, parsePeriod, type Place } from "../api";
import { analytics, changeOf, formatChange, formatValue, indicators, paragraphs, report, type Figure, type Indicator, type Row } from "../analytics";
import { clear, h } from "../dom";
import { num, signedPct } from "../format";
import { navigate, setQuery, type Page } from "../router";
import { parsePeriodCode, periodPicker, type PeriodValue } from "../components/periodPicker";
import { describe, unitPicker } from "../components/unitPicker";
import { errorBox, isRefusal, loading, pageHead, reachesBeforeReform, reformNote } from "../components/ui";

type ChartsModule = typeof import("../components/charts");

const breakdowns: { by: string; label: string }[] = [
  { by: "kind", label: "Loại hình" },
  { by: "channel", label: "Kênh" },
  { by: "group", label: "Nhóm đối tượng" },
  { by: "language", label: "Ngôn ngữ" },
];

let geoCache: Promise<unknown> | null = null;

// The figures on top: the first activity indicators and the participation rates (the seeds' own
// figures), at most eight.
function headlineIndicators(inds: Indicator[]): Indicator[] {
  const acts = inds.filter((i) => i.category === "activity" || !i.category);
  // Coverage rates say more than head counts; fall back to counts when there are none.
  const part = inds.filter((i) => i.category === "participation");
  const rates = [...part.filter((i) => i.rate), ...part.filter((i) => !i.rate)];
  return [...acts.slice(0, 8 - Math.min(2, rates.length)), ...rates.slice(0, 2)];
}

function indicatorOptions(inds: Indicator[]): HTMLElement[] {
  const groups: [string, string][] = [
    ["activity", "Hoạt động truyền thông"],
    ["participation", "Phát triển người tham gia"],
    ["kind", "Theo loại hoạt động"],
  ];
  const out = groups
    .map(([c, label]) => [label, inds.filter((i) => (i.category || "activity") === c)] as const)
    .filter(([, list]) => list.length)
    .map(([label, list]) => h("optgroup", { label }, ...list.map((i) => h("option", { value: i.code }, i.label))));
  const known = new Set(groups.map(([c]) => c));
  const rest = inds.filter((i) => i.category && !known.has(i.category));
  return [...out, ...rest.map((i) => h("option", { value: i.code }, i.label))];
}

// The default period: the months of this year up to the last finished one ("10 tháng đầu năm").
export function defaultPeriod(today = new Date()): PeriodValue {
  let y = today.getFullYear();
  let m = today.getMonth(); // last finished month, 1-based
  if (m === 0) {
    y -= 1;
    m = 12;
  }
  return { kind: "ytd", year: y, month: m, quarter: Math.ceil(m / 3) };
}

// "yyyy-mm" of the last month of a period.
function periodEnd(v: PeriodValue): string {
  const m = v.kind === "year" ? 12 : v.kind === "quarter" ? v.quarter * 3 : v.month;
  return `${v.year}-${String(m).padStart(2, "0")}`;
}

export function yearsAround(y: number): number[] {
  const now = new Date().getFullYear();
  const out: number[] = [];
  for (let i = Math.min(2021, y); i <= Math.max(now, y); i++) out.push(i);
  return out.reverse();
}

// Rates change in percentage points: the server's wording ("tăng 0,55 điểm phần trăm"), else
// the same unit worded here; counts in percent.
function changeEl(ind: Indicator, v: Figure | null, lastLabel: string): HTMLElement {
  const p = v ? changeOf(ind, v) : null;
  if (p === null) return h("div", { class: "kpi-change muted" }, v ? "Chưa có số liệu cùng kỳ" : "Chưa tải được số liệu");
  const cls = p > 0 ? "up" : p < 0 ? "down" : "muted";
  const arrow = p > 0 ? "▲" : p < 0 ? "▼" : "■";
  const text = ind.rate ? v!.changeText || formatChange(ind, v!) : signedPct(p);
  return h("div", { class: "kpi-change" }, h("span", { class: cls }, `${arrow} ${text}`), ` so với ${lastLabel}`);
}

// Why a unit of the ranking has no figure: participation is reported by provinces, so their
// communes have none of their own; anything else simply had none in the period.
function missingReason(ind: Indicator | undefined, ofCommunes: boolean): string {
  if (ind?.category === "participation" && ofCommunes)
    return "Chỉ tiêu phát triển người tham gia do BHXH tỉnh báo cáo cho cả tỉnh, chưa có số liệu riêng của từng xã, phường.";
  return "Đơn vị chưa có số liệu của chỉ tiêu này trong kỳ.";
}

type SortKey = "rank" | "name" | "value" | "lastYear" | "change";
interface RankingSort {
  key: SortKey;
  asc: boolean;
}

// Units compared by one indicator. "TT" is the rank by this period's value; every heading sorts
// the table by its column (again: the other way round).
function rankingTable(
  rows: Row[],
  ind: Indicator | undefined,
  lastLabel: string,
  sort: RankingSort,
  ofCommunes: boolean,
  onSort: (s: RankingSort) => void,
  onPick?: (r: Row) => void,
): HTMLElement {
  const byValue = [...rows].filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!);
  const rank = new Map(byValue.map((r, i) => [r.key, i + 1]));
  const keyOf: Record<SortKey, (r: Row) => number | string | null> = {
    rank: (r) => rank.get(r.key) ?? null,
    name: (r) => r.label,
    value: (r) => r.value,
    lastYear: (r) => r.lastYear,
    change: (r) => changeOf(ind, r),
  };
  const get = keyOf[sort.key];
  const collator = new Intl.Collator("vi");
  // Units without a figure stay at the bottom whichever way the column runs.
  const sorted = [...rows].sort((a, b) => {
    const x = get(a),
      y = get(b);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    const c = typeof x === "string" ? collator.compare(x, String(y)) : x - (y as number);
    return sort.asc ? c : -c;
  });
  // "—" says why in its title, and the note under the table says it for all to read.
  const reason = missingReason(ind, ofCommunes);
  const before = `Chưa có số liệu ${lastLabel} để so sánh.`;
  const missing = (v: string, why: string) => (v === "—" ? h("span", { title: why }, v) : v);
  const head = (key: SortKey, label: string, cls?: string) => {
    const on = sort.key === key;
    // Names read A→Z and ranks 1→n first; figures largest first.
    const firstAsc = key === "name" || key === "rank";
    return h(
      "th",
      { class: cls, scope: "col", "aria-sort": on ? (sort.asc ? "ascending" : "descending") : "none", "data-sort": key },
      h(
        "button",
        { type: "button", class: "sort", onclick: () => onSort({ key, asc: on ? !sort.asc : firstAsc }) },
        label,
        h("span", { "aria-hidden": "true" }, on ? (sort.asc ? " ▲" : " ▼") : " ⇅"),
      ),
    );
  };
  const notes = [
    rows.some((r) => r.value === null) ? `Dấu “—” ở cột Kỳ này: ${reason}` : "",
    rows.some((r) => r.value !== null && r.lastYear === null) ? `Dấu “—” ở cột ${lastLabel}: ${before}` : "",
  ].filter(Boolean);
  return h(
    "div",
    null,
    h(
      "div",
      { class: "table-wrap", style: { maxHeight: "460px", overflowY: "auto" } },
      h(
        "table",
        { "data-testid": "ranking" },
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            head("rank", "TT", "num"),
            head("name", "Đơn vị"),
            head("value", "Kỳ này", "num"),
            head("lastYear", lastLabel, "num"),
            head("change", "Tăng, giảm", "num"),
          ),
        ),
        h(
          "tbody",
          null,
          ...sorted.map((r) => {
            const ch = changeOf(ind, r);
            return h(
              "tr",
              { "data-key": r.key },
              h("td", { class: "num" }, missing(num(rank.get(r.key)), reason)),
              h("td", { class: "name" }, onPick ? h("button", { type: "button", class: "link", onclick: () => onPick(r) }, r.label) : r.label),
              h("td", { class: "num", "data-value": r.value ?? "" }, missing(formatValue(ind, r.value), reason)),
              h("td", { class: "num" }, missing(formatValue(ind, r.lastYear), r.value === null ? reason : before)),
              h(
                "td",
                { class: "num change " + ((ch ?? 0) > 0 ? "up" : (ch ?? 0) < 0 ? "down" : "") },
                missing(formatChange(ind, r), r.value === null ? reason : before),
              ),
            );
          }),
        ),
      ),
    ),
    notes.length ? h("p", { class: "small muted", "data-testid": "ranking-missing" }, notes.join(" ")) : null,
  );
}

const page: Page = async (main, _params, query) => {
  // The landing page after sign-in: a role without reports (a collaborator) starts at the
  // activities it records instead of a refusal.
  if (!may(user(), "report")) {
    navigate("/hoat-dong", true);
    return;
  }
  let unitId = query.get("u") || homeUnit();
  let periodCode = query.get("p") || "";
  const pv = parsePeriodCode(periodCode) ?? defaultPeriod();
  const disposers: (() => void)[] = [];
  let charts: ChartsModule | null = null;
  let generation = 0;

  const picker = unitPicker({
    label: "Đơn vị (tỉnh, xã)",
    within: homeUnit,
    onChange: (p: Place) => {
      unitId = p.id;
      setQuery({ u: p.id });
      void refresh();
    },
  });
  const period = periodPicker({
    value: pv,
    years: yearsAround(pv.year),
    onChange: (code) => {
      periodCode = code;
      setQuery({ p: code });
      void refresh();
    },
  });
  periodCode = period.code();

  const heading = h("div", { class: "muted", "data-testid": "dash-heading" });
  const reformBox = h("div", { "aria-live": "polite" });
  const kpis = h("section", { class: "kpis", "aria-label": "Chỉ tiêu chính", "data-testid": "kpis" }, loading());
  const trendBox = h("div", { class: "chart", role: "img", "aria-label": "Biểu đồ xu hướng theo tháng" });
  const trendIndicator = h("select", { id: "trend-ind", "aria-label": "Chỉ tiêu của biểu đồ xu hướng" });
  const breakdownTabs = h("div", { class: "tabs", role: "group", "aria-label": "Phân tích theo" });
  const breakdownBox = h("div", { class: "chart", role: "img", "aria-label": "Biểu đồ cơ cấu" });
  const compareIndicator = h("select", { id: "compare-ind", "data-testid": "compare-indicator" });
  const mapBox = h("div", { class: "chart tall", id: "province-map", "data-testid": "map", role: "img", "aria-label": "Bản đồ các tỉnh, thành phố" });
  const rankingBox = h("div", null, loading());
  const rankingTitle = h("h2", null, "Xếp hạng đơn vị");
  let rankingSort: RankingSort = { key: "value", asc: false };
  const narrativeBox = h("div", { class: "narrative", "data-testid": "narrative" }, loading("Đang soạn nhận xét…"));
  let breakdownBy = "kind";

  // Everything below the headline figures; hidden when the unit is refused.
  const details = h("div");
  main.append(
    pageHead("Tổng quan công tác truyền thông"),
    h("section", { class: "card filters", "aria-label": "Chọn đơn vị và kỳ" }, picker.el, period.el),
    heading,
    reformBox,
    kpis,
    details,
  );
  details.append(
    h(
      "div",
      { class: "grid grid-2" },
      h("section", { class: "card" }, h("div", { class: "page-head" }, h("h2", null, "Xu hướng theo tháng"), trendIndicator), trendBox),
      h("section", { class: "card" }, h("h2", null, "Cơ cấu hoạt động"), breakdownTabs, breakdownBox),
    ),
    h(
      "section",
      { class: "card filters", "aria-label": "So sánh các đơn vị" },
      h("div", { class: "field" }, h("label", { for: "compare-ind" }, "Chỉ tiêu so sánh các đơn vị (bản đồ và bảng xếp hạng)"), compareIndicator),
    ),
    h(
      "div",
      { class: "grid grid-2" },
      h(
        "section",
        { class: "card" },
        h("h2", null, "Bản đồ các tỉnh, thành phố"),
        h("p", { class: "small muted" }, "Bấm vào một tỉnh để xem chi tiết các xã, phường của tỉnh đó."),
        mapBox,
      ),
      h("section", { class: "card" }, rankingTitle, rankingBox),
    ),
    h("section", { class: "card" }, h("h2", null, "Nhận xét, đánh giá (dự thảo)"), narrativeBox),
  );

  let inds: Indicator[] = [];
  let primary = "";
  let lastLabel = "cùng kỳ năm trước";

  async function loadCharts(): Promise<ChartsModule> {
    if (!charts) charts = await import("../components/charts");
    return charts;
  }

  function chartIn(el: HTMLElement, c: ChartsModule) {
    const existing = c.echarts.getInstanceByDom(el);
    if (existing) return existing;
    const made = c.makeChart(el);
    disposers.push(made.dispose);
    return made.chart;
  }

  async function refresh() {
    const gen = ++generation;
    const stale = () => gen !== generation;
    clear(kpis, loading());
    try {
      const [unit, per] = await Promise.all([
        picker.value()?.id === unitId ? picker.value()! : picker.set(unitId).then(() => picker.value()!),
        parsePeriod(periodCode),
      ]);
      if (stale()) return;
      lastLabel = per.last_year?.label_vi ? per.last_year.label_vi : "cùng kỳ năm trước";
      heading.setAttribute("data-period", periodCode);
      clear(heading, h("strong", null, describe(unit)), ` — ${per.label_vi}; so sánh với ${lastLabel}.`);
      clear(reformBox, reachesBeforeReform(per.from, per.last_year?.from) ? reformNote(unit.before_reform) : null);
      const headline = headlineIndicators(inds);
      const values = await Promise.all(
        headline.map((i) => analytics({ indicator: i.code, unit: unitId, period: periodCode }).catch((e: unknown) => (isRefusal(e) ? e : null))),
      );
      if (stale()) return;
      const refusal = values.find(isRefusal);
      details.hidden = Boolean(refusal);
      if (refusal) {
        const box = errorBox(refusal);
        box.style.gridColumn = "1 / -1"; // the whole row of the cards' grid
        clear(kpis, box);
        main.setAttribute("data-ready", "refused");
        return;
      }
      clear(
        kpis,
        ...headline.map((ind, k) => {
          const v = values[k] as Figure | null;
          return h(
            "div",
            { class: "kpi", "data-indicator": ind.code },
            h("div", { class: "kpi-label" }, ind.label + (ind.unit && !ind.rate ? ` (${ind.unit})` : "")),
            h("div", { class: "kpi-value", "data-testid": "kpi-value" }, formatValue(ind, v?.value)),
            changeEl(ind, v, lastLabel),
          );
        }),
      );
      main.setAttribute("data-ready", "kpis");
      performance.mark("caunoi-kpis");
    } catch (e) {
      if (!stale()) clear(kpis, errorBox(e));
      return;
    }
    void drawTrend(gen);
    void drawBreakdown(gen);
    void drawMapAndRanking(gen);
    void drawNarrative(gen);
  }

  async function drawTrend(gen: number) {
    try {
      const pv2 = period.value();
      const ind = trendIndicator.value || primary;
      const s = await analytics({ indicator: ind, unit: unitId, period: String(pv2.year), by: "period" });
      // Months after the chosen period have no data yet: leave them out of this year's line.
      const endKey = periodEnd(pv2);
      for (const r of s.rows) if (/^\d{4}-\d{2}$/.test(r.key) && r.key > endKey) r.value = null;
      const c = await loadCharts();
      if (gen !== generation) return;
      const chart = chartIn(trendBox, c);
      const labels = s.rows.map((r) => r.label);
      chart.setOption(
        {
          aria: { enabled: true },
          tooltip: c.tooltipNum,
          legend: { bottom: 0 },
          grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
          xAxis: { type: "category", data: labels },
          yAxis: { type: "value", ...c.axisNum },
          series: [
            { name: `Năm ${pv2.year}`, type: "line", smooth: true, data: s.rows.map((r) => r.value) },
            { name: `Năm ${pv2.year - 1}`, type: "line", smooth: true, lineStyle: { type: "dashed" }, data: s.rows.map((r) => r.lastYear) },
          ],
        },
        true,
      );
    } catch (e) {
      clear(trendBox, errorBox(e));
    }
  }

  async function drawBreakdown(gen: number) {
    clear(
      breakdownTabs,
      ...breakdowns.map((b) =>
        h(
          "button",
          {
            type: "button",
            "aria-pressed": String(b.by === breakdownBy),
            onclick: () => {
              breakdownBy = b.by;
              void drawBreakdown(generation);
            },
          },
          b.label,
        ),
      ),
    );
    try {
      const s = await analytics({ indicator: primary, unit: unitId, period: periodCode, by: breakdownBy });
      const c = await loadCharts();
      if (gen !== generation) return;
      const chart = chartIn(breakdownBox, c);
      const rows = [...s.rows].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
      chart.setOption(
        {
          aria: { enabled: true },
          tooltip: { ...c.tooltipNum, axisPointer: { type: "shadow" } },
          legend: { bottom: 0 },
          grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
          yAxis: { type: "category", data: rows.map((r) => r.label), axisLabel: { width: 150, overflow: "truncate" } },
          xAxis: { type: "value", ...c.axisNum },
          series: [
            { name: "Kỳ này", type: "bar", data: rows.map((r) => r.value) },
            { name: lastLabel, type: "bar", data: rows.map((r) => r.lastYear), itemStyle: { color: "#9db4cc" } },
          ],
        },
        true,
      );
    } catch (e) {
      clear(breakdownBox, errorBox(e));
    }
  }

  async function drawMapAndRanking(gen: number) {
    const ind = compareIndicator.value || primary;
    const indicator = inds.find((i) => i.code === ind);
    try {
      // The country's map needs the national figures, which only central staff may read; the
      // staff of a province or commune see the units within their own instead.
      const countrywide = homeUnit() === "VN";
      const [national, local, c, geo] = await Promise.all([
        countrywide ? analytics({ indicator: ind, unit: "VN", period: periodCode, by: "children" }) : null,
        unitId === "VN" ? null : analytics({ indicator: ind, unit: unitId, period: periodCode, by: "children" }),
        loadCharts(),
        (geoCache ??= get<unknown>("/geo/provinces")),
      ]);
      if (gen !== generation) return;
      const unit = picker.value();
      rankingTitle.textContent = unitId === "VN" ? "Xếp hạng các tỉnh, thành phố" : `Các đơn vị trực thuộc ${unit ? describe(unit) : ""}`;
      const rows = (local ?? national)?.rows ?? [];
      const ofCommunes = (unit?.level ?? 0) >= 1;
      const pick = (r: Row) => {
        void picker.set(r.key).then(() => {
          unitId = r.key;
          setQuery({ u: r.key });
          void refresh();
        });
      };
      const drawRanking = () =>
        clear(
          rankingBox,
          rows.length
            ? rankingTable(
                rows,
                indicator,
                lastLabel,
                rankingSort,
                ofCommunes,
                (sort) => {
                  rankingSort = sort;
                  drawRanking();
                },
                pick,
              )
            : h("p", { class: "muted" }, "Đơn vị này không có đơn vị trực thuộc."),
        );
      drawRanking();
      if (!national) {
        clear(
          mapBox,
          h("p", { class: "muted" }, "Bản đồ số liệu các tỉnh, thành phố dành cho tài khoản cấp trung ương; xem các đơn vị trực thuộc ở bảng bên."),
        );
        mapBox.setAttribute("data-drawn", "0");
        return;
      }
      if (!c.echarts.getMap("vn-provinces")) c.echarts.registerMap("vn-provinces", geo as never);
      const chart = chartIn(mapBox, c);
      const provinceOfUnit = unit && unit.level >= 1 ? (unit.ancestors ?? []).concat(unit).find((a) => a.level === 1)?.id : undefined;
      // The scale spans the provinces' own values: from 0 it would paint 98% and 99% alike.
      const values = national.rows.map((r) => r.value).filter((v): v is number => v !== null && Number.isFinite(v));
      const lo = values.length ? Math.min(...values) : 0;
      const hi = values.length ? Math.max(...values) : 1;
      chart.off("click");
      chart.setOption(
        {
          tooltip: {
            trigger: "item",
            formatter: (p: { name: string; value: number; data?: { label?: string } }) =>
              `${p.data?.label ?? p.name}: ${Number.isFinite(p.value) ? formatValue(indicator, p.value) : "chưa có số liệu"}`,
          },
          visualMap: {
            min: lo,
            max: hi > lo ? hi : lo + 1,
            left: 8,
            bottom: 8,
            calculable: true,
            inRange: { color: ["#e8f0f8", "#6f9cc7", "#0b4f8a"] },
            formatter: (v: number) => (indicator?.rate ? formatValue(indicator, v) : num(Math.round(v))),
            textStyle: { fontSize: 11 },
          },
          series: [
            {
              type: "map",
              map: "vn-provinces",
              nameProperty: "code",
              roam: true,
              scaleLimit: { min: 1, max: 8 },
              selectedMode: "single",
              emphasis: { label: { show: false }, itemStyle: { areaColor: "#ffbf47" } },
              select: { label: { show: false }, itemStyle: { areaColor: "#c8102e" } },
              data: national.rows.map((r) => ({ name: r.key, value: r.value, label: r.label, selected: r.key === provinceOfUnit })),
            },
          ],
        },
        true,
      );
      chart.on("click", (p) => {
        const code = (p as { name?: string }).name;
        if (!code) return;
        void picker.set(code).then(() => {
          unitId = code;
          setQuery({ u: code });
          void refresh();
        });
      });
      mapBox.setAttribute("data-drawn", String(national.rows.length));
      mapBox.setAttribute("data-scale", `${lo}..${hi}`);
    } catch (e) {
      clear(rankingBox, errorBox(e));
    }
  }

  async function drawNarrative(gen: number) {
    clear(narrativeBox, loading("Đang soạn nhận xét…"));
    try {
      const r = await report(unitId, periodCode);
      if (gen !== generation) return;
      const text = paragraphs(r.narrative);
      clear(narrativeBox, ...(text.length ? text.map((p) => h("p", null, p)) : [h("p", { class: "muted" }, "Chưa có nhận xét cho kỳ này.")]));
    } catch (e) {
      if (gen === generation) clear(narrativeBox, errorBox(e));
    }
  }

  try {
    inds = await indicators();
  } catch (e) {
    clear(kpis, errorBox(e));
    return () => disposers.forEach((d) => d());
  }
  primary = headlineIndicators(inds)[0]?.code ?? "";
  for (const sel of [trendIndicator, compareIndicator]) {
    sel.replaceChildren(...indicatorOptions(inds));
    sel.value = primary;
  }
  compareIndicator.value = query.get("m") || primary;
  trendIndicator.addEventListener("change", () => void drawTrend(generation));
  compareIndicator.addEventListener("change", () => {
    setQuery({ m: compareIndicator.value });
    void drawMapAndRanking(generation);
  });
  await refresh();
  return () => disposers.forEach((d) => d());
};

export default page;
