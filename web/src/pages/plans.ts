// pages/plans.ts — "Kế hoạch, chỉ tiêu": the targets a unit is given for a year, each beside
// what has been done so far (analytics, which carries the target) and the percent of plan in
// colour (green ≥ 100%, amber ≥ 80%, red below). Targets are entered one by one or imported.
import { homeUnit } from "../session";
import { ApiError, parsePeriod } from "../api";
import { analytics, formatValue, indicators, type Indicator } from "../analytics";
import { clear, h, uid } from "../dom";
import { setQuery, type Page } from "../router";
import { deleteTarget, importFile, paths, putTarget, targets } from "../plans";
import { reference, labelOf } from "../reference";
import { importer } from "../components/importer";
import { errorBox, loading, okBox, pageHead, planBadge } from "../components/ui";
import { unitPicker } from "../components/unitPicker";
import { defaultPeriod, yearsAround } from "./dashboard";

const page: Page = async (main, _p, query) => {
  let unitId = query.get("u") || homeUnit();
  const dp = defaultPeriod();
  let year = Number(query.get("y") || dp.year);
  const tableBox = h("div", { "data-testid": "targets" }, loading());
  const formStatus = h("div", { "aria-live": "polite" });

  let inds: Indicator[] = [];
  let groups: { code: string; label: string }[] = [];
  try {
    [inds, groups] = await Promise.all([indicators(), reference().then((r) => r.groups)]);
  } catch (e) {
    main.append(pageHead("Kế hoạch, chỉ tiêu"), errorBox(e));
    return;
  }

  const unit = unitPicker({ label: "Đơn vị", onChange: (p) => ((unitId = p.id), void draw()) });
  const yearSel = h(
    "select",
    { id: "plan-year", onchange: () => ((year = Number(yearSel.value)), void draw()) },
    ...yearsAround(year).map((y) => h("option", { value: y, selected: y === year }, `Năm ${y}`)),
  );

  // Progress so far: the whole year when it is over, else up to the last finished month.
  function progressPeriod(): string {
    return year < dp.year ? String(year) : dp.month === 1 ? `${year}-01` : `${year}-01..${year}-${String(dp.month).padStart(2, "0")}`;
  }

  async function draw() {
    setQuery({ u: unitId, y: String(year) });
    clear(tableBox, loading());
    try {
      const list = await targets(unitId, year);
      const period = progressPeriod();
      const periodLabel = (await parsePeriod(period).catch(() => null))?.label_vi ?? period;
      const done = await Promise.all(list.map((t) => analytics({ indicator: t.indicator, unit: unitId, period, compare: false }).catch(() => null)));
      clear(
        tableBox,
        list.length
          ? h(
              "div",
              { class: "table-wrap" },
              h(
                "table",
                null,
                h("caption", null, `Thực hiện: ${periodLabel}.`),
                h(
                  "thead",
                  null,
                  h(
                    "tr",
                    null,
                    h("th", null, "Chỉ tiêu"),
                    h("th", null, "Nhóm đối tượng"),
                    h("th", { class: "num" }, "Kế hoạch"),
                    h("th", { class: "num" }, "Thực hiện"),
                    h("th", { class: "num" }, "% kế hoạch"),
                    h("th", null, h("span", { class: "sr-only" }, "Thao tác")),
                  ),
                ),
                h(
                  "tbody",
                  null,
                  ...list.map((t, i) => {
                    const ind = inds.find((x) => x.code === t.indicator);
                    const actual = done[i]?.value ?? null;
                    const p = actual !== null && t.value ? (actual / t.value) * 100 : null;
                    return h(
                      "tr",
                      null,
                      h("td", { class: "name" }, ind?.label ?? t.indicator, t.note ? h("div", { class: "small muted" }, t.note) : null),
                      h("td", null, t.group ? labelOf(groups, t.group) : "Tất cả"),
                      h("td", { class: "num" }, formatValue(ind, t.value)),
                      h("td", { class: "num" }, formatValue(ind, actual)),
                      h("td", { class: "num" }, planBadge(p)),
                      h(
                        "td",
                        null,
                        h(
                          "button",
                          {
                            type: "button",
                            class: "link",
                            onclick: async () => {
                              if (!confirm("Xóa chỉ tiêu này?")) return;
                              await deleteTarget(t.id).catch((e) => clear(formStatus, errorBox(e)));
                              void draw();
                            },
                          },
                          "Xóa",
                        ),
                      ),
                    );
                  }),
                ),
              ),
            )
          : h("p", { class: "alert alert-info" }, "Đơn vị chưa có chỉ tiêu kế hoạch cho năm này."),
      );
      main.setAttribute("data-ready", "plans");
    } catch (e) {
      clear(tableBox, errorBox(e));
    }
  }

  const ids = { ind: uid("ind"), grp: uid("grp"), val: uid("val"), note: uid("note") };
  const indSel = h("select", { id: ids.ind }, ...inds.map((i) => h("option", { value: i.code }, i.label)));
  const grpSel = h("select", { id: ids.grp }, h("option", { value: "" }, "Tất cả"), ...groups.map((g) => h("option", { value: g.code }, g.label)));
  const valIn = h("input", { id: ids.val, type: "text", inputmode: "decimal" });
  const noteIn = h("input", { id: ids.note, type: "text", maxlength: "500" });

  async function add(e: Event) {
    e.preventDefault();
    const raw = valIn.value.trim().replace(/\./g, "").replace(",", ".");
    const value = Number(raw);
    if (!raw || !Number.isFinite(value)) {
      clear(formStatus, errorBox(new ApiError(0, "bad_value", "Giá trị kế hoạch phải là một số (ví dụ 1.200 hoặc 92,5).")));
      valIn.setAttribute("aria-invalid", "true");
      valIn.focus();
      return;
    }
    valIn.removeAttribute("aria-invalid");
    try {
      await putTarget({ unit_id: unitId, year, indicator: indSel.value, group: grpSel.value, value, note: noteIn.value.trim() || undefined });
      clear(formStatus, okBox("Đã lưu chỉ tiêu."));
      valIn.value = "";
      noteIn.value = "";
      void draw();
    } catch (err) {
      clear(formStatus, errorBox(err));
    }
  }

  main.append(
    pageHead("Kế hoạch, chỉ tiêu"),
    h(
      "section",
      { class: "card row" },
      h("div", { style: { flex: "2 1 280px" } }, unit.el),
      h("div", { class: "field" }, h("label", { for: "plan-year" }, "Năm kế hoạch"), yearSel),
    ),
    h("section", { class: "card" }, h("h2", null, "Chỉ tiêu và tiến độ thực hiện"), tableBox),
    h(
      "div",
      { class: "grid grid-2" },
      h(
        "form",
        { class: "card", onsubmit: add, novalidate: true },
        h("h2", null, "Giao chỉ tiêu"),
        formStatus,
        h("div", { class: "field" }, h("label", { for: ids.ind }, "Chỉ tiêu"), indSel),
        h(
          "div",
          { class: "grid grid-2", style: { margin: "8px 0" } },
          h("div", { class: "field" }, h("label", { for: ids.grp }, "Nhóm đối tượng"), grpSel),
          h("div", { class: "field" }, h("label", { for: ids.val }, "Giá trị kế hoạch"), valIn),
        ),
        h("div", { class: "field", style: { marginBottom: "8px" } }, h("label", { for: ids.note }, "Ghi chú"), noteIn),
        h("button", { type: "submit" }, "Lưu chỉ tiêu"),
      ),
      h(
        "section",
        { class: "card" },
        h("h2", null, "Nhập chỉ tiêu từ tệp"),
        h(
          "p",
          { class: "small muted" },
          "Các cột: Mã đơn vị, Năm, Chỉ tiêu, Nhóm đối tượng (không bắt buộc), Giá trị, Ghi chú. Tệp có lỗi bị từ chối toàn bộ.",
        ),
        importer({ upload: (f, onSent) => importFile(paths.targetsImport, f, onSent), onDone: () => void draw() }),
      ),
    ),
  );
  await unit.set(unitId).catch(() => unit.set(homeUnit()));
  await draw();
};

export default page;
