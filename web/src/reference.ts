// reference.ts — the reference lists of activities (GET /api/v1/reference): kinds of activity
// with the figures each kind records, channels, target groups, topics, languages. Loaded once
// per session and shared by the list, the form and the import page.
import { get, items } from "./api";

export interface Code {
  code: string;
  label: string;
  category?: string; // for kinds: meeting, broadcast, press…; for figures: count, people
}
export interface Kind extends Code {
  figures: string[]; // figure codes that fit this kind
  required?: string[];
  channels?: string[]; // channels that fit this kind, when the kind restricts them
}
export interface Reference {
  kinds: Kind[];
  figures: Code[];
  channels: Code[];
  groups: Code[];
  topics: Code[];
  languages: Code[];
  partners: Code[];
}

type Obj = Record<string, unknown>;
const code = (o: Obj): Code => ({
  code: String(o.code ?? o.id ?? ""),
  label: String(o.label_vi ?? o.name_vi ?? o.label ?? o.name ?? o.code ?? ""),
  ...(o.category ? { category: String(o.category) } : {}),
});
const codes = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : String((x as Obj).code ?? (x as Obj).id ?? ""))) : []);

let cache: Promise<Reference> | null = null;

export function reference(): Promise<Reference> {
  cache ??= get<Obj>("/reference")
    .then((r) => ({
      kinds: items<Obj>(r.kinds ?? []).map((k) => ({
        ...code(k),
        figures: codes(k.figures),
        required: codes(k.required ?? k.required_figures),
        channels: codes(k.channels),
      })),
      figures: items<Obj>(r.figures ?? []).map(code),
      channels: items<Obj>(r.channels ?? []).map(code),
      groups: items<Obj>(r.groups ?? r.target_groups ?? []).map(code),
      topics: items<Obj>(r.topics ?? []).map(code),
      languages: items<Obj>(r.languages ?? []).map(code),
      partners: items<Obj>(r.partners ?? []).map(code),
    }))
    .catch((e) => {
      cache = null;
      throw e;
    });
  return cache;
}

// After an administrator adds an entry: the next reference() asks the server again.
export function forgetReference(): void {
  cache = null;
}

export function labelOf(list: Code[], c: string): string {
  return list.find((x) => x.code === c)?.label ?? c;
}
