// pages/approvals.ts — "Duyệt số liệu tháng": the reported months of the units a user looks
// after. One month at a time (last month unless the address says otherwise), a row per unit —
// the user's own and, for a province, its communes; for central staff the provinces, each
// opening its communes — with the month's state, who submitted and who decided when, and the
// steps this user may take on that row: Nộp, Duyệt, Trả lại and Mở lại (these two ask for a
// reason). The server decides; its Vietnamese refusal is shown as it is.
import { place, places, type Place } from "../api";
import {
  decisionLabel,
  listApprovals,
  monthBefore,
  monthLabel,
  stateLabel,
  stepDone,
  stepLabel,
  stepsFor,
  take,
  unitInSentence,
  type Approval,
  type State,
  type Step,
} from "../approvals";
import { markSeenMonth } from "../components/notices";
import { errorBox, loading, okBox, pageHead } from "../components/ui";
import { describe } from "../components/unitPicker";
import { clear, h, uid } from "../dom";
import { dateTime, num } from "../format";
import { setQuery, type Page } from "../router";
import { homeUnit, user } from "../session";

const MONTHS_BACK = 24;
const columns = ["Đơn vị", "Trạng thái", "Người nộp", "Quyết định", "Thao tác"];
const filters: [string, string][] = [
  ["", "Tất cả"],
  ["none", "Chưa nộp"],
  ["submitted", "Đã nộp, chờ duyệt"],
  ["approved", "Đã duyệt"],
  ["returned", "Bị trả lại"],
  ["reopened", "Mở lại"],
];
const stateOf = (r: Approval | undefined): State => r?.state ?? "";
const who = (name: string, at: number) => [name, dateTime(at)].filter(Boolean).join(", ");

// The rows a unit's page lists: the country's provinces; a province and its communes; a commune.
async function unitsOf(u: Place): Promise<Place[]> {
  if (u.level === 0) return places(u.id);
  if (u.level === 1) return [u, ...(await places(u.id))];
  return [u];
}

// The dialog that asks why a month is returned or reopened. `act` runs the step; a refusal stays
// in the dialog so the reason typed is not lost.
function reasonDialog() {
  const id = uid("reason");
  const title = h("h2", { id: id + "-title" });
  const input = h("textarea", { id, rows: 4, maxlength: "1000", required: true, "data-testid": "reason-input" });
  const err = h("div", { "data-testid": "reason-error" });
  const ok = h("button", { type: "submit", "data-testid": "reason-ok" });
  let act: (reason: string) => Promise<void> = async () => {};
  const dlg = h(
    "dialog",
    { class: "dialog", "aria-labelledby": title.id, "data-testid": "reason-dialog" },
    h(
      "form",
      {
        novalidate: true,
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const reason = input.value.trim();
          if (!reason) {
            clear(err, h("div", { class: "alert alert-error", role: "alert" }, "Vui lòng ghi rõ lý do."));
            input.focus();
            return;
          }
          ok.disabled = true;
          try {
            await act(reason);
            dlg.close();
          } catch (e2) {
            clear(err, errorBox(e2));
          } finally {
            ok.disabled = false;
          }
        },
      },
      title,
      h("div", { class: "field" }, h("label", { for: id }, "Lý do"), input),
      err,
      h("div", { class: "row dialog-actions" }, h("button", { type: "button", class: "secondary", onclick: () => dlg.close() }, "Hủy"), ok),
    ),
  );
  return {
    el: dlg,
    ask(heading: string, confirm: string, run: (reason: string) => Promise<void>) {
      title.textContent = heading;
      ok.textContent = confirm;
      input.value = "";
      err.replaceChildren();
      act = run;
      dlg.showModal();
      input.focus();
    },
  };
}

