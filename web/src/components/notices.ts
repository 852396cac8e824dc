// components/notices.ts — news of one's own unit's reported months: when the level above has
// approved or returned a month, its staff see a banner above every page after signing in ("Tháng
// 11/2026 của xã Hợp Thành đã được duyệt") and a count on the menu entry, until they open the
// notice or say they have seen it. Decisions are read from the approvals lists of the user's own
// unit for the last few months, one month per request: a province's list of every month would
// carry each of its communes' months too. What a user has seen is kept in this browser
// (localStorage, per user), so a notice read on one computer may show once more on another.
import { listApprovals, monthBefore, monthLabel, takesPart, unitInSentence, type Approval } from "../approvals";
import { dateTime } from "../format";
import { h } from "../dom";
import type { User } from "../session";

// Decisions older than this are history, not news (a new account is not greeted with years),
// and so are decisions on months older than the last few.
const RECENT_DAYS = 60;
const RECENT_MONTHS = 4; // this month and the three before
const KEEP_SEEN = 300;

export const noticeBox = h("div", { class: "notices", "data-testid": "notices", "aria-live": "polite" });

let who: User | null = null;
let shown: Approval[] = [];
let generation = 0;
const countListeners: ((n: number) => void)[] = [];

const seenKey = (u: User) => `caunoi.notices.seen.${u.id}`;
const keyOf = (r: Approval) => `${r.unit_id}/${r.period}/${r.state}/${r.decided_at}`;

function seen(u: User): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(seenKey(u)) ?? "[]");
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

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

// Forgets the notices of these decisions for good (in this browser, for this user).
export function markSeen(records: Approval[]): void {
  if (!who || !records.length) return;
  const keys = new Set(records.map(keyOf));
  try {
    localStorage.setItem(seenKey(who), JSON.stringify([...seen(who), ...keys].slice(-KEEP_SEEN)));
  } catch {
    /* private browsing: the notice simply stays */
  }
  shown = shown.filter((r) => !keys.has(keyOf(r)));
  draw();
}

// The approvals page shows a month's state: its notices have then been read.
export function markSeenMonth(period: string): void {
  markSeen(shown.filter((r) => r.period === period));
}

// Reads the decisions on the user's own unit again (after sign-in, or a page load).
export async function refreshNotices(u: User | null): Promise<void> {
  const mine = ++generation;
  who = u;
  shown = [];
  draw();
  if (!u || !takesPart(u) || !u.unit_id || u.unit_id === "VN") return;
  let records: Approval[];
  try {
    const months = Array.from({ length: RECENT_MONTHS }, (_, i) => monthBefore(i));
    records = (await Promise.all(months.map((m) => listApprovals(u.unit_id, m, false)))).flat();
  } catch {
    return; // news can wait for the next page load; the page itself shows any real error
  }
  if (mine !== generation) return;
  const since = Date.now() / 1000 - RECENT_DAYS * 86400;
  const old = new Set(seen(u));
  shown = records
    .filter((r) => r.unit_id === u.unit_id && (r.state === "approved" || r.state === "returned") && r.decided_at >= since && !old.has(keyOf(r)))
    .sort((a, b) => b.decided_at - a.decided_at);
  draw();
}
