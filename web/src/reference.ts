// reference.ts — the reference lists of activities (GET /api/v1/reference): kinds of activity
// with the figures each kind records, channels, target groups, topics, languages. Loaded once
// per session and shared by the list, the form and the import page.
import { get, type Schema } from "./api";

// An entry of a list (code, Vietnamese label, category for kinds and figures: meeting,
// broadcast…; count, people), a kind with the figures and channels that fit it, and all lists.
export type Code = Schema<"ReferenceEntry">;
export type Kind = Schema<"ReferenceKind">;
export type Reference = Schema<"Reference">;

let cache: Promise<Reference> | null = null;

export function reference(): Promise<Reference> {
  cache ??= get<Reference>("/reference").catch((e: unknown) => {
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
