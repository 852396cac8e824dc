// pages/activityForm.ts — enter or correct one outreach activity. The figures offered are only
// those that fit the chosen kind (from GET /api/v1/reference); the server validates and any
// field errors it returns (error.fields) are shown in Vietnamese next to their inputs. Nothing
// is saved unless the server accepts the whole activity. The unit picker offers the officer's
// own territory, in the units of the activity's day (old ones before 01/07/2025).
import { ApiError, beforeReform, type FieldError } from "../api";
import { homeUnit } from "../session";
import { create, load, remove, update, type Activity } from "../activity";
import { clear, h, uid } from "../dom";
import { date as fmtDate, parseViDate } from "../format";
import { navigate, setQuery, type Page } from "../router";
import { reference, type Code, type Kind } from "../reference";
import { errorBox, loading, okBox, pageHead } from "../components/ui";
import { unitPicker } from "../components/unitPicker";
import { activityHistory } from "../components/activityHistory";

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

// What the officer chose last (unit, kind): the next new activity starts from it.
const lastKey = "caunoi.activityForm.last";
function remembered(): { unit_id?: string; kind?: string } {
  try {
    return JSON.parse(localStorage.getItem(lastKey) ?? "{}") as { unit_id?: string; kind?: string };
  } catch {
    return {};
  }
}

// Server field names as the form's labels say them, for errors no input holds.
const fieldLabels: Record<string, string> = {
  figures: "Số liệu",
  unit_id: "Đơn vị thực hiện",
  place: "Đơn vị thực hiện",
  reporting_unit: "Đơn vị báo cáo",
  date: "Ngày",
  date_from: "Ngày",
  date_to: "Ngày kết thúc",
  kind: "Loại hoạt động",
  title: "Tên hoạt động",
  channel: "Kênh",
};

