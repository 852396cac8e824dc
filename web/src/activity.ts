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

type ActivityInput = Schema<"ActivityInput">;

// A field as the page names it and as the API does. Optional ones are left out of the page's
// activity when the API gives them empty, and not sent when the page has none.
type Field = readonly [page: keyof Activity, api: keyof ActivityJson & keyof ActivityInput, optional?: "optional"];

// What the form edits and sends back (POST and PUT /activities take the names they answer with).
const sent: readonly Field[] = [
  ["unit_id", "place"],
  ["date", "date_from"],
  ["date_to", "date_to", "optional"],
  ["kind", "kind"],
  ["channel", "channel"],
  ["title", "title"],
  ["note", "note", "optional"],
  ["groups", "groups"],
  ["topics", "topics"],
  ["languages", "languages"],
  ["partners", "partners"],
  ["figures", "figures"],
  ["reporting_unit", "reporting_unit", "optional"],
  ["external_ref", "external_ref", "optional"],
];
// And what only the answer carries.
const answered: readonly (readonly [keyof Activity, keyof ActivityJson, "optional"?])[] = [
  ...sent,
  ["id", "id"],
  ["unit_name", "place_name", "optional"],
  ["unit_province", "place_province", "optional"],
  ["kind_label", "kind_label", "optional"],
];

// Copies `fields` of `from` by the names of one side (0: the page's, 1: the API's) to the other's.
function mapFields(from: object, fields: readonly (readonly [string, string, "optional"?])[], side: 0 | 1): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [page, api, optional] of fields) {
    const [src, dst] = side === 0 ? [page, api] : [api, page];
    const v = (from as Record<string, unknown>)[src];
    if (!optional || v) out[dst] = v;
  }
  return out;
}

export function fromJson(o: ActivityJson): Activity {
  const a = mapFields(o, answered, 1) as unknown as Activity;
  a.unit_name ??= o.place;
  return a;
}

export const toJson = (a: Activity) => mapFields(a, sent, 0) as ActivityInput;

// Pages are counted from 1 here; the API pages by offset and limit.
export async function list(q: Record<string, string | number | undefined>, page: number, pageSize: number): Promise<ActivityPage> {
  const r = await get<Schema<"ActivityPage">>("/activities", { ...q, offset: (page - 1) * pageSize, limit: pageSize });
  return { items: r.items.map(fromJson), total: r.total, page, page_size: pageSize };
}

export const load = async (id: string) => fromJson(await get<ActivityJson>("/activities/" + encodeURIComponent(id)));
export const create = async (a: Activity) => fromJson(await post<ActivityJson>("/activities", toJson(a)));
export const update = async (id: string, a: Activity) => fromJson(await put<ActivityJson>("/activities/" + encodeURIComponent(id), toJson(a)));
export const remove = (id: string) => del<Schema<"ActivityDeleted">>("/activities/" + encodeURIComponent(id));
