// pages/qa.ts — "Hỏi đáp": the public chat page for citizens (no login). A question — or a whole
// letter, up to 5.000 ký tự — goes to POST /api/v1/qa/ask with the contact the citizen may leave
// for the staff's reply. A letter with several questions gets one answer block per "ý hỏi", each
// with its legal basis and related questions (a click asks them). When the bank has no answer
// for some ý hỏi, or the letter asks staff to look up the citizen's own file or money, the
// server's hand-off message is shown once, at the end.
import { post, type Schema } from "../api";
import { h } from "../dom";
import { num } from "../format";
import type { Page } from "../router";
import { errorText, pageHead } from "../components/ui";

// One "ý hỏi" answered (its `ask` is the sentence(s) of the letter it answers), and the whole
// answer, whose top level repeats the first ý hỏi.
type Ask = Schema<"QaAnswer">;
type AskResult = Schema<"QaAsk">;
type Related = Ask["related"][number];

// The textarea counts characters; the server's own limit is 8.000 bytes of UTF-8, which a
// Vietnamese letter of 5.000 ký tự with many accents may pass: the counter warns before sending.
const MAX_CHARS = 5000;
const MAX_BYTES = 8000;
const MAX_CONTACT_BYTES = 200;
const utf8 = new TextEncoder();

const examples = ["Mức đóng BHYT hộ gia đình là bao nhiêu?", "Điều kiện hưởng lương hưu theo luật mới?", "Làm sao để tra cứu quá trình đóng BHXH trên VssID?"];

// Paragraphs of a server text ("\n" between them), as text nodes, never as HTML.
const paras = (text: string, cls?: string) =>
  text
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => h("p", cls ? { class: cls } : null, p));

