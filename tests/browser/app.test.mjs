// tests/browser/app.test.mjs — the web application in a real browser (Debian's Chromium through
// playwright-core) against `caunoi serve` with a small demo database. Checks what a user sees:
// the dashboard finds Lào Cai by "lao cai" and shows its figures as the API computes them, the
// map is drawn, a bad figure in the activity form is refused with a Vietnamese field error and
// nothing is saved, an import with a bad row lists that row and writes nothing, the chat answers
// the BHYT hộ gia đình question with the right bank entry. Saves desktop and phone screenshots
// of every page under build/screenshots/ and prints the dashboard's first paint.
// Exit code 77 (ctest: skipped) only when /usr/bin/chromium is absent.
import fs from "node:fs";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import path from "node:path";
import { chromiumPath, ensureWebBuilt, launchBrowser, screenshots, shotsDir, startServer } from "./harness.mjs";

if (!fs.existsSync(chromiumPath)) {
  console.log(`SKIP: không có ${chromiumPath} (apt-get install chromium) — bỏ qua kiểm thử trình duyệt.`);
  process.exit(77);
}

const FIRST_PAINT_GOAL_MS = 1500;
let server;
let browser;
let page;
let laoCai; // today's Lào Cai, as the gazetteer names it (its code is not assumed here)

before(async () => {
  ensureWebBuilt();
  server = await startServer();
  browser = await launchBrowser();
  const found = await server.api("GET", "/places/search?q=" + encodeURIComponent("Lào Cai") + "&era=current&limit=5");
  laoCai = found.json.items.find((u) => u.level === 1 && u.name === "Lào Cai")?.id;
  assert.ok(laoCai, "the gazetteer has no current province named Lào Cai");
  page = await browser.context.newPage();
  page.on("pageerror", (e) => console.log("# lỗi trang:", e.message));
});

describe("Đăng nhập", () => {
  test("a staff page sends to sign-in, and signing in comes back to it", async () => {
    await page.goto(server.base + "/hoat-dong");
    await page.waitForURL(/\/dang-nhap\?next=%2Fhoat-dong/, { timeout: 30_000 });
    await page.getByTestId("login-user").fill(server.user.username);
    await page.getByTestId("login-pass").fill("sai-mat-khau");
    await page.getByTestId("login-submit").click();
    await page.locator("main .alert-error").waitFor({ timeout: 10_000 });
    await noSideways("dang-nhap");
    await page.getByTestId("login-pass").fill(server.user.password);
    await page.getByTestId("login-submit").click();
    await page.waitForURL(/\/hoat-dong$/, { timeout: 10_000 });
    await page.waitForSelector('main[data-ready="list"]', { timeout: 30_000 });
    assert.match(await page.getByTestId("userbox").textContent(), /Kiểm Thử/);
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function noSideways(name) {
  const overflow = await screenshots(page, name);
  assert.ok(overflow <= 1, `${name}: trang rộng hơn màn hình điện thoại ${overflow}px`);
}

describe("Tổng quan", () => {
  test("first paint with demo data is measured and printed", async () => {
    // Warm the server's caches and the browser's HTTP cache once, as a returning user would.
    await page.goto(server.base + "/");
    await page.waitForSelector('main[data-ready="kpis"]', { timeout: 30_000 });
    const times = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(server.base + "/");
      await page.waitForSelector('main[data-ready="kpis"]', { timeout: 30_000 });
      times.push(
        await page.evaluate(() => {
          const m = performance.getEntriesByName("caunoi-kpis")[0];
          return m ? m.startTime : NaN;
        }),
      );
    }
    const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
    const best = Math.min(...times);
    console.log(
      `# dashboard first paint (headline figures on screen): ${times.map((t) => t.toFixed(0)).join(", ")} ms; best ${best.toFixed(0)} ms; first contentful paint ${fcp.toFixed(0)} ms; goal < ${FIRST_PAINT_GOAL_MS} ms`,
    );
    assert.ok(Number.isFinite(best), "the dashboard never marked its figures as painted");
    assert.ok(best < FIRST_PAINT_GOAL_MS, `first paint ${best.toFixed(0)} ms is over the ${FIRST_PAINT_GOAL_MS} ms goal`);
  });

  test('searching "lao cai" shows Lào Cai with the figures the API computes', async () => {
    const search = page.getByTestId("unit-search");
    await search.fill("lao cai");
    const option = page.locator(`[role="option"][data-id="${laoCai}"]`);
    await option.waitFor({ timeout: 10_000 });
    await search.press("ArrowDown");
    await option.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="unit-current"]')?.textContent?.includes("Lào Cai"));
    await page.waitForSelector('main[data-ready="kpis"] .kpi');
    await page.waitForFunction(() => document.querySelector('[data-testid="dash-heading"]')?.textContent?.includes("Lào Cai"));
    assert.equal(new URL(page.url()).searchParams.get("u"), laoCai);

    const kpi = page.locator(".kpi").first();
    const code = await kpi.getAttribute("data-indicator");
    const period = new URL(page.url()).searchParams.get("p") ?? (await page.evaluate(() => document.querySelector("[data-period]")?.getAttribute("data-period")));
    const shown = (await kpi.getByTestId("kpi-value").textContent()).trim();
    const r = await server.api("GET", `/analytics?indicator=${encodeURIComponent(code)}&unit=${laoCai}&period=${encodeURIComponent(period)}&compare=last-year`);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const value = r.json.total?.value ?? r.json.value;
    assert.equal(typeof value, "number");
    assert.equal(shown, new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(value), `indicator ${code}`);
    const nationalVal = (await server.api("GET", `/analytics?indicator=${encodeURIComponent(code)}&unit=VN&period=${encodeURIComponent(period)}`)).json;
    assert.notEqual(value, nationalVal.total?.value ?? nationalVal.value, "Lào Cai's figure equals the national one");
  });

  test("the province map is drawn with every province", async () => {
    await page.goto(server.base + "/");
    await page.waitForSelector('[data-testid="map"][data-drawn]', { timeout: 30_000 });
    const drawn = Number(await page.getByTestId("map").getAttribute("data-drawn"));
    assert.equal(drawn, 34, "the map series should hold the 34 provinces");
    const painted = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="map"] canvas');
      if (!c) return 0;
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4 * 7) if (d[i] > 0) n++;
      return n;
    });
    assert.ok(painted > 2000, `the map canvas is (nearly) empty: ${painted} painted samples`);
    await noSideways("tong-quan");
  });
});

