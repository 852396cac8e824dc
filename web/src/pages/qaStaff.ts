// pages/qaStaff.ts — "Quản lý hỏi đáp", for staff: the queue of citizens' messages the bank could
// not answer (GET /api/v1/qa/queue?status=open|answered|closed) and the bank editor
// (GET/POST/PUT /api/v1/qa/entries). A queued message is one of two kinds: a question the bank
// has no answer for ("question") or a request to look up the citizen's own file or money
// ("case"). Central staff and administrators act on it: answer it as a new bank entry
// (POST …/queue/{id}/answer), say which entry it asks about so that it trains the engine as one
// more way of asking (POST …/queue/{id}/phrasing), say that it is an own-case request or out of
// scope so that the engine learns it as such (POST …/queue/{id}/example), or mark a case handled
// in person by phone or e-mail (POST …/queue/{id}/close). The contact a citizen left is shown
// only to them.
import { get, post, put, type Schema } from "../api";
import { clear, h, uid } from "../dom";
import { date, fold, num, pct } from "../format";
import type { Page } from "../router";
import { user } from "../session";
import { errorBox, loading, okBox, pageHead } from "../components/ui";

type QueueItem = Schema<"QaQueueItem">;
type Entry = Schema<"QaEntry">;

const statuses: [Entry["status"], string][] = [
  ["published", "Đã công bố"],
  ["draft", "Bản nháp"],
  ["retired", "Ngừng sử dụng"],
];

const queueStatuses: [string, string][] = [
  ["open", "Đang chờ"],
  ["answered", "Đã trả lời"],
  ["closed", "Đã đóng"],
];

const kinds: Record<QueueItem["kind"], [string, string]> = {
  case: ["Tra cứu hồ sơ cá nhân", "badge-warn"],
  question: ["Chưa có trong ngân hàng", "badge-bad"],
};

// A long letter shows its first ~300 characters, cut between words, and a toggle for the rest.
const PREVIEW_CHARS = 300;

function textField(
  label: string,
  value: string,
  opts: { area?: boolean; name: string; hint?: string; rows?: number },
): [HTMLElement, HTMLInputElement | HTMLTextAreaElement] {
  const id = uid(opts.name);
  const hintId = opts.hint ? id + "-hint" : undefined;
  const input = opts.area
    ? h("textarea", { id, name: opts.name, rows: opts.rows ? String(opts.rows) : undefined, "aria-describedby": hintId }, value)
    : h("input", { id, name: opts.name, type: "text", value, "aria-describedby": hintId });
  return [
    h(
      "div",
      { class: "field", style: { marginBottom: "8px" } },
      h("label", { for: id }, label),
      opts.hint ? h("span", { id: hintId, class: "hint" }, opts.hint) : null,
      input,
    ),
    input,
  ];
}

function letter(text: string): HTMLElement {
  const box = h("div", { class: "letter", "data-testid": "queue-question" });
  if (text.length <= PREVIEW_CHARS) {
    box.textContent = text;
    return box;
  }
  let cut = text.lastIndexOf(" ", PREVIEW_CHARS);
  if (cut < PREVIEW_CHARS * 0.8) cut = PREVIEW_CHARS;
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut--; // never half of an emoji
  const short = text.slice(0, cut).trimEnd() + "…";
  const body = h("span", null, short);
  const toggle = h("button", { type: "button", class: "link", "aria-expanded": "false", "data-testid": "queue-toggle" }, "Xem cả thư");
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    body.textContent = open ? text : short;
    toggle.textContent = open ? "Thu gọn" : "Xem cả thư";
    toggle.setAttribute("aria-expanded", String(open));
  });
  box.append(body, " ", toggle, h("span", { class: "small muted" }, ` (${num(text.length)} ký tự)`));
  return box;
}

