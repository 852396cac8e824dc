// approvals.ts — the reported months of units (/api/v1/approvals): what state each is in, the
// four steps (nộp, duyệt, trả lại, mở lại), and the Vietnamese words for them. Who may take a
// step is decided by the server (approval/approval.h); mayDecide/maySubmit only choose which
// buttons to offer, so a refusal the server still gives is shown as its own message.
import { post, request, type Schema } from "./api";
import type { User } from "./session";

// A unit's month as the API answers it; times are seconds since 1970, 0 when not known.
export type Approval = Schema<"Approval">;
// "": a month with no record yet (not submitted), which the API does not list.
export type State = "" | Approval["state"];
export type Step = "submit" | "approve" | "return" | "reopen";

export const stateLabel: Record<State, string> = {
  "": "Chưa nộp",
  submitted: "Đã nộp, chờ duyệt",
  approved: "Đã duyệt",
  returned: "Bị trả lại",
  reopened: "Mở lại",
};

// What the last decision was called, for "Duyệt: cb.laocai, 07/12/2026 09:30".
export const decisionLabel: Partial<Record<State, string>> = { approved: "Duyệt", returned: "Trả lại", reopened: "Mở lại" };

export const stepLabel: Record<Step, string> = { submit: "Nộp", approve: "Duyệt", return: "Trả lại", reopen: "Mở lại" };
export const stepDone: Record<Step, string> = { submit: "Đã nộp", approve: "Đã duyệt", return: "Đã trả lại", reopen: "Đã mở lại" };

// "2026-11" → "Tháng 11/2026".
export function monthLabel(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `Tháng ${Number(m[2])}/${m[1]}` : period;
}

// The month code `back` months before today's ("2026-11" in December 2026 for back = 1).
export function monthBefore(back: number, today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - back, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

// "Xã Hợp Thành" → "xã Hợp Thành", for the middle of a sentence.
export function unitInSentence(name: string): string {
  return name ? name.charAt(0).toLocaleLowerCase("vi") + name.slice(1) : name;
}

const deciders = new Set(["admin", "central_staff", "province_staff", "commune_staff"]);

// Staff who report a month or decide on one below them (collaborators, leaders and citizens do
// neither).
export const takesPart = (u: User | null) => Boolean(u && deciders.has(u.role));

// A unit's own staff submit its month; an administrator may do it for any unit.
export const maySubmit = (u: User, unitId: string) => takesPart(u) && (u.unit_id === unitId || u.role === "admin");

// The units listed are within the user's own, so any other than the user's own lies below it.
export const mayDecide = (u: User, unitId: string) => takesPart(u) && u.unit_id !== unitId;

// The steps the user may take on a unit's month in its current state.
export function stepsFor(u: User, unitId: string, state: State): Step[] {
  const steps: Step[] = [];
  if (maySubmit(u, unitId) && (state === "" || state === "returned" || state === "reopened")) steps.push("submit");
  if (mayDecide(u, unitId) && state === "submitted") steps.push("approve", "return");
  if (mayDecide(u, unitId) && state === "approved") steps.push("reopen");
  return steps;
}

// Records of units within `unit` (the unit itself included), of one month or of all. `bound`:
// cancelled with the page (false for the notices, which outlive pages).
export async function listApprovals(unit: string, period?: string, bound = true): Promise<Approval[]> {
  const r = await request<Schema<"ApprovalList">>("GET", "/approvals", undefined, { unit, period }, bound);
  return r.approvals;
}

export const take = (step: Step, unitId: string, period: string, reason?: string) =>
  post<Approval>("/approvals/" + step, { unit_id: unitId, period, reason: reason ?? "" } satisfies Schema<"ApprovalStep">);
