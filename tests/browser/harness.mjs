// tests/browser/harness.mjs — what the browser tests stand on: a `caunoi serve` with a small
// demo database on a free loopback port, Debian's Chromium driven by playwright-core (never a
// downloaded browser), a JSON helper for the API, and screenshots under build/screenshots/.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const root = process.env.CAUNOI_SOURCE_DIR || path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const chromiumPath = process.env.CAUNOI_CHROMIUM || "/usr/bin/chromium";
export const shotsDir = path.join(root, "build", "screenshots");

export function requireWeb(name) {
  return createRequire(path.join(root, "web", "package.json"))(name);
}

// The Release binary is preferred: the sanitizer build makes pages several times slower.
export function caunoiBinary() {
  const candidates = [process.env.CAUNOI_BIN, path.join(root, "build", "caunoi"), process.env.CAUNOI_FALLBACK_BIN];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  throw new Error("Không tìm thấy chương trình caunoi (build/caunoi): hãy build trước khi chạy thử trình duyệt.");
}

export function ensureWebBuilt() {
  const r = spawnSync(path.join(root, "scripts", "build-web.sh"), { stdio: "inherit" });
  if (r.status !== 0) throw new Error("scripts/build-web.sh thất bại");
  if (!fs.existsSync(path.join(root, "web", "dist", "index.html"))) throw new Error("web/dist/index.html chưa có");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The browser tests on PostgreSQL (ctest browser_*_pg, under scripts/pg-temp.sh --): the demo is
// made in a SQLite file as always (`caunoi demo` writes files only), then moved by `caunoi migrate`
// into a new database of the throwaway server, and the server serves that.
function onPostgres() {
  return process.env.CAUNOI_TEST_ENGINE === "postgresql";
}

let pgDatabases = 0;
function moveToPostgres(bin, env, file) {
  const base = process.env.CAUNOI_TEST_PG_URL;
  if (!base) throw new Error("CAUNOI_TEST_ENGINE=postgresql: chạy dưới scripts/pg-temp.sh -- (thiếu CAUNOI_TEST_PG_URL)");
  const name = `caunoi_browser_${process.pid}_${++pgDatabases}`;
  const create = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", base, "-c", `CREATE DATABASE ${name}`], { encoding: "utf8" });
  if (create.status !== 0) throw new Error(`psql CREATE DATABASE thất bại: ${create.stderr}`);
  const url = base.slice(0, base.lastIndexOf("/") + 1) + name;
  const t0 = Date.now();
  const moved = spawnSync(bin, ["migrate", "--from", file, "--to", url], { env, encoding: "utf8" });
  if (moved.status !== 0) throw new Error(`caunoi migrate thất bại (${moved.status}): ${moved.stderr}${moved.stdout}`);
  console.log(`# moved into PostgreSQL (${name}) in ${Date.now() - t0} ms`);
  return url;
}

// Generates a small demo database and serves it. Returns {base, api, stop, tmp}.
export async function startServer({ scale = 0.05, seed = 7 } = {}) {
  const bin = caunoiBinary();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "caunoi-browser-"));
  const db = path.join(tmp, "demo.db");
  const env = { ...process.env, CAUNOI_DATA_DIR: path.join(root, "data"), CAUNOI_WEB_DIR: path.join(root, "web", "dist") };
  const t0 = Date.now();
  const demo = spawnSync(bin, ["demo", "--db", db, "--seed", String(seed), "--scale", String(scale), "--quiet"], { env, encoding: "utf8" });
  if (demo.status !== 0) throw new Error(`caunoi demo thất bại (${demo.status}): ${demo.stderr}`);
  console.log(`# demo database (scale ${scale}) in ${Date.now() - t0} ms`);
  // A staff account for the tests (the password goes through stdin, as an operator would type it).
  const user = { username: "kiemthu", password: "Kiem-thu-Trinh-duyet-2026!" };
  const add = spawnSync(bin, ["user", "--db", db, "add", "--username", user.username, "--role", "admin", "--unit", "VN", "--full-name", "Nguyễn Thị Kiểm Thử"], {
    env,
    encoding: "utf8",
    input: user.password + "\n",
  });
  if (add.status !== 0) throw new Error(`caunoi user add thất bại (${add.status}): ${add.stderr}${add.stdout}`);
  const served = onPostgres() ? moveToPostgres(bin, env, db) : db;
  const port = await freePort();
  const log = fs.openSync(path.join(tmp, "serve.log"), "w");
  const proc = spawn(bin, ["serve", "--db", served, "--port", String(port), "--host", "127.0.0.1"], { env, stdio: ["ignore", log, log] });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error("caunoi serve dừng: " + fs.readFileSync(path.join(tmp, "serve.log"), "utf8"));
    try {
      const r = await fetch(base + "/healthz");
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error("caunoi serve không sẵn sàng sau 60 giây");
    await sleep(100);
  }
  async function api(method, p, body) {
    const init = { method, headers: { Cookie: cookie } };
    if (method !== "GET") init.headers["X-CSRF-Token"] = csrf;
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers["Content-Type"] = "application/json";
    }
    const r = await fetch(base + "/api/v1" + p, init);
    const text = await r.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: r.status, json, text };
  }
  // The API helper signs in like the web app does: session cookie plus CSRF token.
  let cookie = "";
  let csrf = "";
  async function signIn() {
    const r = await fetch(base + "/api/v1/auth/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(user) });
    if (!r.ok) throw new Error("đăng nhập API thất bại: " + (await r.text()));
    cookie = (r.headers.get("set-cookie") ?? "").split(";")[0];
    csrf = (await r.json()).csrf_token;
  }
  await signIn();
  return {
    base,
    api,
    user,
    tmp,
    async stop() {
      proc.kill("SIGTERM");
      for (let i = 0; i < 50 && proc.exitCode === null; i++) await sleep(100);
      if (proc.exitCode === null) proc.kill("SIGKILL");
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  const { chromium } = requireWeb("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "caunoi-chromium-"));
  // launchPersistentContext is the way to give Chromium a fresh --user-data-dir of our own.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    acceptDownloads: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// A new tab whose script errors are printed with the test's output (`who` names the tab's user).
export async function newPage(browser, who = "") {
  const page = await browser.context.newPage();
  page.on("pageerror", (e) => console.log(`# lỗi trang${who ? ` (${who})` : ""}:`, e.message));
  return page;
}

// Signs `page` in as {username, password} through the sign-in page, as a person would, and waits
// until it has left it (for `next`, when given).
export async function signInThroughPage(page, base, { username, password }, next) {
  await page.context().clearCookies();
  await page.goto(base + "/dang-nhap" + (next ? "?next=" + encodeURIComponent(next) : ""));
  await page.getByTestId("login-user").fill(username);
  await page.getByTestId("login-pass").fill(password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((u) => !u.pathname.startsWith("/dang-nhap"), { timeout: 15_000 });
}

// Desktop (1366×768) and phone (360 px) screenshots of the page as it is now.
export async function screenshots(page, name) {
  fs.mkdirSync(shotsDir, { recursive: true });
  const vp = page.viewportSize();
  await page.screenshot({ path: path.join(shotsDir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForTimeout(400); // charts follow their container's size
  await page.screenshot({ path: path.join(shotsDir, `${name}-phone.png`), fullPage: true });
  // Nothing may stick out sideways on a phone: long Vietnamese names must wrap.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.setViewportSize(vp);
  return overflow;
}