describe("Hỏi đáp", () => {
  test('the chat answers "dong bhyt ho gia dinh bao nhieu" with the bank entry on household contributions', async () => {
    await page.goto(server.base + "/hoi-dap");
    await page.getByTestId("chat-input").fill("dong bhyt ho gia dinh bao nhieu");
    await page.getByTestId("chat-input").press("Enter");
    const answer = page.getByTestId("chat-answer").last();
    await answer.waitFor({ timeout: 15_000 });
    assert.equal(await answer.getAttribute("data-answered"), "true");
    assert.equal(await answer.getAttribute("data-entry-id"), "bhyt-hgd-001");
    assert.match(await answer.textContent(), /lương cơ sở/);
    await noSideways("hoi-dap");
  });
});

async function activityCount(unit) {
  const r = await server.api("GET", `/activities?unit=${encodeURIComponent(unit)}&limit=1`);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json.total;
}

async function pickUnit(text, id) {
  const search = page.getByTestId("unit-search").first();
  await search.fill(text);
  await page.locator(`[role="option"][data-id="${id}"]`).first().click({ timeout: 10_000 });
  await page.waitForFunction((want) => [...document.querySelectorAll('[data-testid="unit-current"]')].some((e) => e.textContent.includes(want)), text === "lao cai" ? "Lào Cai" : text);
}