const page: Page = async (main, _params, query) => {
  const me = user();
  if (!me) return;
  const unitId = query.get("u") || homeUnit();
  let period = /^\d{4}-\d{2}$/.test(query.get("p") ?? "") ? query.get("p")! : monthBefore(1);
  let filter = query.get("tt") ?? "";

  main.append(pageHead("Duyệt số liệu tháng"), loading());
  let unit: Place;
  let units: Place[];
  try {
    unit = await place(unitId);
    units = await unitsOf(unit);
  } catch (e) {
    clear(main, pageHead("Duyệt số liệu tháng"), errorBox(e));
    return;
  }

  const note = h("div", { "data-testid": "approvals-note" });
  const summary = h("p", { class: "muted small", "data-testid": "approvals-summary" });
  const tableBox = h("div", null, loading());
  const dialog = reasonDialog();

  const months = Array.from({ length: MONTHS_BACK + 1 }, (_, i) => monthBefore(i));
  if (!months.includes(period)) months.push(period);
  const monthId = uid("month");
  const monthSel = h(
    "select",
    {
      id: monthId,
      "data-testid": "approvals-month",
      onchange: () => {
        period = monthSel.value;
        clear(note);
        void draw();
      },
    },
    ...months.map((m) => h("option", { value: m, selected: m === period }, monthLabel(m))),
  );
  const filterId = uid("state");
  const filterSel = h(
    "select",
    {
      id: filterId,
      "data-testid": "approvals-filter",
      onchange: () => {
        filter = filterSel.value;
        void draw();
      },
    },
    ...filters.map(([v, label]) => h("option", { value: v, selected: v === filter }, label)),
  );

  async function run(step: Step, u: Place, reason?: string) {
    await take(step, u.id, period, reason);
    clear(note, okBox(`${stepDone[step]} số liệu ${monthLabel(period).toLowerCase()} của ${unitInSentence(describe(u))}.`));
    await draw();
  }

  function button(step: Step, u: Place): HTMLElement {
    const what = `${monthLabel(period).toLowerCase()} của ${unitInSentence(describe(u))}`;
    const needsReason = step === "return" || step === "reopen";
    return h(
      "button",
      {
        type: "button",
        class: step === "return" ? "secondary" : step === "reopen" ? "danger" : "",
        "data-step": step,
        "aria-label": `${stepLabel[step]} số liệu ${what}`,
        onclick: async (e: Event) => {
          if (needsReason) {
            dialog.ask(`${stepLabel[step]} số liệu ${what}`, stepLabel[step], (reason) => run(step, u, reason));
            return;
          }
          const b = e.currentTarget as HTMLButtonElement;
          b.disabled = true;
          try {
            await run(step, u);
          } catch (err) {
            clear(note, errorBox(err));
            b.disabled = false;
          }
        },
      },
      stepLabel[step],
    );
  }

  function row(u: Place, r: Approval | undefined): HTMLElement {
    const state = stateOf(r);
    const decided = r && decisionLabel[state] ? `${decisionLabel[state]}: ${who(r.decided_by, r.decided_at)}` : "—";
    return h(
      "tr",
      { "data-unit": u.id, "data-state": state || "none" },
      h(
        "td",
        { "data-label": columns[0], class: "name" },
        // One child per cell: on a phone a cell is a grid of its label and its content.
        h(
          "div",
          null,
          describe(u),
          u.level === 1 && unit.level === 0
            ? h("a", { href: `/duyet-thang?u=${encodeURIComponent(u.id)}&p=${period}`, "data-link": true, class: "small block" }, "Xem các xã, phường")
            : null,
        ),
      ),
      h(
        "td",
        { "data-label": columns[1] },
        h(
          "div",
          null,
          h("span", { class: "approval-state state-" + (state || "none"), "data-testid": "approval-state" }, stateLabel[state]),
          r?.reason && (state === "returned" || state === "reopened")
            ? h("span", { class: "small block", "data-testid": "approval-reason" }, "Lý do: " + r.reason)
            : null,
        ),
      ),
      h("td", { "data-label": columns[2], class: "small" }, r?.submitted_by ? who(r.submitted_by, r.submitted_at) : "—"),
      h("td", { "data-label": columns[3], class: "small" }, decided),
      h("td", { class: "actions" }, h("div", { class: "row approval-actions" }, ...stepsFor(me!, u.id, state).map((s) => button(s, u)))),
    );
  }

  // A later draw (another month, another filter, a step taken) outdates an earlier one.
  let generation = 0;
  async function draw() {
    const mine = ++generation;
    setQuery({ u: unitId === homeUnit() ? undefined : unitId, p: period, tt: filter || undefined });
    clear(tableBox, loading());
    let records: Approval[];
    try {
      records = await listApprovals(unitId, period);
    } catch (e) {
      if (mine === generation) clear(tableBox, errorBox(e));
      return;
    }
    if (mine !== generation) return;
    const byUnit = new Map(records.filter((r) => r.period === period).map((r) => [r.unit_id, r]));
    const counts = new Map<string, number>();
    for (const u of units) {
      const s = stateOf(byUnit.get(u.id)) || "none";
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    summary.textContent =
      `${monthLabel(period)}: ${num(units.length)} đơn vị — ` +
      filters
        .slice(1)
        .filter(([v]) => counts.get(v))
        .map(([v, label]) => `${label.toLowerCase()} ${num(counts.get(v))}`)
        .join("; ") +
      ".";
    // One's own unit first, then the months waiting for this user's decision, then the rest in
    // the gazetteer's order: a province officer on a phone need not scroll past a hundred
    // communes to find the three that submitted.
    const rank = (u: Place) => (u.id === me!.unit_id ? 0 : stepsFor(me!, u.id, stateOf(byUnit.get(u.id))).includes("approve") ? 1 : 2);
    const shown = units.filter((u) => !filter || (stateOf(byUnit.get(u.id)) || "none") === filter).sort((a, b) => rank(a) - rank(b));
    clear(
      tableBox,
      shown.length
        ? h(
            "div",
            { class: "table-wrap" },
            h(
              "table",
              { class: "stack", "data-testid": "approvals-table" },
              h(
                "thead",
                null,
                h(
                  "tr",
                  null,
                  ...columns.slice(0, 4).map((c) => h("th", { scope: "col" }, c)),
                  h("th", { scope: "col" }, h("span", { class: "sr-only" }, columns[4])),
                ),
              ),
              h("tbody", null, ...shown.map((u) => row(u, byUnit.get(u.id)))),
            ),
          )
        : h("p", { class: "alert alert-info" }, "Không có đơn vị nào ở trạng thái này."),
    );
    // The user has now seen this month's state of their own unit: its notice is read.
    markSeenMonth(period);
    main.setAttribute("data-ready", "approvals");
  }

  // Opened on a unit below one's own (central staff on a province): a way back up.
  const parent = unit.id !== homeUnit() && unit.level > 0 ? unit.parent_id : "";
  const up = parent
    ? h(
        "a",
        { href: `/duyet-thang?${parent === homeUnit() ? "" : `u=${encodeURIComponent(parent)}&`}p=${period}`, "data-link": true },
        parent === "VN" ? "‹ Về danh sách các tỉnh" : "‹ Về đơn vị cấp trên",
      )
    : "";
  clear(
    main,
    pageHead("Duyệt số liệu tháng", up),
    h(
      "section",
      { class: "card", "aria-label": "Chọn tháng" },
      h(
        "p",
        { class: "muted" },
        `Đơn vị: ${describe(unit)}. Đơn vị nộp số liệu tháng; cấp trên duyệt hoặc trả lại (kèm lý do). Tháng đã duyệt không sửa được cho đến khi cấp trên mở lại.`,
      ),
      h(
        "div",
        { class: "filters" },
        h("div", { class: "field" }, h("label", { for: monthId }, "Tháng báo cáo"), monthSel),
        units.length > 1 ? h("div", { class: "field" }, h("label", { for: filterId }, "Trạng thái"), filterSel) : null,
      ),
    ),
    h("section", { class: "card" }, note, summary, tableBox),
    dialog.el,
  );
  await draw();
};

export default page;
