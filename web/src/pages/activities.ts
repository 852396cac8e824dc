// pages/activities.ts — "Hoạt động truyền thông": the activity log of a unit and period with
// filters (kind, target group, topic, language, channel) and paging; links to enter a new one;
// export to CSV or Excel of what the filters select; template download and file import.
import { homeUnit } from "../session";
import { url } from "../api";
import { list, type Activity } from "../activity";
import { clear, h, uid } from "../dom";
import { date, num } from "../format";
import { setQuery, type Page } from "../router";
import { reference, labelOf, type Code, type Reference } from "../reference";
import { importer } from "../components/importer";
import { parsePeriodCode, periodPicker } from "../components/periodPicker";
import { errorBox, loading, pageHead, pager } from "../components/ui";
import { describe, unitPicker } from "../components/unitPicker";
import { defaultPeriod, yearsAround } from "./dashboard";

const PAGE_SIZE = 20;

function select(label: string, name: string, options: Code[], value: string, onChange: (v: string) => void): HTMLElement {
  const id = uid(name);
  const sel = h(
    "select",
    { id, name, "data-testid": "filter-" + name, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    h("option", { value: "" }, "Tất cả"),
    ...options.map((o) => h("option", { value: o.code, selected: o.code === value }, o.label)),
  );
  return h("div", { class: "field" }, h("label", { for: id }, label), sel);
}

// In the order the kind lists its figures (Số cuộc before Số lượt người tham dự), as the form
// and the template show them; a figure the kind no longer lists comes last.
function figuresText(a: Activity, ref: Reference): string {
  const order = ref.kinds.find((k) => k.code === a.kind)?.figures ?? [];
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  return Object.entries(a.figures)
    .filter(([, v]) => Number.isFinite(v))
    .sort(([x], [y]) => rank(x) - rank(y))
    .map(([k, v]) => `${labelOf(ref.figures, k)}: ${num(v)}`)
    .join("; ");
}

const columns = ["Ngày", "Đơn vị", "Loại hoạt động", "Nội dung", "Kênh", "Số liệu"];

const page: Page = async (main, _p, query) => {
  const f: Record<string, string> = {
    unit: query.get("u") || homeUnit(),
    period: query.get("p") || "",
    kind: query.get("kind") || "",
    group: query.get("group") || "",
    topic: query.get("topic") || "",
    language: query.get("language") || "",
    channel: query.get("channel") || "",
  };
  let pageNo = Number(query.get("page") || 1);
  const pv = parsePeriodCode(f.period) ?? defaultPeriod();

  const tableBox = h("div", null, loading());
  const filtersBox = h("div", { class: "grid grid-3", style: { marginTop: "12px" } });
  const exportLinks = h("div", { class: "row" });
  const unit = unitPicker({
    label: "Đơn vị",
    allowOld: true,
    onChange: (p) => {
      f.unit = p.id;
      changed();
    },
  });
  const period = periodPicker({
    value: pv,
    years: yearsAround(pv.year),
    onChange: (code) => {
      f.period = code;
      changed();
    },
  });
  f.period = period.code();

  let ref: Reference;
  try {
    ref = await reference();
  } catch (e) {
    main.append(pageHead("Hoạt động truyền thông"), errorBox(e));
    return;
  }

  const kindForTemplate = h(
    "select",
    { id: "tpl-kind", "aria-label": "Loại hoạt động của tệp mẫu" },
    ...ref.kinds.map((k) => h("option", { value: k.code }, k.label)),
  );
  const templateLink = h("a", { class: "btn secondary", href: url("/activities/template", { kind: ref.kinds[0]?.code }), download: "" }, "Tải tệp mẫu");
  kindForTemplate.addEventListener("change", () => (templateLink.href = url("/activities/template", { kind: kindForTemplate.value })));

  function filterQuery() {
    return { unit: f.unit, period: f.period, kind: f.kind, group: f.group, topic: f.topic, language: f.language, channel: f.channel };
  }

  function changed() {
    pageNo = 1;
    void draw();
  }

  function drawFilters() {
    clear(
      filtersBox,
      select("Loại hoạt động", "kind", ref.kinds, f.kind, (v) => ((f.kind = v), changed())),
      select("Kênh", "channel", ref.channels, f.channel, (v) => ((f.channel = v), changed())),
      select("Nhóm đối tượng", "group", ref.groups, f.group, (v) => ((f.group = v), changed())),
      select("Chủ đề", "topic", ref.topics, f.topic, (v) => ((f.topic = v), changed())),
      select("Ngôn ngữ", "language", ref.languages, f.language, (v) => ((f.language = v), changed())),
    );
  }

  async function draw() {
    setQuery({
      u: f.unit,
      p: f.period,
      kind: f.kind,
      group: f.group,
      topic: f.topic,
      language: f.language,
      channel: f.channel,
      page: pageNo > 1 ? String(pageNo) : undefined,
    });
    clear(
      exportLinks,
      h("a", { class: "btn secondary", href: url("/activities/export", { ...filterQuery(), format: "csv" }), download: "" }, "Xuất CSV"),
      h("a", { class: "btn secondary", href: url("/activities/export", { ...filterQuery(), format: "xlsx" }), download: "" }, "Xuất Excel"),
    );
    clear(tableBox, loading());
    try {
      const r = await list(filterQuery(), pageNo, PAGE_SIZE);
      const u = unit.value();
      clear(
        tableBox,
        h(
          "p",
          { class: "muted small", "data-testid": "activities-total", "data-total": r.total },
          `${u ? describe(u) : ""}: ${num(r.total)} hoạt động phù hợp bộ lọc.`,
        ),
        r.items.length
          ? h(
              "div",
              { class: "table-wrap" },
              h(
                "table",
                { "data-testid": "activities-table", class: "stack" },
                h("thead", null, h("tr", null, ...columns.map((c) => h("th", null, c)), h("th", null, h("span", { class: "sr-only" }, "Thao tác")))),
                h(
                  "tbody",
                  null,
                  ...r.items.map((a) =>
                    h(
                      "tr",
                      null,
                      h("td", { "data-label": columns[0], style: { whiteSpace: "nowrap" } }, date(a.date)),
                      h(
                        "td",
                        { "data-label": columns[1], class: "name" },
                        h("div", null, a.unit_name || a.unit_id, a.unit_province ? h("span", { class: "small muted block" }, a.unit_province) : ""),
                      ),
                      h("td", { "data-label": columns[2] }, a.kind_label || labelOf(ref.kinds, a.kind)),
                      h("td", { "data-label": columns[3], class: "name" }, a.title || "—"),
                      h("td", { "data-label": columns[4] }, a.channel ? labelOf(ref.channels, a.channel) : "—"),
                      h("td", { "data-label": columns[5], class: "small" }, figuresText(a, ref)),
                      h(
                        "td",
                        { class: "actions" },
                        a.id !== undefined
                          ? h(
                              "a",
                              {
                                href: `/hoat-dong/${a.id}`,
                                "data-link": true,
                                "aria-label": `Sửa hoạt động ngày ${date(a.date)} tại ${a.unit_name || a.unit_id}`,
                              },
                              "Sửa",
                            )
                          : "",
                      ),
                    ),
                  ),
                ),
              ),
            )
          : h("p", { class: "alert alert-info" }, "Không có hoạt động nào phù hợp bộ lọc."),
        pager(pageNo, PAGE_SIZE, r.total, (n) => {
          pageNo = n;
          void draw();
        }),
      );
      main.setAttribute("data-ready", "list");
    } catch (e) {
      clear(tableBox, errorBox(e));
    }
  }

  main.append(
    pageHead("Hoạt động truyền thông", h("a", { class: "btn", href: "/hoat-dong/moi", "data-link": true, "data-testid": "new-activity" }, "+ Nhập hoạt động")),
    h("section", { class: "card", "aria-label": "Bộ lọc" }, h("div", { class: "filters" }, unit.el, period.el), filtersBox),
    h("section", { class: "card" }, h("div", { class: "page-head" }, h("h2", null, "Danh sách hoạt động"), exportLinks), tableBox),
    h(
      "section",
      { class: "card", id: "nhap-tep" },
      h("h2", null, "Nhập hoạt động từ tệp CSV, Excel"),
      h(
        "p",
        { class: "small muted" },
        "Tải tệp mẫu theo loại hoạt động, điền số liệu rồi tải lên. Tệp có lỗi sẽ bị từ chối toàn bộ và liệt kê từng dòng, từng cột cần sửa.",
      ),
      h(
        "div",
        { class: "row", style: { marginBottom: "12px" } },
        h("div", { class: "field" }, h("label", { for: "tpl-kind" }, "Loại hoạt động của tệp mẫu"), kindForTemplate),
        templateLink,
      ),
      importer({ onDone: () => void draw() }),
    ),
  );
  drawFilters();
  await unit.set(f.unit).catch(() => unit.set(homeUnit()));
  await draw();
};

export default page;