describe("Hoạt động truyền thông", () => {
  test("the list pages through the log and offers export", async () => {
    await page.goto(server.base + "/hoat-dong");
    await page.waitForSelector('main[data-ready="list"]', { timeout: 30_000 });
    const total = Number(await page.getByTestId("activities-total").getAttribute("data-total"));
    assert.ok(total > 0, "the demo data should list activities");
    assert.ok((await page.locator('[data-testid="activities-table"] tbody tr').count()) > 0);
    // The national list names each commune's province: "xã An Long" alone could be any of several.
    const units = await page.locator('[data-testid="activities-table"] tbody td[data-label="Đơn vị"]').allTextContents();
    assert.ok(units.some((u) => /^(xã|phường|đặc khu) .+(tỉnh|thành phố) /.test(u)), `no province beside a commune in: ${units.slice(0, 3)}`);
    await noSideways("hoat-dong");
    // On a phone each activity is a card that fits the screen: no row to scroll sideways, every
    // cell labelled with its column.
    const vp = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      const fit = await page.evaluate(() => {
        const wrap = document.querySelector('[data-testid="activities-table"]').closest(".table-wrap");
        const cell = document.querySelector('[data-testid="activities-table"] tbody td[data-label="Số liệu"]');
        return { over: wrap.scrollWidth - wrap.clientWidth, label: getComputedStyle(cell, "::before").content };
      });
      assert.ok(fit.over <= 1, `the list scrolls ${fit.over}px sideways on a phone`);
      assert.equal(fit.label, '"Số liệu"');
    } finally {
      await page.setViewportSize(vp);
    }
  });

  test("a negative figure is refused with the Vietnamese field error and nothing is saved", async () => {
    const before = await activityCount(laoCai);
    await page.goto(server.base + "/hoat-dong/moi");
    await page.waitForSelector('main[data-ready="form"]', { timeout: 30_000 });
    await pickUnit("lao cai", laoCai);
    await page.getByTestId("act-kind").selectOption("conference");
    await page.getByTestId("act-title").fill("Hội nghị truyền thông chính sách BHYT hộ gia đình tại xã Tả Van");
    await page.locator('input[data-figure="events"]').fill("1");
    await page.locator('input[data-figure="attendees"]').fill("-5");
    await noSideways("hoat-dong-moi");
    await page.getByTestId("act-save").click();
    const err = page.locator('[data-error-for="figures.attendees"]');
    await err.waitFor({ state: "visible", timeout: 10_000 });
    assert.match(await err.textContent(), /âm/);
    assert.equal(await page.locator('input[data-figure="attendees"]').getAttribute("aria-invalid"), "true");
    await page.screenshot({ path: path.join(shotsDir, "hoat-dong-loi-desktop.png"), fullPage: true });
    assert.equal(await activityCount(laoCai), before, "a refused activity must not be saved");

    // The same form with the figure corrected is saved: the refusal was about the figure only.
    await page.locator('input[data-figure="attendees"]').fill("120");
    await page.getByTestId("act-save").click();
    await page.waitForURL(/\/hoat-dong\/\d+$/, { timeout: 10_000 });
    assert.equal(await activityCount(laoCai), before + 1);
  });

  test("correcting an activity in the form keeps its partners, its days and its reference", async () => {
    const made = await server.api("POST", "/activities", {
      place: laoCai, date_from: "2026-10-10", date_to: "2026-10-12", kind: "campaign_launch",
      partners: ["farmers_union", "youth_union"], external_ref: "LC-RAQUAN-2026-01",
      figures: { events: 1, participants: 200 },
    });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    await page.goto(server.base + "/hoat-dong/" + made.json.id);
    await page.waitForSelector('main[data-ready="form"]', { timeout: 30_000 });
    assert.equal(await page.getByTestId("act-date-to").inputValue(), "12/10/2026");
    assert.ok(await page.locator('input[name="partners"][value="farmers_union"]').isChecked());
    assert.match(await page.getByTestId("act-ref").textContent(), /LC-RAQUAN-2026-01/);
    await page.locator('input[data-figure="participants"]').fill("250");
    await page.locator('input[name="partners"][value="womens_union"]').check();
    await page.getByTestId("act-save").click();
    await page.getByText("Đã lưu thay đổi.").waitFor({ timeout: 10_000 });
    const after = (await server.api("GET", "/activities/" + made.json.id)).json;
    assert.equal(after.figures.participants, 250);
    assert.deepEqual([...after.partners].sort(), ["farmers_union", "womens_union", "youth_union"]);
    assert.equal(after.date_to, "2026-10-12");
    assert.equal(after.external_ref, "LC-RAQUAN-2026-01");
    // The history under the form names who changed what, version by version.
    const v2 = page.locator('[data-testid="act-history"] tr[data-version="2"]');
    await v2.waitFor({ timeout: 10_000 });
    const text = await v2.textContent();
    assert.match(text, /Số người tham gia: 200 → 250/);
    assert.match(text, /Đơn vị phối hợp: .*→ .*Hội Liên hiệp Phụ nữ/);
    assert.match(text, new RegExp(server.user.username));
    assert.match(await page.locator('[data-testid="act-history"] tr[data-version="1"]').textContent(), /Nhập mới/);
    await noSideways("hoat-dong-lich-su");
  });

  test("an import with a bad row lists that row and writes nothing", async () => {
    const before = await activityCount(laoCai);
    const csv = [
      "Ngày,Đơn vị,Loại hoạt động,Tên hoạt động,Số hội nghị,Số người tham dự",
      `15/03/2026,${laoCai},conference,Hội nghị nhập thử 1,1,80`,
      `16/03/2026,${laoCai},conference,Hội nghị nhập thử 2,1,-3`,
      `17/03/2026,${laoCai},conference,Hội nghị nhập thử 3,1,45`,
    ].join("\r\n");
    await page.goto(server.base + "/hoat-dong");
    await page.waitForSelector('main[data-ready="list"]', { timeout: 30_000 });
    await page.getByTestId("import-file").setInputFiles({ name: "hoat-dong-loi.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByTestId("importer").locator('button[type="submit"]').click();
    const bad = page.locator('[data-testid="import-errors"] tr[data-row="3"]');
    await bad.waitFor({ timeout: 20_000 });
    assert.match(await bad.textContent(), /âm/);
    assert.equal(await page.locator('[data-testid="import-errors"] tbody tr').count(), 1, "only row 3 is bad");
    // The bar no longer reads as work under way: it says the file was refused.
    assert.match(await page.locator('[data-testid="importer"] [aria-live]').textContent(), /Đã kiểm tra 3\/3 dòng: tệp bị từ chối/);
    assert.equal(await page.locator('[data-testid="importer"] .progress.refused').count(), 1);
    await noSideways("hoat-dong-nhap-loi");
    assert.equal(await activityCount(laoCai), before, "a refused file must write nothing");
  });

  test("a large file shows how much of it has been sent", async () => {
    const before = await activityCount(laoCai);
    // ≈ 1.4 MB: 12,000 good rows and a bad last one, so that nothing is written in the end.
    const lines = ["Ngày,Đơn vị,Loại hoạt động,Tên hoạt động,Số hội nghị,Số người tham dự"];
    for (let i = 0; i < 12000; i++) lines.push(`15/03/2026,${laoCai},conference,Hội nghị nhập thử số ${i} tại địa bàn tỉnh Lào Cai,1,${20 + (i % 50)}`);
    lines.push(`16/03/2026,${laoCai},conference,Dòng cuối sai,1,-1`);
    await page.goto(server.base + "/hoat-dong");
    await page.waitForSelector('main[data-ready="list"]', { timeout: 30_000 });
    // A slow line (≈ 300 KB/s up), as from a commune office; the bar must move before the file
    // has all gone (a first "0/1,4 MB" is shown before any byte is sent, so it proves nothing).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 300 * 1024 });
    try {
      await page.getByTestId("import-file").setInputFiles({ name: "hoat-dong-lon.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n"), "utf8") });
      await page.getByTestId("importer").locator('button[type="submit"]').click();
      await page.waitForFunction(() => /Đang tải tệp lên: (?!0\/)[\d.,]+\/[\d.,]+ MB/.test(document.querySelector('[data-testid="importer"] [aria-live]')?.textContent ?? ""), null, { timeout: 10_000 });
      const sending = Number(await page.locator('[data-testid="importer"] [role="progressbar"]').getAttribute("aria-valuenow"));
      assert.ok(sending >= 0 && sending <= 20, `sending takes the first fifth of the bar, saw ${sending}%`);
      const bad = page.locator('[data-testid="import-errors"] tr[data-row="12002"]');
      await bad.waitFor({ timeout: 60_000 });
    } finally {
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    }
    assert.equal(await activityCount(laoCai), before, "a refused file must write nothing");
  });
});

