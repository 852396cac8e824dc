// components/ui.ts — small pieces every page shares: page heading, alerts that show an API
// error in Vietnamese (with its field list; a refusal says it is one), a loading line, a pager.
import { ApiError, beforeReform } from "../api";
import { h } from "../dom";
import { num } from "../format";

export function pageHead(title: string, ...extra: (Node | string)[]): HTMLElement {
  return h("div", { class: "page-head" }, h("h1", null, title), h("div", { class: "row" }, ...extra));
}

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return "Đã có lỗi không mong muốn. Vui lòng thử lại.";
}

// A refusal (HTTP 403: a unit outside the account's territory) is not a lack of figures: it is
// said as such, never shown as "—".
export function isRefusal(e: unknown): e is ApiError {
  return e instanceof ApiError && e.status === 403;
}

export function errorBox(e: unknown): HTMLElement {
  const box = isRefusal(e)
    ? h("div", { class: "alert alert-error", role: "alert", "data-testid": "refusal" }, h("strong", null, "Không có quyền xem số liệu này. "), errorText(e))
    : h("div", { class: "alert alert-error", role: "alert" }, h("strong", null, errorText(e)));
  if (e instanceof ApiError && e.fields.length) {
    box.append(
      h(
        "ul",
        null,
        ...e.fields.map((f) => h("li", null, [f.row ? `Dòng ${num(f.row)}` : "", f.column ?? f.field ?? "", f.message].filter(Boolean).join(" — "))),
      ),
    );
  }
  return box;
}

export function okBox(text: string): HTMLElement {
  return h("div", { class: "alert alert-ok", role: "status" }, text);
}

export function loading(text = "Đang tải dữ liệu…"): HTMLElement {
  return h("div", { class: "loading", role: "status" }, text);
}

// Page n of total: Trước / Sau buttons and "Trang 2/10 (195 bản ghi)".
export function pager(page: number, pageSize: number, total: number, go: (p: number) => void): HTMLElement {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return h(
    "nav",
    { class: "pager", "aria-label": "Phân trang" },
    h("button", { type: "button", class: "secondary", disabled: page <= 1, onclick: () => go(page - 1) }, "‹ Trang trước"),
    h("span", { "data-testid": "pager-status" }, `Trang ${num(page)}/${num(pages)} — ${num(total)} bản ghi`),
    h("button", { type: "button", class: "secondary", disabled: page >= pages, onclick: () => go(page + 1) }, "Trang sau ›"),
  );
}

// A percent-of-plan badge: green from 100%, amber from 80%, red below.
export function planBadge(pctValue: number | null | undefined): HTMLElement {
  if (pctValue === null || pctValue === undefined || !Number.isFinite(pctValue)) return h("span", { class: "muted" }, "—");
  const cls = pctValue >= 100 ? "badge-good" : pctValue >= 80 ? "badge-warn" : "badge-bad";
  const text = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(pctValue) + "%";
  return h("span", { class: "badge " + cls, title: pctValue >= 100 ? "Đạt, vượt kế hoạch" : pctValue >= 80 ? "Gần đạt kế hoạch" : "Chưa đạt kế hoạch" }, text);
}

// Figures before the 2025 reform are rolled up into today's units: a period reaching back before
// 01/07/2025 says what today's unit covered then (the server's wording, GET /places/{id} or the
// report's reform_note). Nothing when there is nothing to say.
export function reformNote(note: string | undefined): HTMLElement | null {
  if (!note) return null;
  return h(
    "p",
    { class: "alert alert-info small", "data-testid": "reform-note" },
    `Số liệu trước ngày sắp xếp đơn vị hành chính (01/07/2025) tính theo địa bàn hiện nay: ${note}.`,
  );
}

// True when a period (or the one it is compared with) begins before the reform.
export function reachesBeforeReform(...fromDays: (string | undefined)[]): boolean {
  return fromDays.some((d) => d !== undefined && beforeReform(d));
}