const page: Page = async (main, params, query) => {
  const editing = params.id !== undefined;
  main.append(pageHead(editing ? "Sửa hoạt động truyền thông" : "Nhập hoạt động truyền thông"), loading());
  let ref;
  let act: Activity = { unit_id: "", date: today(), kind: "", title: "", channel: "", groups: [], topics: [], languages: [], partners: [], figures: {} };
  try {
    ref = await reference();
    if (editing) act = await load(params.id);
  } catch (e) {
    clear(main, pageHead("Hoạt động truyền thông"), errorBox(e));
    return;
  }
  const R = ref;
  if (!editing) {
    const last = remembered();
    if (last.unit_id) act.unit_id = last.unit_id;
    if (last.kind && R.kinds.some((k) => k.code === last.kind)) act.kind = last.kind;
  }
  if (!act.kind) act.kind = R.kinds[0]?.code ?? "";

  // Each input registers itself here under its API field name, so server errors find it.
  const fieldEls = new Map<string, { input: HTMLElement; err: HTMLElement }>();
  function field(name: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
    const err = h("div", { class: "field-error", id: input.id + "-err", "data-error-for": name, hidden: true });
    input.setAttribute("aria-describedby", err.id);
    fieldEls.set(name, { input, err });
    return h("div", { class: "field" }, h("label", { for: input.id }, label, hint ? h("span", { class: "hint" }, " — " + hint) : null), input, err);
  }

  const unit = unitPicker({
    label: "Đơn vị thực hiện",
    allowOld: true,
    within: homeUnit,
    on: () => parseViDate(dateIn.value) ?? undefined,
    onChange: (p) => {
      act.unit_id = p.id;
      checkEra();
    },
  });
  const unitErr = h("div", { class: "field-error", "data-error-for": "place", hidden: true });
  fieldEls.set("place", { input: unit.el.querySelector("input")!, err: unitErr });
  // Said before saving: a unit of the other era than the day's is refused by the server.
  const eraHint = h("div", { class: "field-error", "data-testid": "unit-era", hidden: true });
  function checkEra() {
    const p = unit.value();
    const iso = parseViDate(dateIn.value);
    const wrong = p && p.level > 0 && iso && beforeReform(iso) !== (p.era === "old");
    eraHint.hidden = !wrong;
    eraHint.textContent = !wrong
      ? ""
      : p.era === "old"
        ? `${p.full_name} là đơn vị cũ, chỉ dùng cho ngày trước 01/07/2025; hãy chọn đơn vị hiện nay.`
        : `Ngày ${fmtDate(iso)} trước 01/07/2025: hãy chọn đơn vị cũ (trước sắp xếp) thay cho ${p.full_name}.`;
  }

  // A text box, not type=date: the browser would show its own UI language's order (mm/dd).
  const dateIn = h("input", {
    id: uid("date"),
    type: "text",
    inputmode: "numeric",
    placeholder: "dd/mm/yyyy",
    value: fmtDate(act.date),
    autocomplete: "off",
    "data-testid": "act-date",
  });
  // Empty for a one-day activity; a campaign or a contest runs over several days.
  const multiDay = act.date_to && act.date_to !== act.date;
  const dateToIn = h("input", {
    id: uid("date-to"),
    type: "text",
    inputmode: "numeric",
    placeholder: "dd/mm/yyyy",
    value: multiDay ? fmtDate(act.date_to!) : "",
    autocomplete: "off",
    "data-testid": "act-date-to",
  });
  dateIn.addEventListener("change", checkEra);
  const titleIn = h("input", { id: uid("title"), type: "text", value: act.title, maxlength: "500", "data-testid": "act-title" });
  const kindSel = h(
    "select",
    { id: uid("kind"), "data-testid": "act-kind" },
    ...R.kinds.map((k) => h("option", { value: k.code, selected: k.code === act.kind }, k.label)),
  );
  const channelSel = h("select", { id: uid("channel"), "data-testid": "act-channel" });
  const figuresBox = h("fieldset", { "data-testid": "act-figures" });
  const noteIn = h("textarea", { id: uid("note"), maxlength: "2000" }, act.note ?? "");
  const topBox = h("div", { "aria-live": "polite" });
  if (editing && query.get("da-luu") === "1") {
    topBox.append(
      h(
        "div",
        { "data-testid": "act-saved" },
        okBox(`Đã lưu hoạt động số ${params.id}.`),
        h("p", null, h("a", { href: "/hoat-dong/moi", "data-link": true }, "+ Nhập hoạt động khác")),
      ),
    );
    setQuery({ "da-luu": undefined });
  }

  function checks(name: "groups" | "topics" | "languages" | "partners", legend: string, options: Code[]): HTMLElement {
    const box = h(
      "fieldset",
      { "data-testid": "act-" + name },
      h("legend", null, legend),
      h(
        "div",
        { class: "checks" },
        ...options.map((o) => {
          const id = uid(name);
          return h("label", { for: id }, h("input", { id, type: "checkbox", value: o.code, name, checked: act[name].includes(o.code) }), o.label);
        }),
      ),
    );
    const err = h("div", { class: "field-error", "data-error-for": name, hidden: true });
    box.append(err);
    fieldEls.set(name, { input: box, err });
    return box;
  }

  function currentKind(): Kind | undefined {
    return R.kinds.find((k) => k.code === kindSel.value);
  }

  // Only the figures and channels that fit the kind are offered; values typed stay if they fit.
  function drawKind() {
    const k = currentKind();
    // A kind without channels (a conference) takes none; one with channels must name one.
    const chans = R.channels.filter((c) => k?.channels.includes(c.code));
    clear(
      channelSel,
      ...(chans.length ? [] : [h("option", { value: "" }, "(không áp dụng)")]),
      ...chans.map((c) => h("option", { value: c.code, selected: c.code === act.channel }, c.label)),
    );
    channelSel.disabled = !chans.length;
    for (const key of [...fieldEls.keys()]) if (key.startsWith("figures.")) fieldEls.delete(key);
    const figs = (k?.figures ?? []).map((c) => R.figures.find((f) => f.code === c) ?? { code: c, label: c });
    clear(
      figuresBox,
      h("legend", null, "Số liệu của hoạt động"),
      figs.length
        ? h(
            "div",
            { class: "grid grid-3" },
            ...figs.map((f) => {
              const input = h("input", {
                id: uid("fig"),
                type: "text",
                inputmode: "numeric",
                name: f.code,
                value: act.figures[f.code] ?? "",
                "data-figure": f.code,
                autocomplete: "off",
              });
              return field("figures." + f.code, f.label, input);
            }),
          )
        : h("p", { class: "muted" }, "Loại hoạt động này không có số liệu đi kèm."),
    );
  }

  function clearErrors() {
    for (const { input, err } of fieldEls.values()) {
      input.removeAttribute("aria-invalid");
      err.hidden = true;
      err.textContent = "";
    }
    clear(topBox);
  }

  // Server field names may be "figures.attendees", "attendees" or "figures[attendees]".
  function showErrors(fields: FieldError[]): FieldError[] {
    const unplaced: FieldError[] = [];
    let first: HTMLElement | null = null;
    for (const fe of fields) {
      const name = (fe.field ?? "").replace(/\[(\w+)\]/, ".$1");
      const target = fieldEls.get(name) ?? fieldEls.get("figures." + name) ?? fieldEls.get(name.replace(/^figures\./, ""));
      if (!target) {
        // Never a code name: a field the form does not know goes without one.
        unplaced.push({ ...fe, field: fieldLabels[name] ?? fieldLabels[name.split(".")[0]] });
        continue;
      }
      target.input.setAttribute("aria-invalid", "true");
      target.err.hidden = false;
      target.err.textContent = target.err.textContent ? target.err.textContent + " " + fe.message : fe.message;
      first ??= target.input;
    }
    first?.focus();
    return unplaced;
  }

  function collect(): { a: Activity; bad: FieldError[] } {
    const bad: FieldError[] = [];
    const figures: Record<string, number> = {};
    for (const input of figuresBox.querySelectorAll<HTMLInputElement>("input[data-figure]")) {
      const raw = input.value.trim().replace(/\./g, "").replace(/\s/g, "");
      if (raw === "") continue;
      if (!/^-?\d+$/.test(raw)) bad.push({ field: "figures." + input.dataset.figure, message: "Phải là số nguyên (ví dụ 1.250)." });
      else figures[input.dataset.figure!] = Number(raw);
    }
    const iso = parseViDate(dateIn.value);
    if (!iso) bad.push({ field: "date_from", message: "Ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm (ví dụ 05/10/2022)." });
    const isoTo = dateToIn.value.trim() ? parseViDate(dateToIn.value) : "";
    if (isoTo === null) bad.push({ field: "date_to", message: "Ngày kết thúc không hợp lệ, hãy nhập theo dạng ngày/tháng/năm hoặc để trống." });
    const picked = (name: string) => [...main.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
    return {
      a: {
        ...act,
        unit_id: unit.value()?.id ?? act.unit_id,
        date: iso ?? "",
        date_to: isoTo || undefined,
        kind: kindSel.value,
        title: titleIn.value.trim(),
        channel: channelSel.value,
        groups: picked("groups"),
        topics: picked("topics"),
        languages: picked("languages"),
        partners: picked("partners"),
        figures,
        note: noteIn.value.trim() || undefined,
      },
      bad,
    };
  }

  const save = h("button", { type: "submit", "data-testid": "act-save" }, editing ? "Lưu thay đổi" : "Lưu hoạt động");

  async function submit(e: Event) {
    e.preventDefault();
    clearErrors();
    const { a, bad } = collect();
    if (bad.length) {
      showErrors(bad);
      topBox.append(
        h("div", { class: "alert alert-error", role: "alert", "data-testid": "form-error" }, "Có số liệu chưa hợp lệ, hãy sửa các ô được đánh dấu."),
      );
      return;
    }
    save.disabled = true;
    try {
      const saved = editing ? await update(params.id, a) : await create(a);
      try {
        localStorage.setItem(lastKey, JSON.stringify({ unit_id: a.unit_id, kind: a.kind }));
      } catch {
        /* private browsing: nothing remembered */
      }
      clear(topBox, okBox(editing ? "Đã lưu thay đổi." : "Đã lưu hoạt động."));
      if (editing) {
        act = saved;
        void drawHistory();
      }
      // The record's own page says it was saved (the message here goes with this page).
      if (!editing && saved.id !== undefined) navigate(`/hoat-dong/${saved.id}?da-luu=1`, true);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        const rest = showErrors(err.fields);
        topBox.append(errorBox(new ApiError(err.status, err.code, err.message, rest)));
        topBox.firstElementChild?.setAttribute("data-testid", "form-error");
      } else topBox.append(errorBox(err));
    } finally {
      save.disabled = false;
    }
  }

  kindSel.addEventListener("change", () => {
    act = collect().a;
    drawKind();
  });
  drawKind();
  if (act.unit_id) await unit.set(act.unit_id).catch(() => undefined);
  checkEra();

  clear(
    main,
    pageHead(editing ? "Sửa hoạt động truyền thông" : "Nhập hoạt động truyền thông", h("a", { href: "/hoat-dong", "data-link": true }, "‹ Về danh sách")),
    topBox,
    h(
      "form",
      { class: "card", novalidate: true, onsubmit: submit, "data-testid": "activity-form" },
      act.external_ref
        ? h(
            "p",
            { class: "small muted", "data-testid": "act-ref" },
            `Mã tham chiếu: ${act.external_ref} — giữ nguyên khi sửa, để nhập lại tệp gốc không tạo bản ghi trùng.`,
          )
        : null,
      h(
        "div",
        { class: "grid grid-2" },
        h("div", null, unit.el, unitErr, eraHint),
        h("div", { class: "grid grid-2" }, field("date_from", "Ngày thực hiện", dateIn), field("date_to", "Đến ngày", dateToIn, "nếu nhiều ngày")),
      ),
      h(
        "div",
        { class: "grid grid-2", style: { marginTop: "12px" } },
        field("kind", "Loại hoạt động", kindSel),
        field("channel", "Kênh truyền thông", channelSel),
      ),
      h("div", { style: { margin: "12px 0" } }, field("title", "Nội dung, tên hoạt động", titleIn)),
      figuresBox,
      checks("groups", "Nhóm đối tượng", R.groups),
      checks("topics", "Chủ đề", R.topics),
      checks("languages", "Ngôn ngữ", R.languages),
      checks("partners", "Đơn vị phối hợp", R.partners),
      field("note", "Ghi chú", noteIn),
      h(
        "div",
        { class: "row", style: { marginTop: "12px" } },
        save,
        h("a", { class: "btn secondary", href: "/hoat-dong", "data-link": true }, "Hủy"),
        editing
          ? h(
              "button",
              {
                type: "button",
                class: "danger",
                onclick: async () => {
                  if (!confirm("Xóa hoạt động này?")) return;
                  try {
                    await remove(params.id);
                    navigate("/hoat-dong");
                  } catch (err) {
                    clear(topBox, errorBox(err));
                  }
                },
              },
              "Xóa",
            )
          : null,
      ),
    ),
  );
  // Below the form when correcting: who entered and who changed what. A failure to load it
  // leaves the form usable.
  const historyBox = h("div", { "aria-live": "polite" });
  async function drawHistory() {
    try {
      clear(historyBox, await activityHistory(params.id, R));
    } catch (e) {
      clear(historyBox, errorBox(e));
    }
  }
  if (editing) {
    main.append(historyBox);
    await drawHistory();
  }
  main.setAttribute("data-ready", "form");
};

export default page;