describe("Danh mục", () => {
  test("an administrator adds a partner and a kind; a reused code is refused in Vietnamese", async () => {
    await page.goto(server.base + "/danh-muc");
    await page.waitForSelector('main[data-ready="reference"]', { timeout: 30_000 });
    assert.ok((await page.locator('[data-testid="ref-table"] tr[data-code="conference"]').count()) === 1);
    await page.locator('button[data-list="partner"]').click();
    await page.locator('[data-testid="ref-table"] tr[data-code="farmers_union"]').waitFor();
    await page.getByTestId("ref-code").fill("red_cross");
    await page.getByTestId("ref-label").fill("Hội Chữ thập đỏ");
    await page.getByTestId("ref-save").click();
    await page.locator('[data-testid="ref-table"] tr[data-code="red_cross"]').waitFor({ timeout: 10_000 });
    // The same code again: refused, named, nothing added.
    await page.getByTestId("ref-code").fill("red_cross");
    await page.getByTestId("ref-label").fill("Hội Chữ thập đỏ (trùng)");
    await page.getByTestId("ref-save").click();
    const err = page.locator('[data-testid="ref-form"] .alert-error');
    await err.waitFor({ timeout: 10_000 });
    assert.match(await err.textContent(), /đã có trong danh mục đơn vị phối hợp/);
    assert.equal(await page.locator('[data-testid="ref-table"] tr[data-code="red_cross"]').count(), 1);
    // A new meeting-type kind with its figures.
    await page.locator('button[data-list="kind"]').click();
    await page.getByTestId("ref-code").fill("seminar");
    await page.getByTestId("ref-label").fill("Hội thảo chuyên đề");
    await page.getByTestId("ref-category").selectOption("meeting");
    await page.locator('[data-testid="ref-form"] input[name="figures"][value="events"]').check();
    await page.locator('[data-testid="ref-form"] input[name="figures"][value="attendees"]').check();
    await page.getByTestId("ref-save").click();
    await page.locator('[data-testid="ref-table"] tr[data-code="seminar"]').waitFor({ timeout: 10_000 });
    await noSideways("danh-muc");
    const ref = (await server.api("GET", "/reference")).json;
    const seminar = ref.kinds.find((k) => k.code === "seminar");
    assert.equal(seminar.category, "meeting");
    assert.deepEqual(seminar.figures, ["events", "attendees"]);
    // The activity form offers what was added.
    await page.goto(server.base + "/hoat-dong/moi");
    await page.waitForSelector('main[data-ready="form"]', { timeout: 30_000 });
    assert.equal(await page.locator('input[name="partners"][value="red_cross"]').count(), 1);
    assert.equal(await page.locator('[data-testid="act-kind"] option[value="seminar"]').count(), 1);
  });
});