const page: Page = (main) => {
  const log = h("div", { class: "chat-log", role: "log", "aria-live": "polite", "aria-label": "Nội dung hỏi đáp", "data-testid": "chat-log" });
  const counter = h("span", { id: "qa-question-count", class: "small muted", "data-testid": "chat-count" });
  const input = h("textarea", {
    id: "qa-question",
    name: "question",
    rows: "3",
    maxlength: String(MAX_CHARS),
    autocomplete: "off",
    placeholder: "Ví dụ: đóng BHYT hộ gia đình bao nhiêu?",
    "aria-describedby": "qa-question-count qa-question-help",
    "data-testid": "chat-input",
  });
  const contact = h("input", {
    id: "qa-contact",
    name: "contact",
    type: "text",
    maxlength: String(MAX_CONTACT_BYTES),
    autocomplete: "off",
    placeholder: "Ví dụ: 0912 345 678 hoặc ten@example.com",
    "aria-describedby": "qa-contact-note",
    "data-testid": "chat-contact",
  });
  const send = h("button", { type: "submit", "data-testid": "chat-send" }, "Gửi câu hỏi");
  const form = h("form", {
    class: "chat-form",
    "data-testid": "chat-form",
    onsubmit: (e: Event) => {
      e.preventDefault();
      void ask(input.value);
    },
  });

  function count() {
    const bytes = utf8.encode(input.value).length;
    counter.textContent = `${num(input.value.length)}/${num(MAX_CHARS)} ký tự`;
    const over = bytes > MAX_BYTES;
    counter.className = over ? "small field-error" : "small muted";
    if (over) counter.textContent += " — thư có nhiều chữ có dấu nên quá dài để gửi một lần, hãy viết gọn lại.";
  }

  // Enter sends, Shift+Enter makes a new line; Enter that ends a Vietnamese IME composition
  // (Telex, VNI) only ends it.
  input.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    if (!send.disabled) form.requestSubmit();
  });
  input.addEventListener("input", count);

  function relatedList(list: Related[] | undefined, title: string): HTMLElement | null {
    if (!list?.length) return null;
    return h(
      "div",
      { class: "related" },
      h("div", { class: "small muted" }, title),
      ...list.map((q) => h("button", { type: "button", class: "secondary small", "data-related-id": q.id, onclick: () => void ask(q.question) }, q.question)),
    );
  }

  // One block per ý hỏi; `n` is its number when the letter had several.
  function answerBlock(r: Ask, n: number | null): HTMLElement {
    const box = h("div", { class: "msg msg-bot", "data-testid": "chat-answer", "data-entry-id": r.id ?? "", "data-answered": String(r.answered) });
    if (n !== null) box.append(h("div", { class: "ask-head" }, h("strong", null, `Ý hỏi ${n}: `), r.ask ?? ""));
    if (r.answered && r.answer) {
      if (r.question) box.append(h("div", { class: "small muted" }, "Câu hỏi gần nhất trong ngân hàng: ", h("em", null, r.question)));
      box.append(...paras(r.answer));
      if (r.legal_basis) box.append(h("div", { class: "legal" }, h("strong", null, "Căn cứ: "), r.legal_basis));
      box.append(relatedList(r.related, "Câu hỏi liên quan:") ?? "");
    } else {
      box.append(h("p", null, "Ngân hàng câu hỏi chưa có câu trả lời cho ý hỏi này; cán bộ sẽ xem và trả lời."));
      box.append(relatedList(r.related, "Có thể bạn muốn hỏi:") ?? "");
    }
    return box;
  }

  function handoff(message: string, ownCase: boolean): HTMLElement {
    return h("div", { class: "msg msg-bot msg-handoff", "data-testid": "chat-handoff", "data-own-case": String(ownCase) }, ...paras(message));
  }

  function reply(r: AskResult): HTMLElement[] {
    if (r.own_case) return [handoff(r.message || "Cán bộ BHXH sẽ tra cứu hồ sơ của bạn và trả lời.", true)];
    // An older server answers one question only, at the top level.
    const asks = r.asks ?? [r];
    const out = asks.map((a, i) => answerBlock(a, asks.length > 1 ? i + 1 : null));
    if (r.message && (asks.length === 0 || asks.some((a) => !a.answered))) out.push(handoff(r.message, false));
    if (!out.length) out.push(h("div", { class: "msg msg-bot" }, "Chưa tìm được câu trả lời. Vui lòng đặt lại câu hỏi hoặc gọi tổng đài 1900 9068."));
    return out;
  }

  async function ask(q: string) {
    q = q.trim();
    if (!q) {
      input.focus();
      return;
    }
    log.append(h("div", { class: "msg msg-user" }, q));
    const waiting = h("div", { class: "msg msg-bot muted", role: "status" }, "Đang tìm câu trả lời…");
    log.append(waiting);
    send.disabled = true;
    let first: Element | null = waiting;
    try {
      const who = contact.value.trim();
      const r = await post<AskResult>("/qa/ask", who ? { question: q, contact: who } : { question: q });
      const blocks = reply(r);
      waiting.replaceWith(...blocks);
      first = blocks[0];
      // Sent: the box is emptied for the next question (a refused letter stays to be shortened).
      if (input.value.trim() === q) input.value = "";
    } catch (e) {
      const err = h("div", { class: "msg msg-bot", role: "alert", "data-testid": "chat-error" }, errorText(e));
      waiting.replaceWith(err);
      first = err;
    } finally {
      send.disabled = false;
      count();
      input.focus();
      first?.scrollIntoView({ block: "nearest" });
    }
  }

  count();
  form.append(
    h(
      "div",
      { class: "chat-question" },
      h("label", { for: "qa-question", class: "sr-only" }, "Câu hỏi của bạn"),
      input,
      h("div", { class: "chat-meta" }, h("span", { id: "qa-question-help", class: "small muted" }, "Enter để gửi, Shift+Enter để xuống dòng."), counter),
    ),
    send,
  );
  main.append(
    pageHead("Hỏi đáp chính sách BHXH, BHYT, BHTN"),
    h(
      "div",
      { class: "chat" },
      h(
        "div",
        { class: "alert alert-info" },
        "Đặt câu hỏi về bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp. Câu trả lời lấy từ ngân hàng câu hỏi đã được cơ quan BHXH duyệt; câu hỏi chưa có lời đáp sẽ được chuyển cho cán bộ trả lời.",
      ),
      h(
        "div",
        { class: "row" },
        h("span", { class: "small muted" }, "Gợi ý:"),
        ...examples.map((q) => h("button", { type: "button", class: "secondary small", onclick: () => void ask(q) }, q)),
      ),
      log,
      form,
      h(
        "div",
        { class: "field chat-contact" },
        h("label", { for: "qa-contact" }, "Số điện thoại hoặc email để cán bộ trả lời (không bắt buộc)"),
        contact,
        h("span", { id: "qa-contact-note", class: "hint" }, "Chỉ cán bộ của cơ quan BHXH xem được thông tin này; không hiển thị công khai."),
      ),
    ),
  );
  main.setAttribute("data-ready", "1");
  input.focus();
};

export default page;
