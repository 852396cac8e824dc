// pages/qaStaff.ts — "Quản lý hỏi đáp", for staff: the queue of questions the bank could not
// answer (GET /api/v1/qa/queue; answer one with POST /api/v1/qa/queue/{id}/answer, which also
// adds it to the bank), and the bank editor (GET/POST/PUT /api/v1/qa/entries).
import { get, items, post, put } from "../api";
import { clear, h, uid } from "../dom";
import { date, fold, num, pct } from "../format";
import type { Page } from "../router";
import { errorBox, loading, okBox, pageHead } from "../components/ui";

interface QueueItem {
  id: string | number;
  question: string;
  asked_at?: string;
  created_at?: string;
  confidence?: number;
}
interface Entry {
  id: string;
  topic: string;
  question: string;
  alt_questions?: string[];
  answer: string;
  legal_basis?: string;
  status?: string;
}

const statuses: [string, string][] = [
  ["published", "Đã công bố"],
  ["draft", "Bản nháp"],
  ["retired", "Ngừng sử dụng"],
];

function textField(label: string, value: string, opts: { area?: boolean; name: string }): [HTMLElement, HTMLInputElement | HTMLTextAreaElement] {
  const id = uid(opts.name);
  const input = opts.area ? h("textarea", { id, name: opts.name }, value) : h("input", { id, name: opts.name, type: "text", value });
  return [h("div", { class: "field", style: { marginBottom: "8px" } }, h("label", { for: id }, label), input), input];
}

const page: Page = async (main) => {
  const queueBox = h("div", null, loading());
  const bankBox = h("div", null, loading());
  const editorBox = h("div");
  const search = h("input", { id: "bank-search", type: "search", placeholder: "Tìm trong ngân hàng câu hỏi…" });
  let entries: Entry[] = [];

  function editor(e: Entry | null, fromQueue?: QueueItem) {
    const status = h("div", { "aria-live": "polite" });
    const [idF, idIn] = textField("Mã câu hỏi (chữ không dấu, số, dấu gạch)", e?.id ?? `hd-${Date.now().toString(36)}`, { name: "id" });
    if (e) (idIn as HTMLInputElement).readOnly = true;
    const stId = uid("st");
    const stSel = h("select", { id: stId }, ...statuses.map(([c, l]) => h("option", { value: c, selected: c === (e?.status ?? "published") }, l)));
    const [topicF, topic] = textField("Chủ đề", e?.topic ?? "", { name: "topic" });
    const [qF, q] = textField("Câu hỏi", e?.question ?? fromQueue?.question ?? "", { name: "question" });
    const [altF, alt] = textField("Cách hỏi khác (mỗi dòng một câu)", (e?.alt_questions ?? []).join("\n"), { name: "alt_questions", area: true });
    const [aF, a] = textField("Câu trả lời", e?.answer ?? "", { name: "answer", area: true });
    const [lF, l] = textField("Căn cứ pháp lý", e?.legal_basis ?? "", { name: "legal_basis" });
    const body = () => ({
      id: idIn.value.trim(),
      status: stSel.value,
      topic: topic.value.trim(),
      question: q.value.trim(),
      alt_questions: alt.value.split("\n").map((s) => s.trim()).filter(Boolean),
      answer: a.value.trim(),
      legal_basis: l.value.trim(),
    });
    clear(
      editorBox,
      h(
        "form",
        {
          class: "card",
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
        aF,
        lF,
        h("div", { class: "row" }, h("button", { type: "submit" }, "Lưu"), h("button", { type: "button", class: "secondary", onclick: () => clear(editorBox) }, "Đóng")),
      ),
    );
    editorBox.scrollIntoView({ block: "start" });
    (q as HTMLElement).focus();
  }

  function drawBank() {
    const f = fold(search.value.trim());
    const shown = entries.filter((e) => !f || fold(`${e.id} ${e.topic} ${e.question} ${(e.alt_questions ?? []).join(" ")}`).includes(f));
    clear(
      bankBox,
      h("p", { class: "small muted" }, `${num(shown.length)}/${num(entries.length)} câu hỏi.`),
      h(
        "div",
        { class: "table-wrap", style: { maxHeight: "520px", overflowY: "auto" } },
        h(
          "table",
          null,
          h("thead", null, h("tr", null, h("th", null, "Mã"), h("th", null, "Chủ đề"), h("th", null, "Câu hỏi"), h("th", null, "Trạng thái"), h("th", null, h("span", { class: "sr-only" }, "Thao tác")))),
          h(
            "tbody",
            null,
            ...shown.slice(0, 200).map((e) =>
              h(
                "tr",
                null,
                h("td", { style: { whiteSpace: "nowrap" } }, e.id),
                h("td", null, e.topic),
                h("td", { class: "name" }, e.question),
                h("td", null, statuses.find(([c]) => c === e.status)?.[1] ?? e.status ?? ""),
                h("td", null, h("button", { type: "button", class: "link", onclick: () => editor(e) }, "Sửa")),
              ),
            ),
          ),
        ),
      ),
    );
  }

  async function loadAll() {
    try {
      const queue = items<QueueItem>(await get("/qa/queue"), "queue");
      clear(
        queueBox,
        queue.length
          ? h(
              "div",
              { class: "table-wrap" },
              h(
                "table",
                { "data-testid": "qa-queue" },
                h("thead", null, h("tr", null, h("th", null, "Câu hỏi của người dân"), h("th", null, "Ngày hỏi"), h("th", { class: "num", title: "Độ tin cậy của câu gần nhất trong ngân hàng" }, "Độ khớp"), h("th", null, h("span", { class: "sr-only" }, "Thao tác")))),
                h("tbody", null, ...queue.map((q) => h("tr", null, h("td", { class: "name" }, q.question), h("td", null, date(q.asked_at ?? q.created_at)), h("td", { class: "num" }, q.confidence !== undefined ? pct(q.confidence * 100) : "—"), h("td", null, h("button", { type: "button", class: "secondary", onclick: () => editor(null, q) }, "Trả lời"))))),
              ),
            )
          : h("p", { class: "muted" }, "Không có câu hỏi nào đang chờ trả lời."),
      );
    } catch (e) {
      clear(queueBox, errorBox(e));
    }
    try {
      entries = items<Entry>(await get("/qa/entries"), "entries");
      drawBank();
    } catch (e) {
      clear(bankBox, errorBox(e));
    }
    main.setAttribute("data-ready", "1");
  }

  search.addEventListener("input", drawBank);
  main.append(
    pageHead("Quản lý hỏi đáp", h("button", { type: "button", onclick: () => editor(null) }, "+ Thêm câu hỏi")),
    editorBox,
    h("section", { class: "card" }, h("h2", null, "Câu hỏi chưa có lời đáp"), queueBox),
    h("section", { class: "card" }, h("h2", null, "Ngân hàng câu hỏi"), h("div", { class: "field", style: { marginBottom: "8px" } }, h("label", { for: "bank-search" }, "Tìm câu hỏi"), search), bankBox),
  );
  await loadAll();
};

export default page;
