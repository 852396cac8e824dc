// api.ts — the typed client of caunoi's JSON API (/api/v1, served by `caunoi serve`).
// Every page talks to the server only through here. A failed call throws ApiError carrying the
// server's Vietnamese message and field errors ({"error":{"code","message","fields"}}), or a
// Vietnamese message of our own when the server could not be reached at all. Requests belong to
// the page on screen and are cancelled when the user leaves it (router.ts). The shapes of the
// answers are the API's own, generated from its description (api-types.ts, `npm run api-types`).
import type { components } from "./api-types";
import { pageSignal } from "./router";

// One schema of data/api/openapi.json by name: Schema<"Activity">, Schema<"User">…
export type Schema<K extends keyof components["schemas"]> = components["schemas"][K];

export interface FieldError {
  field?: string;
  message: string;
  row?: number;
  column?: string;
}

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public fields: FieldError[] = [],
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function qs(q?: Query): string {
  if (!q) return "";
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? "?" + s : "";
}

async function parse<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!res.ok) {
    const e = (body as Partial<Schema<"Error">> | null)?.error;
    throw new ApiError(res.status, e?.code ?? "http_" + res.status, e?.message ?? `Máy chủ trả lỗi ${res.status}. Vui lòng thử lại sau.`, e?.fields ?? []);
  }
  return body as T;
}

// The signed-in session's anti-forgery token, sent back on every change (X-CSRF-Token).
let csrfToken = "";
export function setCsrf(t: string): void {
  csrfToken = t;
}

// Called when the server says a sign-in is needed (401), so the app can send the user to the
// sign-in page and back.
let onLoginRequired: () => void = () => {};
export function whenLoginRequired(fn: () => void): void {
  onLoginRequired = fn;
}

// A promise that never settles: what a request of a page the user has left gives its caller, so
// that nothing after its `await` runs (router.ts).
const never = <T>() => new Promise<T>(() => {});

// `bound`: the request belongs to the page on screen and is cancelled when the user leaves it;
// the session's own requests (session.ts) are not.
export async function request<T>(method: string, path: string, body?: unknown, query?: Query, bound = true): Promise<T> {
  const signal = bound ? pageSignal() : undefined;
  if (signal?.aborted) return never<T>();
  let res: Response;
  const headers: Record<string, string> = {};
  if (body !== undefined && !(body instanceof FormData)) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  try {
    res = await fetch("/api/v1" + path + qs(query), {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      signal,
    });
  } catch {
    if (signal?.aborted) return never<T>();
    throw new ApiError(0, "network", "Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.");
  }
  if (signal?.aborted) return never<T>();
  if (res.status === 401 && !path.startsWith("/auth/")) onLoginRequired();
  const value = await parse<T>(res).catch((e: unknown) => (signal?.aborted ? never<T>() : Promise.reject(e)));
  return signal?.aborted ? never<T>() : value;
}

// A file upload that reports how much of it has been sent: fetch cannot, so this one call uses
// XMLHttpRequest. Same headers, errors and sign-in handling as request().
export function upload<T>(path: string, body: FormData, onSent: (sent: number, total: number) => void, query?: Query): Promise<T> {
  const signal = pageSignal();
  if (signal.aborted) return never<T>();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    // Leaving the page stops the upload; the promise then never settles (see request()).
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.open("POST", "/api/v1" + path + qs(query));
    if (csrfToken) xhr.setRequestHeader("X-CSRF-Token", csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onSent(e.loaded, e.total);
    };
    xhr.onerror = () => {
      if (!signal.aborted) reject(new ApiError(0, "network", "Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại."));
    };
    xhr.onload = () => {
      if (signal.aborted) return;
      if (xhr.status === 401 && !path.startsWith("/auth/")) onLoginRequired();
      // A Response again, so that the answer is read exactly as request() reads it.
      const nullBody = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
      parse<T>(new Response(nullBody ? null : xhr.responseText, { status: xhr.status })).then(resolve, reject);
    };
    xhr.send(body);
  });
}

export const get = <T>(path: string, query?: Query) => request<T>("GET", path, undefined, query);
export const post = <T>(path: string, body?: unknown, query?: Query) => request<T>("POST", path, body, query);
export const put = <T>(path: string, body?: unknown) => request<T>("PUT", path, body);
export const del = <T>(path: string) => request<T>("DELETE", path);
// The session's requests outlive the page that made them (a cached "who am I", sign-out).
export const session = {
  get: <T>(path: string) => request<T>("GET", path, undefined, undefined, false),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body, undefined, false),
};

// A URL for a download the browser fetches itself (export, template, XLSX report).
export function url(path: string, query?: Query): string {
  return "/api/v1" + path + qs(query);
}

// ---- places and periods (foundation) ----

// A unit as lists give it; GET /places/{id} adds its ancestors, its predecessors before 07/2025
// and the note on what it covered then.
export type Place = Schema<"Place"> & Partial<Pick<Schema<"PlaceDetail">, "ancestors" | "children_count" | "predecessors" | "before_reform">>;

// The first day of the two-tier units (places/gazetteer.h kReformDate): a day before it is
// recorded against the old units.
export const REFORM_DAY = "2025-07-01";
export const beforeReform = (isoDay: string) => isoDay < REFORM_DAY;

export type PeriodOne = Schema<"PeriodOne">;
export type PeriodInfo = Schema<"Period">;

export async function places(parent: string, era?: "old"): Promise<Place[]> {
  return (await get<Schema<"PlaceList">>("/places", { parent, era })).items;
}
export const place = (id: string) => get<Schema<"PlaceDetail">>("/places/" + encodeURIComponent(id));
// within: only units lying today in that unit; on (ISO date): only units in force that day.
export async function searchPlaces(q: string, limit = 10, scope: { within?: string; on?: string } = {}): Promise<Place[]> {
  return (await get<Schema<"PlaceList">>("/places/search", { q, limit, within: scope.within, on: scope.on })).items;
}
export const parsePeriod = (p: string) => get<PeriodInfo>("/periods/parse", { p });
