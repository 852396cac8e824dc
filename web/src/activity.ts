// activity.ts — one outreach activity as the pages handle it, and its mapping to and from the
// API's JSON (/api/v1/activities). Figures are a map from figure code to a whole number.
import { get, post, put, del, type Schema } from "./api";

export interface Activity {
  id?: number | string;
  unit_id: string; // the API's "place": where it happened
  unit_name?: string;
  unit_province?: string; // "tỉnh Lào Cai" for a commune; empty for a province or VN
  date: string; // ISO yyyy-mm-dd, the API's "date_from"
  date_to?: string;
  kind: string;
  kind_label?: string;
  title: string;
  channel: string;
  groups: string[];
  topics: string[];
  languages: string[];
  partners: string[];
  figures: Record<string, number>;
  note?: string;
  // Not edited by the form, but sent back unchanged: PUT replaces the whole activity, and an
  // edit must not lose the office that reported it or the reference that keeps a re-import of
  // its file from adding it again.
  reporting_unit?: string;
  external_ref?: string;
}

export interface ActivityPage {
  items: Activity[];
  total: number;
  page: number;
  page_size: number;
}

// An activity as the API answers it (data/api/openapi.json).
export type ActivityJson = Schema<"Activity">;

export function fromJson(o: ActivityJson): Activity {
  return {
    id: o.id,
    unit_id: o.place,
    unit_name: o.place_name || o.place,
    unit_province: o.place_province || undefined,
    date: o.date_from,
    date_to: o.date_to || undefined,
    kind: o.kind,
    kind_label: o.kind_label || undefined,
    title: o.title,
    channel: o.channel,
    groups: o.groups,
    topics: o.topics,
    languages: o.languages,
    partners: o.partners,
    figures: o.figures,
    note: o.note || undefined,
    reporting_unit: o.reporting_unit || undefined,
    external_ref: o.external_ref || undefined,
  };
}

// The body the API takes (POST and PUT /activities): same names as it answers with.
export function toJson(a: Activity): Schema<"ActivityInput"> {
  return {
    place: a.unit_id,
    date_from: a.date,
    date_to: a.date_to || undefined,
    kind: a.kind,
    channel: a.channel,
    title: a.title,
    note: a.note ?? "",
    groups: a.groups,
    topics: a.topics,
    languages: a.languages,
    partners: a.partners,
    figures: a.figures,
    reporting_unit: a.reporting_unit || undefined,
    external_ref: a.external_ref || undefined,
  };
}

// Pages are counted from 1 here; the API pages by offset and limit.
export async function list(q: Record<string, string | number | undefined>, page: number, pageSize: number): Promise<ActivityPage> {
  const r = await get<Schema<"ActivityPage">>("/activities", { ...q, offset: (page - 1) * pageSize, limit: pageSize });
  return { items: r.items.map(fromJson), total: r.total, page, page_size: pageSize };
}

export const load = async (id: string) => fromJson(await get<ActivityJson>("/activities/" + encodeURIComponent(id)));
export const create = async (a: Activity) => fromJson(await post<ActivityJson>("/activities", toJson(a)));
export const update = async (id: string, a: Activity) => fromJson(await put<ActivityJson>("/activities/" + encodeURIComponent(id), toJson(a)));
export const remove = (id: string) => del<Schema<"ActivityDeleted">>("/activities/" + encodeURIComponent(id));
