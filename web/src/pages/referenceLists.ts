// pages/referenceLists.ts — "Danh mục": the reference lists of the activity log (kinds with the
// figures and channels each takes, figures, channels, target groups, topics, languages,
// partners) with their stable codes, which staff need to fill an import file by code. An
// administrator adds an entry (POST /api/v1/reference/{list}); codes are never reused or
// removed, so old files and reports keep their meaning. Others see the lists read-only.
import { post, type Schema } from "../api";
import { clear, h, uid } from "../dom";
import type { Page } from "../router";
import { forgetReference, labelOf, reference, type Code, type Reference } from "../reference";
import { user } from "../session";
import { errorBox, loading, okBox, pageHead } from "../components/ui";

type ListKey = "kind" | "figure" | "channel" | "group" | "topic" | "language" | "partner";
const lists: [ListKey, string, (r: Reference) => Code[]][] = [
  ["kind", "Loại hoạt động", (r) => r.kinds],
  ["figure", "Chỉ số", (r) => r.figures],
  ["channel", "Kênh truyền thông", (r) => r.channels],
  ["group", "Nhóm đối tượng", (r) => r.groups],
  ["topic", "Chủ đề", (r) => r.topics],
  ["language", "Ngôn ngữ", (r) => r.languages],
  ["partner", "Đơn vị phối hợp", (r) => r.partners],
];

// What the categories in use mean, for the administrator choosing one.
const categoryLabels: Record<string, string> = {
  meeting: "Hội nghị, tư vấn, đối thoại, nhóm nhỏ (cộng vào số hội nghị)",
  event: "Sự kiện (lễ ra quân, cuộc thi)",
  broadcast: "Phát thanh loa truyền thanh",
  press: "Báo chí, phát thanh, truyền hình",
  online: "Trực tuyến, mạng xã hội",
  print: "Ấn phẩm",
  phone: "Tổng đài",
  count: "Số lượng (cuộc, tin bài, bản…)",
  people: "Số người, lượt người",
};

function checkboxes(name: string, options: Code[]): HTMLElement {
  return h(
    "div",
    { class: "checks" },
    ...options.map((o) => {
      const id = uid(name);
      return h("label", { for: id }, h("input", { id, type: "checkbox", name, value: o.code }), o.label);
    }),
  );
}

