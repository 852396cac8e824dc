// components/activityHistory.ts — "Lịch sử thay đổi" of one activity: every version, who made it
// and when (Việt Nam time), and what it changed from the version before, from GET
// /api/v1/activities/{id}/history (superseded versions, oldest first) and the current version.
// Staff and approvers use it to see who corrected a figure before a month is approved.
import { get, type Schema } from "../api";
import { fromJson, type Activity, type ActivityJson } from "../activity";
import { h } from "../dom";
import { date, num } from "../format";
import { labelOf, type Reference } from "../reference";

interface Version {
  a: Activity;
  by: string;
  at: string;
  version: number;
}

const when = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
function stamp(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? when.format(t) : iso || "—";
}

function version(o: ActivityJson): Version {
  return { a: fromJson(o), by: o.updated_by || o.created_by, at: o.updated_at || o.created_at, version: o.version };
}

// What `b` changed from `a`, in words staff read: "Số lượt người tham dự: 50 → 60".
export function changes(a: Activity, b: Activity, ref: Reference): string[] {
  const out: string[] = [];
  const same = (x: string[], y: string[]) => [...x].sort().join(";") === [...y].sort().join(";");
  const list = (codes: string[], from: { code: string; label: string }[]) => (codes.length ? codes.map((c) => labelOf(from, c)).join(", ") : "(không)");
  if (a.unit_id !== b.unit_id) out.push(`Đơn vị: ${a.unit_name} → ${b.unit_name}`);
  if (a.date !== b.date || (a.date_to ?? a.date) !== (b.date_to ?? b.date)) {
    const span = (x: Activity) => (x.date_to && x.date_to !== x.date ? `${date(x.date)}–${date(x.date_to)}` : date(x.date));
    out.push(`Ngày: ${span(a)} → ${span(b)}`);
  }
  if (a.kind !== b.kind) out.push(`Loại hoạt động: ${labelOf(ref.kinds, a.kind)} → ${labelOf(ref.kinds, b.kind)}`);
  if (a.channel !== b.channel)
    out.push(`Kênh: ${a.channel ? labelOf(ref.channels, a.channel) : "(không)"} → ${b.channel ? labelOf(ref.channels, b.channel) : "(không)"}`);
  for (const code of new Set([...Object.keys(a.figures), ...Object.keys(b.figures)])) {
    if (a.figures[code] !== b.figures[code]) out.push(`${labelOf(ref.figures, code)}: ${num(a.figures[code])} → ${num(b.figures[code])}`);
  }
  for (const [key, label, from] of [
    ["groups", "Nhóm đối tượng", ref.groups],
    ["topics", "Chủ đề", ref.topics],
    ["languages", "Ngôn ngữ", ref.languages],
    ["partners", "Đơn vị phối hợp", ref.partners],
  ] as const) {
    if (!same(a[key], b[key])) out.push(`${label}: ${list(a[key], from)} → ${list(b[key], from)}`);
  }
  if (a.title !== b.title) out.push("Nội dung, tên hoạt động");
  if ((a.note ?? "") !== (b.note ?? "")) out.push("Ghi chú");
  if ((a.external_ref ?? "") !== (b.external_ref ?? "")) out.push(`Mã tham chiếu: ${a.external_ref || "(không)"} → ${b.external_ref || "(không)"}`);
  return out;
}

export async function activityHistory(id: string, ref: Reference): Promise<HTMLElement> {
  const path = `/activities/${encodeURIComponent(id)}`;
  const [past, current] = await Promise.all([get<Schema<"ActivityHistory">>(path + "/history"), get<ActivityJson>(path)]);
  const all = [...past.items.map(version), version(current)];
  const rows = all.map((v, i) => {
    const what = i === 0 ? ["Nhập mới"] : changes(all[i - 1].a, v.a, ref);
    return h(
      "tr",
      { "data-version": v.version },
      h("td", { class: "num" }, num(v.version)),
      h("td", { style: { whiteSpace: "nowrap" } }, stamp(v.at)),
      h("td", null, v.by || "—"),
      h("td", null, what.length ? h("ul", { class: "plain" }, ...what.map((t) => h("li", null, t))) : "Không đổi nội dung"),
    );
  });
  return h(
    "section",
    { class: "card", "data-testid": "act-history" },
    h("h2", null, "Lịch sử thay đổi"),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        null,
        h(
          "thead",
          null,
          h("tr", null, h("th", { class: "num" }, "Phiên bản"), h("th", null, "Thời gian"), h("th", null, "Người thực hiện"), h("th", null, "Thay đổi")),
        ),
        h("tbody", null, ...rows.reverse()),
      ),
    ),
  );
}
