// session.ts — who is signed in. Staff sign in with a username and password
// (POST /api/v1/auth/login); the session lives in an HttpOnly cookie the script never sees, and
// the anti-forgery token that comes with it is kept in memory and sent on every change. After a
// reload GET /api/v1/auth/me gives both back. Citizens use the Q&A page without signing in.
import { ApiError, session, setCsrf, type Schema } from "./api";

export type User = Schema<"User">;

let current: User | null = null;
let checked: Promise<User | null> | null = null;
const listeners: ((u: User | null) => void)[] = [];

function set(u: User | null, csrf?: string) {
  current = u;
  setCsrf(csrf ?? "");
  for (const l of listeners) l(u);
}

export function onUser(fn: (u: User | null) => void): void {
  listeners.push(fn);
}

export function user(): User | null {
  return current;
}

// Where a page opens when the address names no unit: the signed-in user's own unit. Staff of a
// province or commune may read only within it, so "Toàn quốc" would greet them with a refusal.
// Whether the signed-in user's role grants an action (the server's policy table, as /auth/me
// lists it): the menu offers only pages that would not refuse them.
export function may(u: User | null, action: User["may"][number]): boolean {
  return Boolean(u?.may.includes(action));
}

export function homeUnit(): string {
  return current?.unit_id || "VN";
}

// Asks the server once per page load; later calls reuse the answer.
export function whoAmI(): Promise<User | null> {
  checked ??= session
    .get<Schema<"Me">>("/auth/me")
    .then((r) => {
      set(r.user, r.csrf_token);
      return r.user;
    })
    .catch((e) => {
      if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403)) checked = null;
      set(null);
      return null;
    });
  return checked;
}

export async function login(username: string, password: string): Promise<User> {
  const r = await session.post<Schema<"Session">>("/auth/login", { username, password });
  set(r.user, r.csrf_token);
  checked = Promise.resolve(r.user);
  return r.user;
}

export async function logout(): Promise<void> {
  try {
    await session.post("/auth/logout");
  } finally {
    set(null);
    checked = Promise.resolve(null);
  }
}

// Forgets the session after the server said it is over (expired, signed out elsewhere).
export function expired(): void {
  set(null);
  checked = Promise.resolve(null);
}
