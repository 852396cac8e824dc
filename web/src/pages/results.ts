// pages/results.ts — "Kết quả phát triển người tham gia": the participation figures a unit
// reports at the end of a month or quarter (BHXH bắt buộc, tự nguyện, BHTN, BHYT, dân số, lực
// lượng lao động), entered in a form or imported, and the coverage rates they give with the
// change against a year earlier and the percent of plan in colour.
import { homeUnit } from "../session";
import { ApiError } from "../api";
import { analytics, formatValue, indicators, type Indicator } from "../analytics";
import { clear, h, uid } from "../dom";
import { signedPct } from "../format";
import { setQuery, type Page } from "../router";
import { importFile, measures, paths, putResult, results, type Measure } from "../plans";
import { importer } from "../components/importer";
import { parsePeriodCode, periodPicker } from "../components/periodPicker";
import { errorBox, loading, okBox, pageHead, planBadge } from "../components/ui";
import { unitPicker } from "../components/unitPicker";
import { defaultPeriod, yearsAround } from "./dashboard";

const page: Page = async (main, _p, query) => {
  let unitId = query.get("u") || homeUnit();
  const dp = defaultPeriod();
  const pv = parsePeriodCode(query.get("p") || "") ?? { ...dp, kind: "month" as const };
  if (pv.kind !== "month" && pv.kind !== "quarter") pv.kind = "month";

  let ms: Measure[] = [];
  let rates: Indicator[] = [];
  try {
    const [m, inds] = await Promise.all([measures(), indicators()]);
    ms = m;
    rates = inds.filter((i) => i.category === "participation");
  } catch (e) {
    main.append(pageHead("Kết quả phát triển người tham gia"), errorBox(e));
    return;
  }

  const ratesBox = h("div", { "data-testid": "rates" }, loading());
  const formStatus = h("div", { "aria-live": "polite" });
  const inputs = new Map<string, HTMLInputElement>();
  const unit = unitPicker({ label: "Đơn vị", onChange: (p) => ((unitId = p.id), void draw()) });
  const period = periodPicker({ value: pv, years: yearsAround(pv.year), onChange: () => void draw() });
  // Results are stocks at the end of a month or quarter: the other kinds make no sense here.
  for (const o of period.el.querySelectorAll<HTMLOptionElement>('select[data-testid="period-kind"] option'))
    if (o.value === "year" || o.value === "ytd") o.remove();

  async function draw() {
    const code = period.code();
    setQuery({ u: unitId, p: code });
    clear(ratesBox, loading());
    try {
      const recs = await results(unitId).catch(() => []);
      const rec = recs.find((r) => r.period === code);
      for (const m of ms) {
        const v = rec?.values.find((x) => x.measure === m.code && !x.group);
        inputs.get(m.code)!.value = v ? String(v.value) : "";
      }
      const figs = await Promise.all(rates.map((r) => analytics({ indicator: r.code, unit: unitId, period: code }).catch(() => null)));
      clear(
        ratesBox,
        rates.length
          ? h(
              "div",
              { class: "table-wrap" },
              h(
                "table",
                null,
                h(
                  "thead",
                  null,
                  h(
                    "tr",
                    null,
                    h("th", null, "Chỉ tiêu"),
                    h("th", { class: "num" }, "Kỳ này"),
                    h("th", { class: "num" }, "Cùng kỳ năm trước"),
                    h("th", { class: "num" }, "Tăng, giảm"),
                    h("th", { class: "num" }, "Kế hoạch"),
                    h("th", { class: "num" }, "% kế hoạch"),
                  ),
                ),
                h(
                  "tbody",
                  null,
                  // A rate's change is in percentage points, as the server words it ("tăng 1,26
                  // điểm phần trăm"); a relative % of a percentage would mislead.
                  ...rates.map((r, i) => {
                    const f = figs[i];
                    const show = (v: number | null | undefined) => formatValue(r, v);
                    return h(
                      "tr",
                      null,
                      h("td", { class: "name" }, r.label),
                      h("td", { class: "num" }, show(f?.value)),
                      h("td", { class: "num" }, show(f?.lastYear)),
                      h("td", { class: "num" }, r.rate && f?.changeText ? f.changeText : signedPct(f?.changePct ?? null)),
                      h("td", { class: "num" }, show(f?.target)),
                      h("td", { class: "num" }, planBadge(f?.pctOfPlan)),
                    );
                  }),
                ),
              ),
            )
          : h("p", { class: "muted" }, "Chưa có chỉ tiêu tỷ lệ bao phủ."),
      );
      main.setAttribute("data-ready", "results");
    } catch (e) {
      clear(ratesBox, errorBox(e));
    }
  }

  async function save(e: Event) {
    e.preventDefault();
    const values = [];
    for (const m of ms) {
      const input = inputs.get(m.code)!;
      input.removeAttribute("aria-invalid");
      const raw = input.value.trim().replace(/\./g, "");
      if (!raw) continue;
      if (!/^\d+$/.test(raw)) {
        input.setAttribute("aria-invalid", "true");
        input.focus();
        clear(formStatus, errorBox(new ApiError(0, "bad_value", `${m.label_vi}: phải là số nguyên không âm.`)));
        return;
      }
      values.push({ measure: m.code, group: "", value: Number(raw) });
    }
    if (!values.length) {
      clear(formStatus, errorBox(new ApiError(0, "empty", "Hãy nhập ít nhất một số liệu.")));
      return;
    }
    try {
      await putResult({ unit_id: unitId, period: period.code(), values });
      clear(formStatus, okBox("Đã lưu kết quả."));
      void draw();
    } catch (err) {
      clear(formStatus, errorBox(err));
    }
  }

  main.append(
    pageHead("Kết quả phát triển người tham gia"),
    h("section", { class: "card filters" }, unit.el, period.el),
    h("section", { class: "card" }, h("h2", null, "Tỷ lệ bao phủ và tiến độ kế hoạch"), ratesBox),
    h(
      "div",
      { class: "grid grid-2" },
      h(
        "form",
        { class: "card", onsubmit: save, novalidate: true },
        h("h2", null, "Số liệu cuối kỳ"),
        formStatus,
        h(
          "div",
          { class: "grid grid-2" },
          ...ms.map((m) => {
            const id = uid("m");
            const input = h("input", { id, type: "text", inputmode: "numeric", name: m.code });
            inputs.set(m.code, input);
            return h("div", { class: "field" }, h("label", { for: id }, m.label_vi), input);
          }),
        ),
        h("div", { style: { marginTop: "12px" } }, h("button", { type: "submit" }, "Lưu kết quả")),
      ),
      h(
        "section",
        { class: "card" },
        h("h2", null, "Nhập kết quả từ tệp"),
        h(
          "p",
          { class: "small muted" },
          "Các cột: Mã đơn vị, Kỳ (2022-03, 2022Q1), BHXH bắt buộc, BHXH tự nguyện, BHTN, BHYT, Dân số, Lực lượng lao động; có thể thêm các cột “BHYT - <nhóm>”. Tệp có lỗi bị từ chối toàn bộ.",
        ),
        importer({ upload: (f, onSent) => importFile(paths.resultsImport, f, onSent), onDone: () => void draw() }),
      ),
    ),
  );
  await unit.set(unitId).catch(() => unit.set(homeUnit()));
  await draw();
};

export default page;
