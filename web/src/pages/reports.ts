// pages/reports.ts — "Báo cáo": choose a unit and a period, read the report as the server drafts
// it (GET /api/v1/reports: sections of figures with the change against the same period last
// year, and the narrative), and download it as Excel (GET /api/v1/reports/xlsx). Either from all
// reported data or from approved months only; the report says which, and a period before the
// 2025 reform says what today's unit covered then. A unit outside the account's territory is
// refused in words (components/ui.ts errorBox).
import { homeUnit } from "../session";
import { url } from "../api";
import { paragraphs, report, row, type DataScope, type Report } from "../analytics";
import { clear, h, uid } from "../dom";
import { num, signedPct } from "../format";
import { setQuery, type Page } from "../router";
import { parsePeriodCode, periodPicker } from "../components/periodPicker";
import { errorBox, loading, pageHead, reformNote } from "../components/ui";
import { unitPicker } from "../components/unitPicker";
import { defaultPeriod, yearsAround } from "./dashboard";

// Names get room to read; short text columns (STT, Mã) and numbers stay narrow.
function cellClass(c: Report["sections"][number]["columns"][number] | undefined): string {
  if (!c || c.kind !== "text") return "num";
  return c.title.length > 4 ? "name wide" : "";
}

const page: Page = async (main, _p, query) => {
  let unitId = query.get("u") || homeUnit();
  const pv = parsePeriodCode(query.get("p") || "") ?? defaultPeriod();
  const body = h("div", { "data-testid": "report" }, loading());
  const download = h("a", { class: "btn", download: "", "data-testid": "report-xlsx" }, "Tải báo cáo Excel");
  const downloadDocx = h("a", { class: "btn", download: "", "data-testid": "report-docx" }, "Tải văn bản Word (.docx)");

  const unit = unitPicker({ label: "Đơn vị", within: homeUnit, onChange: (p) => ((unitId = p.id), void draw()) });
  const period = periodPicker({ value: pv, years: yearsAround(pv.year), onChange: () => void draw() });
  let data: DataScope = query.get("d") === "approved" ? "approved" : "all";
  const dataId = uid("data");
  const dataField = h(
    "div",
    { class: "field" },
    h("label", { for: dataId }, "Số liệu"),
    h(
      "select",
      { id: dataId, "data-testid": "report-data", onchange: (e: Event) => ((data = (e.target as HTMLSelectElement).value as DataScope), void draw()) },
      h("option", { value: "all", selected: data === "all" }, "Tất cả số liệu đã báo cáo"),
      h("option", { value: "approved", selected: data === "approved" }, "Chỉ số liệu đã phê duyệt"),
    ),
  );

  async function draw() {
    const p = period.code();
    setQuery({ u: unitId, p, d: data === "all" ? undefined : data });
    download.href = url("/reports/xlsx", { unit: unitId, period: p, compare: "last-year", data });
    downloadDocx.href = url("/reports/docx", { unit: unitId, period: p, compare: "last-year", data });
    clear(body, loading("Đang lập báo cáo…"));
    try {
      const r = await report(unitId, p, data);
      const narrative = paragraphs(r.narrative);
      clear(
        body,
        h("h2", { style: { textAlign: "center", textTransform: "uppercase" } }, r.title || "Báo cáo công tác truyền thông"),
        r.data_note ? h("p", { class: "small muted", style: { textAlign: "center" }, "data-testid": "report-data-note" }, r.data_note) : null,
        reformNote(r.reform_note),
        narrative.length
          ? h("section", { class: "narrative", "data-testid": "report-narrative" }, h("h3", null, "Đánh giá chung"), ...narrative.map((t) => h("p", null, t)))
          : null,
        ...r.sections.map((s, i) =>
          h(
            "section",
            { style: { marginTop: "16px" } },
            h("h3", null, /^\d/.test(s.title) ? s.title : `${i + 1}. ${s.title}`),
            s.columns.length
              ? h(
                  "div",
                  { class: "table-wrap" },
                  h(
                    "table",
                    null,
                    h("thead", null, h("tr", null, ...s.columns.map((c) => h("th", { class: c.kind === "text" ? "" : "num", scope: "col" }, c.title)))),
                    h("tbody", null, ...s.cells_vi.map((r) => h("tr", null, ...r.map((cell, j) => h("td", { class: cellClass(s.columns[j]) }, cell))))),
                  ),
                )
              : s.rows.length
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
                        ),
                      ),
                      h(
                        "tbody",
                        null,
                        ...s.rows
                          .map(row)
                          .map((line) =>
                            h(
                              "tr",
                              null,
                              h("td", { class: "name" }, line.label),
                              h("td", { class: "num" }, num(line.value)),
                              h("td", { class: "num" }, num(line.lastYear)),
                              h(
                                "td",
                                { class: "num " + ((line.changePct ?? 0) > 0 ? "up" : (line.changePct ?? 0) < 0 ? "down" : "") },
                                signedPct(line.changePct),
                              ),
                            ),
                          ),
                      ),
                    ),
                  )
                : null,
            s.note ? h("p", { class: "small muted" }, s.note) : null,
          ),
        ),
      );
      main.setAttribute("data-ready", "report");
    } catch (e) {
      clear(body, errorBox(e));
    }
  }

  main.append(
    pageHead(
      "Báo cáo công tác truyền thông",
      download,
      downloadDocx,
      h("button", { type: "button", class: "secondary", onclick: () => window.print() }, "In báo cáo"),
    ),
    h("section", { class: "card filters no-print" }, unit.el, period.el, dataField),
    h("article", { class: "card report-print" }, body),
  );
  await unit.set(unitId).catch(() => unit.set(homeUnit()));
  await draw();
};

export default page;