const page: Page = async (main, _p, query) => {
  main.append(pageHead("Danh mục"), loading());
  let active = (query.get("ds") as ListKey) || "kind";
  if (!lists.some(([k]) => k === active)) active = "kind";
  const isAdmin = user()?.role === "admin";
  const tabs = h("div", { class: "tabs", role: "group", "aria-label": "Chọn danh mục" });
  const tableBox = h("div");
  const formBox = h("div");

  async function draw() {
    let ref: Reference;
    try {
      ref = await reference();
    } catch (e) {
      clear(tableBox, errorBox(e));
      return;
    }
    const [key, title, of] = lists.find(([k]) => k === active)!;
    clear(
      tabs,
      ...lists.map(([k, t]) =>
        h("button", { type: "button", "aria-pressed": String(k === active), "data-list": k, onclick: () => ((active = k), void draw()) }, t),
      ),
    );
    const entries = of(ref);
    const isKind = key === "kind";
    clear(
      tableBox,
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { "data-testid": "ref-table", class: "stack" },
          h("thead", null, h("tr", null, h("th", null, "Mã"), h("th", null, "Tên"), ...(isKind ? [h("th", null, "Chỉ số"), h("th", null, "Kênh")] : []))),
          h(
            "tbody",
            null,
            ...entries.map((e) => {
              const k = isKind ? ref.kinds.find((x) => x.code === e.code) : undefined;
              return h(
                "tr",
                { "data-code": e.code },
                h("td", { "data-label": "Mã" }, h("code", null, e.code)),
                h("td", { "data-label": "Tên", class: "name" }, e.label),
                ...(k
                  ? [
                      h("td", { "data-label": "Chỉ số", class: "small" }, k.figures.map((f) => labelOf(ref.figures, f)).join("; ")),
                      h("td", { "data-label": "Kênh", class: "small" }, k.channels?.length ? k.channels.map((c) => labelOf(ref.channels, c)).join("; ") : "—"),
                    ]
                  : []),
              );
            }),
          ),
        ),
      ),
      h("p", { class: "small muted" }, `${entries.length} mục. Mã dùng được trong tệp nhập liệu thay cho tên; mã đã dùng không bao giờ bị xóa hay dùng lại.`),
    );
    clear(formBox, isAdmin ? addForm(key, title, ref) : h("p", { class: "small muted" }, "Chỉ quản trị hệ thống được bổ sung danh mục."));
    main.setAttribute("data-ready", "reference");
  }

  function addForm(key: ListKey, title: string, ref: Reference): HTMLElement {
    const status = h("div", { "aria-live": "polite" });
    const codeId = uid("code");
    const labelId = uid("label");
    const codeIn = h("input", { id: codeId, name: "code", type: "text", autocomplete: "off", placeholder: "vi_du_ma_moi", "data-testid": "ref-code" });
    const labelIn = h("input", { id: labelId, name: "label", type: "text", autocomplete: "off", "data-testid": "ref-label" });
    const catId = uid("cat");
    const categories = [
      ...new Set(
        lists
          .find(([k]) => k === key)![2](ref)
          .map((e) => e.category)
          .filter((c): c is string => !!c),
      ),
    ];
    const catSel = h(
      "select",
      { id: catId, "data-testid": "ref-category" },
      ...(key === "kind" ? [] : [h("option", { value: "" }, "(không)")]),
      ...categories.map((c) => h("option", { value: c }, categoryLabels[c] ?? c)),
    );
    const isKind = key === "kind";
    const extra = isKind
      ? [
          h("fieldset", null, h("legend", null, "Chỉ số của loại hoạt động (ít nhất một)"), checkboxes("figures", ref.figures)),
          h("fieldset", null, h("legend", null, "Kênh (để trống nếu loại này không đăng trên kênh nào)"), checkboxes("channels", ref.channels)),
        ]
      : [];
    const picked = (form: HTMLElement, name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
    const form = h(
      "form",
      {
        class: "card",
        "data-testid": "ref-form",
        novalidate: true,
        onsubmit: async (e: Event) => {
          e.preventDefault();
          clear(status);
          const body: Schema<"ReferenceEntryInput"> = { code: codeIn.value.trim(), label: labelIn.value.trim(), category: catSel.value };
          if (isKind) {
            body.figures = picked(form, "figures");
            body.channels = picked(form, "channels");
          }
          try {
            await post<Schema<"Reference">>(`/reference/${key}`, body);
            forgetReference();
            await draw();
            formBox.prepend(okBox(`Đã thêm "${body.label}" vào danh mục ${title.toLowerCase()}.`));
          } catch (err) {
            status.append(errorBox(err));
          }
        },
      },
      h("h2", null, `Thêm mục vào danh mục ${title.toLowerCase()}`),
      h(
        "div",
        { class: "grid grid-3" },
        h("div", { class: "field" }, h("label", { for: codeId }, "Mã", h("span", { class: "hint" }, " — chữ thường không dấu, số, dấu gạch dưới")), codeIn),
        h("div", { class: "field" }, h("label", { for: labelId }, "Tên tiếng Việt"), labelIn),
        categories.length ? h("div", { class: "field" }, h("label", { for: catId }, "Nhóm"), catSel) : h("span"),
      ),
      ...extra,
      status,
      h("div", { class: "row", style: { marginTop: "12px" } }, h("button", { type: "submit", "data-testid": "ref-save" }, "Thêm vào danh mục")),
    );
    return form;
  }

  clear(main, pageHead("Danh mục"), h("section", { class: "card" }, tabs, tableBox), formBox);
  await draw();
};

export default page;
