// router.ts — a tiny client-side router over the History API. Routes are path patterns with
// ":name" parts; a page is a function that fills the main element and may return a cleanup
// function, called before the next page is drawn (charts dispose, timers stop).
//
// Each page drawn gets an AbortSignal that is aborted when the user leaves it. api.ts binds every
// request to the signal of the page that made it: a request of a page left behind is cancelled
// and never answers, so a late answer cannot draw into the next page or send it to sign-in, and
// polling loops (the importer's) stop with their page.

export type Params = Record<string, string>;
export type Cleanup = (() => void) | void;
export type Page = (main: HTMLElement, params: Params, query: URLSearchParams, signal: AbortSignal) => Cleanup | Promise<Cleanup>;

interface Route {
  pattern: RegExp;
  names: string[];
  page: Page;
  title: string;
}

const routes: Route[] = [];
let cleanup: Cleanup;
let current = new AbortController();

// The signal of the page on screen (api.ts binds requests to it).
export function pageSignal(): AbortSignal {
  return current.signal;
}
let onChange: (path: string, title: string) => void = () => {};
let mainEl: HTMLElement;

export function route(path: string, title: string, page: Page): void {
  const names: string[] = [];
  const src = path.replace(/:([a-z_]+)/g, (_, n: string) => {
    names.push(n);
    return "([^/]+)";
  });
  routes.push({ pattern: new RegExp("^" + src + "/?$"), names, page, title });
}

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  void render();
}

// Updates the query string of the current page without redrawing it (filters, chosen unit).
export function setQuery(q: Record<string, string | undefined>): void {
  const p = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === "") p.delete(k);
    else p.set(k, v);
  }
  const s = p.toString();
  history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
}

async function render(): Promise<void> {
  current.abort();
  const mine = (current = new AbortController());
  if (typeof cleanup === "function") cleanup();
  cleanup = undefined;
  const path = location.pathname;
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    const params: Params = {};
    r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
    document.title = r.title + " — Cầu nối BHXH";
    onChange(path, r.title);
    mainEl.replaceChildren();
    mainEl.removeAttribute("data-ready");
    const done = await r.page(mainEl, params, new URLSearchParams(location.search), mine.signal);
    // Left before it finished drawing: its cleanup runs now, not in place of the next page's.
    if (mine !== current) {
      if (typeof done === "function") done();
      return;
    }
    cleanup = done;
    return;
  }
  onChange(path, "Không tìm thấy");
  mainEl.replaceChildren();
  const h = document.createElement("h1");
  h.textContent = "Không tìm thấy trang";
  const p = document.createElement("p");
  p.textContent = "Địa chỉ này không có trong hệ thống. Hãy chọn một mục trên thanh điều hướng.";
  mainEl.append(h, p);
}

export function start(main: HTMLElement, changed: (path: string, title: string) => void): void {
  mainEl = main;
  onChange = changed;
  window.addEventListener("popstate", () => void render());
  // Internal links navigate without reloading; modified clicks (new tab) keep browser behaviour.
  document.addEventListener("click", (e) => {
    const a = (e.target as Element).closest?.("a[data-link]") as HTMLAnchorElement | null;
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(a.getAttribute("href") ?? "/");
  });
  void render();
}