const page: Page = async (main) => {
  const queueBox = h("div", null, loading());
  const queueNote = h("div", { "aria-live": "polite", "data-testid": "queue-status-note" });
  const bankBox = h("div", null, loading());
  const editorBox = h("div");
  const search = h("input", { id: "bank-search", type: "search", placeholder: "Tìm trong ngân hàng câu hỏi…" });
  const queueFilter = h("select", { id: "queue-status", "data-testid": "queue-status" }, ...queueStatuses.map(([c, l]) => h("option", { value: c }, l)));
  let entries: Entry[] = [];
  // Only those who curate the bank act on the queue (the server refuses others anyway).
  const curator = () => ["admin", "central_staff"].includes(user()?.role ?? "");

  function editor(e: Entry | null, fromQueue?: QueueItem) {
    const status = h("div", { "aria-live": "polite" });
    const [idF, idIn] = textField("Mã câu hỏi (chữ không dấu, số, dấu gạch)", e?.id ?? `hd-${Date.now().toString(36)}`, { name: "id" });
    if (e) (idIn as HTMLInputElement).readOnly = true;
    const stId = uid("st");
    const stSel = h("select", { id: stId }, ...statuses.map(([c, l]) => h("option", { value: c, selected: c === (e?.status ?? "published") }, l)));
    const [topicF, topic] = textField("Chủ đề", e?.topic ?? "", { name: "topic" });
    const [qF, q] = textField("Câu hỏi", e?.question ?? fromQueue?.question ?? "", { name: "question" });
    const [altF, alt] = textField("Cách hỏi khác (mỗi dòng một câu)", (e?.alt_questions ?? []).join("\n"), { name: "alt_questions", area: true });
    // A phrasing taken from a letter may hold line breaks: shown on one line here. Left
    // untouched, the entry's phrasings are sent back exactly as they were.
    const phrasingsShown = (e?.phrasings ?? []).map((s) => s.replace(/\s*\n\s*/g, " ")).join("\n");
    const [phF, ph] = textField("Cách hỏi dùng để huấn luyện (mỗi dòng một câu)", phrasingsShown, {
      name: "phrasings",
      area: true,
      rows: 5,
      hint: "Những cách người dân thực sự hỏi (không dấu, viết tắt, cả thư): chỉ dùng để huấn luyện máy trả lời, không hiển thị cho người dân.",
    });
    const [aF, a] = textField("Câu trả lời", e?.answer ?? "", { name: "answer", area: true });
    const [lF, l] = textField("Căn cứ pháp lý", e?.legal_basis ?? "", { name: "legal_basis" });
    const lines = (v: string) =>
      v
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean);
    const body = (): Schema<"QaEntryInput"> => ({
      // What this form does not edit (tags, validity dates) is kept as it was.
      tags: e?.tags,
      valid_from: e?.valid_from,
      valid_to: e?.valid_to,
      id: idIn.value.trim(),
      status: stSel.value as Entry["status"],
      topic: topic.value.trim(),
      question: q.value.trim(),
      alt_questions: lines(alt.value),
      phrasings: e && ph.value === phrasingsShown ? e.phrasings : lines(ph.value),
      answer: a.value.trim(),
      legal_basis: l.value.trim(),
    });
    clear(
      editorBox,
      h(
        "form",
        {
          class: "card",
          "data-testid": "qa-editor",
          onsubmit: async (ev: Event) => {
            ev.preventDefault();
            try {
              if (fromQueue) await post(`/qa/queue/${encodeURIComponent(String(fromQueue.id))}/answer`, body());
              else if (e) await put(`/qa/entries/${encodeURIComponent(e.id)}`, body());
              else await post("/qa/entries", body());
              clear(status, okBox("Đã lưu vào ngân hàng câu hỏi."));
              void loadAll();
            } catch (err) {
              clear(status, errorBox(err));
            }
          },
        },
        h("h2", null, fromQueue ? "Trả lời câu hỏi đang chờ" : e ? `Sửa câu hỏi ${e.id}` : "Thêm câu hỏi vào ngân hàng"),
        status,
        h("div", { class: "grid grid-2" }, idF, h("div", { class: "field" }, h("label", { for: stId }, "Trạng thái"), stSel)),
        topicF,
        qF,
        altF,
        phF,
        aF,
        lF,
        h(
          "div",
          { class: "row" },
          h("button", { type: "submit" }, "Lưu"),
          h("button", { type: "button", class: "secondary", onclick: () => clear(editorBox) }, "Đóng"),
        ),
      ),
    );
    editorBox.scrollIntoView({ block: "start" });
    (q as HTMLElement).focus();
  }

  // "Câu này hỏi về mục…": a row under the queued message to pick the bank entry it asks about
  // (searched by code and question; the engine's nearest guess comes first).
  let openPicker: HTMLTableRowElement | null = null;
  function phrasingPicker(q: QueueItem, row: HTMLTableRowElement, cols: number) {
    openPicker?.remove();
    const findId = uid("ph-find");
    const selId = uid("ph-sel");
    const find = h("input", { id: findId, type: "search", placeholder: "Gõ mã hoặc vài chữ của câu hỏi…", "data-testid": "phrasing-search" });
    const sel = h("select", { id: selId, size: "8", "data-testid": "phrasing-select" });
    const status = h("div", { "aria-live": "polite" });
    const save = h("button", { type: "submit", "data-testid": "phrasing-save" }, "Thêm vào cách hỏi của mục này");
    const label = (e: Entry) => `${e.id} — ${e.question}` + (e.status !== "published" ? ` (${statuses.find(([c]) => c === e.status)?.[1] ?? e.status})` : "");
    function fill() {
      const f = fold(find.value.trim());
      const keep = sel.value || q.best_id || "";
      const shown = entries
        .filter((e) => e.status !== "retired" || e.id === keep)
        .filter((e) => !f || fold(`${e.id} ${e.topic} ${e.question} ${e.alt_questions.join(" ")}`).includes(f));
      shown.sort((x, y) => Number(y.id === q.best_id) - Number(x.id === q.best_id));
      sel.replaceChildren(...shown.slice(0, 300).map((e) => h("option", { value: e.id, selected: e.id === keep }, label(e))));
      if (!shown.length) sel.append(h("option", { value: "", disabled: true }, "Không có mục nào khớp."));
    }
    find.addEventListener("input", fill);
    fill();
    const tr = h(
      "tr",
      { class: "picker-row", "data-testid": "phrasing-picker" },
      h(
        "td",
        { colspan: String(cols), class: "actions", style: { textAlign: "left" } },
        h(
          "form",
          {
            onsubmit: async (ev: Event) => {
              ev.preventDefault();
              const entryId = sel.value;
              if (!entryId) {
                status.replaceChildren(h("p", { class: "field-error", role: "alert" }, "Hãy chọn mục mà câu hỏi này hỏi về."));
                sel.focus();
                return;
              }
              save.disabled = true;
              try {
                await post(`/qa/queue/${encodeURIComponent(String(q.id))}/phrasing`, { entry_id: entryId });
                openPicker = null;
                // Said once the lists show it, so that what the note says is what the page shows.
                await loadAll();
                clear(queueNote, okBox(`Đã thêm vào cách hỏi của mục ${entryId}. Máy trả lời đã học thêm cách hỏi này.`));
              } catch (err) {
                clear(status, errorBox(err));
              } finally {
                save.disabled = false;
              }
            },
          },
          h("strong", null, "Câu này hỏi về mục nào trong ngân hàng?"),
          status,
          h("div", { class: "field", style: { margin: "6px 0" } }, h("label", { for: findId }, "Tìm mục"), find),
          h("div", { class: "field", style: { marginBottom: "8px" } }, h("label", { for: selId }, "Mục hỏi đáp"), sel),
          h("div", { class: "row" }, save, h("button", { type: "button", class: "secondary", onclick: closePicker }, "Hủy")),
        ),
      ),
    );
    function closePicker() {
      tr.remove();
      openPicker = null;
    }
    row.after(tr);
    openPicker = tr;
    find.focus();
  }

  // One click on a queued message (POST …/queue/{id}/<action>), then the list again and a note.
  async function act(q: QueueItem, action: string, body: unknown, note: string, btn: HTMLButtonElement) {
    btn.disabled = true;
    try {
      await post(`/qa/queue/${encodeURIComponent(String(q.id))}/${action}`, body);
      await loadQueue();
      clear(queueNote, okBox(note));
    } catch (err) {
      clear(queueNote, errorBox(err));
      btn.disabled = false;
    }
  }

  function queueRow(q: QueueItem, open: boolean, cols: number): HTMLTableRowElement {
    const kind = kinds[q.kind];
    const actions = h("td", { class: "actions" });
    const row = h(
      "tr",
      { "data-queue-id": String(q.id), "data-kind": q.kind },
      h("td", { "data-label": "Loại" }, h("span", { class: "badge badge-wrap " + kind[1], "data-testid": "queue-kind" }, kind[0])),
      // One box per cell: on a phone each cell is a label and one value beside it.
      h(
        "td",
        { class: "name wide", "data-label": "Nội dung" },
        h(
          "div",
          null,
          letter(q.question),
          q.contact ? h("div", { class: "small", "data-testid": "queue-contact" }, h("strong", null, "Liên hệ: "), q.contact) : null,
        ),
      ),
      h("td", { "data-label": "Ngày hỏi" }, date(q.asked_at)),
      h(
        "td",
        { class: "num", "data-label": "Độ khớp" },
        h(
          "div",
          null,
          q.kind !== "case" ? pct(q.confidence * 100) : "—",
          q.best_id && q.kind !== "case" ? h("div", { class: "small muted", title: "Mục gần nhất trong ngân hàng" }, q.best_id) : null,
        ),
      ),
      open
        ? actions
        : h(
            "td",
            { "data-label": "Xử lý" },
            [q.entry_id ? `Mục ${q.entry_id}` : "", q.answered_by, date(q.answered_at)].filter((s) => s && s !== "—").join(" — ") || "—",
          ),
    );
    if (!open) return row;
    if (!curator()) {
      actions.append(h("span", { class: "small muted" }, "Cán bộ trung ương xử lý"));
      return row;
    }
    const buttons = h("div", { class: "queue-actions" });
    if (q.kind !== "case")
      buttons.append(h("button", { type: "button", class: "secondary", "data-testid": "queue-answer", onclick: () => editor(null, q) }, "Trả lời"));
    buttons.append(
      h("button", { type: "button", class: "secondary", "data-testid": "queue-phrasing", onclick: () => phrasingPicker(q, row, cols) }, "Câu này hỏi về mục…"),
    );
    if (q.kind === "case") {
      const done: HTMLButtonElement = h(
        "button",
        { type: "button", "data-testid": "queue-close", onclick: () => void act(q, "close", undefined, `Đã đánh dấu yêu cầu số ${q.id} là đã xử lý.`, done) },
        "Đã xử lý",
      );
      buttons.append(done);
    } else {
      // The engine missed what this message is: it learns it as an example of that hand-off. An
      // own-case request stays in the list as a case, for a person still has to look the file up.
      const ownCase: HTMLButtonElement = h(
        "button",
        {
          type: "button",
          class: "secondary",
          "data-testid": "queue-own-case",
          onclick: () =>
            void act(
              q,
              "example",
              { kind: "own_case" },
              `Câu hỏi số ${q.id} là yêu cầu tra cứu hồ sơ: máy trả lời đã học câu mẫu này, cán bộ vẫn cần tra cứu và trả lời người hỏi.`,
              ownCase,
            ),
        },
        "Là yêu cầu tra cứu hồ sơ",
      );
      const outOfScope: HTMLButtonElement = h(
        "button",
        {
          type: "button",
          class: "secondary",
          "data-testid": "queue-out-of-scope",
          onclick: () =>
            void act(q, "example", { kind: "out_of_scope" }, `Đã đóng câu hỏi số ${q.id} (ngoài phạm vi): máy trả lời đã học câu mẫu này.`, outOfScope),
        },
        "Ngoài phạm vi",
      );
      buttons.append(ownCase, outOfScope);
    }
    actions.append(buttons);
    return row;
  }

  async function loadQueue() {
    const status = queueFilter.value;
    const open = status === "open";
    try {
      const queue = (await get<Schema<"QaQueue">>("/qa/queue", { status })).items;
      const cols = 5;
      clear(
        queueBox,
        queue.length
          ? h(
              "div",
              { class: "table-wrap" },
              h(
                "table",
                { class: "stack", "data-testid": "qa-queue", "data-status": status },
                h(
                  "thead",
                  null,
                  h(
                    "tr",
                    null,
                    h("th", null, "Loại"),
                    h("th", null, "Nội dung người dân gửi"),
                    h("th", null, "Ngày hỏi"),
                    h("th", { class: "num", title: "Độ tin cậy của câu gần nhất trong ngân hàng" }, "Độ khớp"),
                    open ? h("th", null, h("span", { class: "sr-only" }, "Thao tác")) : h("th", null, "Xử lý"),
                  ),
                ),
                h("tbody", null, ...queue.map((q) => queueRow(q, open, cols))),
              ),
            )
          : h(
              "p",
              { class: "muted", "data-testid": "qa-queue-empty" },
              open ? "Không có câu hỏi nào đang chờ trả lời." : "Không có câu hỏi nào ở trạng thái này.",
            ),
      );
    } catch (e) {
      clear(queueBox, errorBox(e));
    }
  }

  function drawBank() {
    const f = fold(search.value.trim());
    const shown = entries.filter((e) => !f || fold(`${e.id} ${e.topic} ${e.question} ${e.alt_questions.join(" ")} ${e.phrasings.join(" ")}`).includes(f));
    clear(
      bankBox,
      h("p", { class: "small muted" }, `${num(shown.length)}/${num(entries.length)} câu hỏi.`),
      h(
        "div",
        { class: "table-wrap", style: { maxHeight: "520px", overflowY: "auto" } },
        h(
          "table",
          { "data-testid": "qa-bank" },
          h(
            "thead",
            null,
            h(
              "tr",
              null,
              h("th", null, "Mã"),
              h("th", null, "Chủ đề"),
              h("th", null, "Câu hỏi"),
              h("th", { class: "num", title: "Số cách hỏi dùng để huấn luyện máy trả lời" }, "Cách hỏi"),
              h("th", null, "Trạng thái"),
              h("th", null, h("span", { class: "sr-only" }, "Thao tác")),
            ),
          ),
          h(
            "tbody",
            null,
            ...shown
              .slice(0, 200)
              .map((e) =>
                h(
                  "tr",
                  { "data-entry-id": e.id },
                  h("td", { style: { whiteSpace: "nowrap" } }, e.id),
                  h("td", null, e.topic),
                  h("td", { class: "name" }, e.question),
                  h("td", { class: "num", "data-testid": "bank-phrasings", title: "Số cách hỏi dùng để huấn luyện" }, num(e.phrasings.length)),
                  h("td", null, statuses.find(([c]) => c === e.status)?.[1] ?? e.status),
                  h("td", null, h("button", { type: "button", class: "link", onclick: () => editor(e) }, "Sửa")),
                ),
              ),
          ),
        ),
      ),
    );
  }

  async function loadBank() {
    try {
      entries = (await get<Schema<"QaEntryList">>("/qa/entries")).items;
      drawBank();
    } catch (e) {
      clear(bankBox, errorBox(e));
    }
  }

  async function loadAll() {
    await Promise.all([loadQueue(), loadBank()]);
    main.setAttribute("data-ready", "1");
  }

  search.addEventListener("input", drawBank);
  queueFilter.addEventListener("change", () => {
    clear(queueNote);
    clear(queueBox, loading());
    void loadQueue();
  });
  main.append(
    pageHead("Quản lý hỏi đáp", h("button", { type: "button", onclick: () => editor(null) }, "+ Thêm câu hỏi")),
    editorBox,
    h(
      "section",
      { class: "card" },
      h("h2", null, "Câu hỏi, yêu cầu của người dân"),
      h("div", { class: "field", style: { marginBottom: "8px", maxWidth: "260px" } }, h("label", { for: "queue-status" }, "Trạng thái"), queueFilter),
      queueNote,
      queueBox,
    ),
    h(
      "section",
      { class: "card" },
      h("h2", null, "Ngân hàng câu hỏi"),
      h("div", { class: "field", style: { marginBottom: "8px" } }, h("label", { for: "bank-search" }, "Tìm câu hỏi"), search),
      bankBox,
    ),
  );
  await loadAll();
};

export default page;