describe("Các trang khác", () => {
  for (const [path, name, ready] of [
    ["/ke-hoach", "ke-hoach", "plans"],
    ["/ket-qua", "ket-qua", "results"],
    ["/bao-cao", "bao-cao", "report"],
    ["/hoi-dap/quan-ly", "hoi-dap-quan-ly", "1"],
  ]) {
    test(`${path} loads without errors and fits a phone`, async () => {
      const errors = [];
      const onError = (e) => errors.push(e.message);
      page.on("pageerror", onError);
      await page.goto(server.base + path);
      await page.waitForSelector(`main[data-ready="${ready}"]`, { timeout: 30_000 });
      assert.equal(await page.locator("main .alert-error").count(), 0, await page.locator("main .alert-error").first().textContent().catch(() => ""));
      await noSideways(name);
      page.off("pageerror", onError);
      assert.deepEqual(errors, []);
    });
  }
  test("/bao-cao says which data it holds and switches to approved data only", async () => {
    await page.goto(server.base + "/bao-cao");
    await page.waitForSelector('main[data-ready="report"]', { timeout: 30_000 });
    assert.match(await page.getByTestId("report-data-note").textContent(), /chưa được phê duyệt/);
    await page.getByTestId("report-data").selectOption("approved");
    await page.waitForFunction(() => /cấp trên phê duyệt/.test(document.querySelector('[data-testid="report-data-note"]')?.textContent ?? ""), null, { timeout: 30_000 });
    assert.match(await page.getByTestId("report-xlsx").getAttribute("href"), /data=approved/);
    await page.screenshot({ path: path.join(shotsDir, "bao-cao-da-duyet.png"), fullPage: true });
  });
});

// Last, as it signs the shared browser in as someone else.
describe("Cán bộ tỉnh", () => {
  test("a province's staff open every page on their own province, with no refusal", async () => {
    const made = await server.api("POST", "/users", { username: "cb.laocai", full_name: "Cán bộ Lào Cai", role: "province_staff", unit_id: laoCai, password: "Mat-khau-Lao-Cai-2026!" });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    await browser.context.clearCookies();
    await page.goto(server.base + "/dang-nhap");
    await page.getByTestId("login-user").fill("cb.laocai");
    await page.getByTestId("login-pass").fill("Mat-khau-Lao-Cai-2026!");
    await page.getByTestId("login-submit").click();
    await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"), { timeout: 10_000 });
    for (const [p, ready] of [["/hoat-dong", "list"], ["/", "kpis"], ["/ke-hoach", "plans"], ["/ket-qua", "results"], ["/bao-cao", "report"]]) {
      await page.goto(server.base + p);
      await page.waitForSelector(`main[data-ready="${ready}"]`, { timeout: 30_000 });
      await page.waitForTimeout(500); // the dashboard's panels load after its headline figures
      assert.match(await page.getByTestId("unit-current").first().textContent(), /Lào Cai/, p);
      const refused = await page.locator("main .alert-error").allTextContents();
      assert.deepEqual(refused, [], `${p}: ${refused.join(" | ")}`);
    }
    await page.goto(server.base + "/hoat-dong");
    await page.waitForSelector('main[data-ready="list"]');
    assert.ok(Number(await page.getByTestId("activities-total").getAttribute("data-total")) > 0, "Lào Cai's own activities are listed");
  });
});
