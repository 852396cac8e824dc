// activity.ts — one outreach activity as the pages handle it, and its mapping to and from the
// API's JSON (/api/v1/activities). Figures are a map from figure code to a whole number.
import { get, items, post, put, del } from "./api";

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

type Obj = Record<string, unknown>;

function figuresOf(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (Array.isArray(v)) {
    for (const f of v as Obj[]) out[String(f.code ?? f.figure ?? f.name)] = Number(f.value);
  } else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v as Obj)) out[k] = Number(x);
  }
  return out;
}

const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? v.split(/[;,]/) : []);

export function fromJson(o: Obj): Activity {
  const unit = o.unit as Obj | undefined;
  return {
    id: o.id as number,
    unit_id: String(o.place ?? o.unit_id ?? unit?.id ?? ""),
    unit_name: String(o.place_name ?? o.unit_name ?? unit?.full_name ?? o.place ?? ""),
    unit_province: o.place_province ? String(o.place_province) : undefined,
    date: String(o.date_from ?? o.date ?? ""),
    date_to: o.date_to ? String(o.date_to) : undefined,
    kind: String(o.kind ?? ""),
    kind_label: o.kind_label ? String(o.kind_label) : undefined,
    title: String(o.title ?? o.name ?? o.content ?? ""),
    channel: String(o.channel ?? ""),
    groups: strs(o.groups),
    topics: strs(o.topics),
    languages: strs(o.languages),
    partners: strs(o.partners),
    figures: figuresOf(o.figures),
    note: o.note ? String(o.note) : undefined,
    reporting_unit: o.reporting_unit ? String(o.reporting_unit) : undefined,
    external_ref: o.external_ref ? String(o.external_ref) : undefined,
  };
}

// The body the API takes (POST and PUT /activities): same names as it answers with.
export function toJson(a: Activity): Obj {
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
  const r = await get<Obj>("/activities", { ...q, offset: (page - 1) * pageSize, limit: pageSize });
  const list = items<Obj>(r, "activities").map(fromJson);
  return { items: list, total: Number(r.total ?? list.length), page, page_size: pageSize };
}

export const load = async (id: string) => fromJson(await get<Obj>("/activities/" + encodeURIComponent(id)));
export const create = async (a: Activity) => fromJson(await post<Obj>("/activities", toJson(a)));
export const update = async (id: string, a: Activity) => fromJson(await put<Obj>("/activities/" + encodeURIComponent(id), toJson(a)));
export const remove = (id: string) => del<unknown>("/activities/" + encodeURIComponent(id));
