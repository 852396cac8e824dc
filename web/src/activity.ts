// activity.ts — one outreach activity as the pages handle it, and its mapping to and from the
// API's JSON (/api/v1/activities). Figures are a map from figure code to a whole number.
import { get, items, post, put, del } from "./api";

export interface Activity {
  id?: number | string;
  unit_id: string;
  unit_name?: string;
  date: string; // ISO yyyy-mm-dd
  date_to?: string;
  kind: string;
  title: string;
  channel: string;
  groups: string[];
  topics: string[];
  languages: string[];
  figures: Record<string, number>;
  note?: string;
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
    unit_id: String(o.unit_id ?? unit?.id ?? ""),
    unit_name: String(o.unit_name ?? unit?.full_name ?? unit?.name ?? o.unit_id ?? ""),
    date: String(o.date ?? o.date_from ?? o.from ?? ""),
    date_to: o.date_to ? String(o.date_to) : undefined,
    kind: String(o.kind ?? ""),
    title: String(o.title ?? o.name ?? o.content ?? ""),
    channel: String(o.channel ?? ""),
    groups: strs(o.groups),
    topics: strs(o.topics),
    languages: strs(o.languages),
    figures: figuresOf(o.figures),
    note: o.note ? String(o.note) : undefined,
  };
}

export async function list(q: Record<string, string | number | undefined>): Promise<ActivityPage> {
  const r = await get<Obj>("/activities", q);
  const list = items<Obj>(r, "activities").map(fromJson);
  return {
    items: list,
    total: Number(r.total ?? r.count ?? list.length),
    page: Number(r.page ?? q.page ?? 1),
    page_size: Number(r.page_size ?? q.page_size ?? list.length),
  };
}

export const load = async (id: string) => fromJson(await get<Obj>("/activities/" + encodeURIComponent(id)));
export const create = async (a: Activity) => fromJson(await post<Obj>("/activities", a));
export const update = async (id: string, a: Activity) => fromJson(await put<Obj>("/activities/" + encodeURIComponent(id), a));
export const remove = (id: string) => del<unknown>("/activities/" + encodeURIComponent(id));
