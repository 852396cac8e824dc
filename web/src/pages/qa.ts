// pages/qa.ts — "Hỏi đáp": the public chat page for citizens (no login). Each question goes to
// POST /api/v1/qa/ask; the answer comes with its legal basis and related questions (a click
// asks them). When the bank has no good answer, the server's hand-off message is shown.
import { post } from "../api";
import { h } from "../dom";
import type { Page } from "../router";
import { errorText, pageHead } from "../components/ui";

interface Related {
  id: string;
  question: string;
}
interface AskResult {
  answered: boolean;
  id?: string | null;
  question?: string;
  answer?: string;
  legal_basis?: string;
  confidence?: number;
  related?: Related[];
  message?: string;
}

const examples = [
  "Mức đóng BHYT hộ gia đình là bao nhiêu?",
  "Điều kiện hưởng lương hưu theo luật mới?",
  "Làm sao để tra cứu quá trình đóng BHXH trên VssID?",
];

const page: Page = (main) => {
  const log = h("div", { class: "chat-log", role: "log", "aria-live": "polite", "aria-label": "Nội dung hỏi đáp", "data-testid": "chat-log" });
  const input = h("input", {
    id: "qa-question",
    type: "text",
    maxlength: "500",
    autocomplete: "off",
    placeholder: "Ví dụ: đóng BHYT hộ gia đình bao nhiêu?",
    "data-testid": "chat-input",
  });
  const send = h("button", { type: "submit" }, "Gửi câu hỏi");

  function bot(r: AskResult): HTMLElement {
    const box = h("div", { class: "msg msg-bot", "data-testid": "chat-answer", "data-entry-id": r.id ?? "", "data-answered": String(r.answered) });
    if (r.answered && r.answer) {
      if (r.question) box.append(h("div", { class: "small muted" }, "Câu hỏi gần nhất trong ngân hàng: ", h("em", null, r.question)));
      for (const para of r.answer.split(/\n+/)) box.append(h("p", null, para));
      if (r.legal_basis) box.append(h("div", { class: "legal" }, h("strong", null, "Căn cứ: "), r.legal_basis));
    }
    if (r.message) box.append(h("p", { class: r.answered ? "small muted" : "" }, r.message));
    if (r.related?.length) {
      box.append(
        h(
          "div",
          { class: "related" },
          h("div", { class: "small muted" }, "Câu hỏi liên quan:"),
          ...r.related.map((q) => h("button", { type: "button", class: "secondary small", onclick: () => void ask(q.question) }, q.question)),
        ),
      );
    }
    return box;
  }

  async function ask(q: string) {
    q = q.trim();
    if (!q) {
      input.focus();
      return;
    }
    log.append(h("div", { class: "msg msg-user" }, q));
    const waiting = h("div", { class: "msg msg-bot muted" }, "Đang tìm câu trả lời…");
    log.append(waiting);
    send.disabled = true;
    try {
      const r = await post<AskResult>("/qa/ask", { question: q });
      waiting.replaceWith(bot(r));
    } catch (e) {
      waiting.replaceWith(h("div", { class: "msg msg-bot", role: "alert" }, errorText(e)));
    } finally {
      send.disabled = false;
      input.value = "";
      input.focus();
      log.lastElementChild?.scrollIntoView({ block: "nearest" });
    }
  }

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
      h("div", { class: "row" }, h("span", { class: "small muted" }, "Gợi ý:"), ...examples.map((q) => h("button", { type: "button", class: "secondary small", onclick: () => void ask(q) }, q))),
      log,
      h(
        "form",
        {
          class: "chat-form",
          "data-testid": "chat-form",
          onsubmit: (e: Event) => {
            e.preventDefault();
            void ask(input.value);
          },
        },
        h("label", { for: "qa-question", class: "sr-only" }, "Câu hỏi của bạn"),
        input,
        send,
      ),
    ),
  );
  main.setAttribute("data-ready", "1");
  input.focus();
};

export default page;
