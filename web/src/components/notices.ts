// components/notices.ts — news of one's own unit's reported months: when the level above has
// approved or returned a month, its staff see a banner above every page after signing in ("Tháng
// 11/2026 của xã Hợp Thành đã được duyệt") and a count on the menu entry, until they open the
// notice or say they have seen it. The server picks the news (GET /approvals/notices: decisions
// on the user's own unit of the last 60 days not yet read) and keeps what each user has read
// (POST /approvals/notices/seen), so a notice read on one computer is read on every other.
import { request } from "../api";
import { monthLabel, takesPart, unitInSentence, type Approval } from "../approvals";
import { dateTime } from "../format";
import { h } from "../dom";
import type { User } from "../session";

export const noticeBox = h("div", { class: "notices", "data-testid": "notices", "aria-live": "polite" });

let who: User | null = null;
let shown: Approval[] = [];
let generation = 0;
const countListeners: ((n: number) => void)[] = [];

const keyOf = (r: Approval) => `${r.unit_id}/${r.period}/${r.state}/${r.decided_at}`;

export function onNoticeCount(fn: (n: number) => void): void {
  countListeners.push(fn);
}

export const noticeCount = () => shown.length;

export function noticeText(r: Approval): string {
  const what = `${monthLabel(r.period)} của ${unitInSentence(r.unit_name || r.unit_id)}`;
  return r.state === "approved" ? `${what} đã được duyệt.` : `${what} đã bị trả lại: ${r.reason}`;
}

function draw() {
  noticeBox.replaceChildren(
    ...shown.map((r) =>
      h(
        "div",
        { class: "notice notice-" + r.state, role: "status", "data-testid": "notice", "data-state": r.state, "data-period": r.period },
        h(
          "span",
          { class: "notice-text" },
          noticeText(r),
          h("span", { class: "small muted block" }, [r.decided_by, dateTime(r.decided_at)].filter(Boolean).join(", ")),
        ),
        h(
          "span",
          { class: "row" },
          h("a", { class: "btn", href: `/duyet-thang?p=${r.period}`, "data-link": true, "data-testid": "notice-open", onclick: () => markSeen([r]) }, "Xem"),
          h("button", { type: "button", class: "secondary", "data-testid": "notice-dismiss", onclick: () => markSeen([r]) }, "Đã xem"),
        ),
      ),
    ),
  );
  for (const fn of countListeners) fn(shown.length);
}

// Tells the server these notices have been read (by this user, for good) and takes them off. A
// notice the server would not mark (decided again meanwhile) goes too: the next refresh brings
// the new decision; one that failed for the network comes back then.
export function markSeen(records: Approval[]): void {
  if (!who || !records.length) return;
  const keys = new Set(records.map(keyOf));
  for (const r of records) {
    const body = { unit_id: r.unit_id, period: r.period, state: r.state, decided_at: r.decided_at };
    request("POST", "/approvals/notices/seen", body, undefined, false).catch(() => undefined);
  }
  shown = shown.filter((r) => !keys.has(keyOf(r)));
  draw();
}

// The approvals page shows a month's state: its notices have then been read.
export function markSeenMonth(period: string): void {
  markSeen(shown.filter((r) => r.period === period));
}

// Reads the unread decisions on the user's own unit again (after sign-in, or a page load).
export async function refreshNotices(u: User | null): Promise<void> {
  const mine = ++generation;
  who = u;
  shown = [];
  draw();
  if (!u || !takesPart(u) || !u.unit_id || u.unit_id === "VN") return;
  let records: Approval[];
  try {
    records = (await request<{ notices: Approval[] }>("GET", "/approvals/notices", undefined, undefined, false)).notices ?? [];
  } catch {
    return; // news can wait for the next page load; the page itself shows any real error
  }
  if (mine !== generation) return;
  shown = records;
  draw();
}
