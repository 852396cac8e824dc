// tests/browser/roles.test.mjs — the officer's day (issue 20): each workflow run in a real browser
// (Debian's Chromium through playwright-core) by the role that does it in real life, signed in
// through the sign-in page, once on a 1366 px desktop and once on a 360 px phone, with a
// screenshot of each step's outcome under build/screenshots/roles-*-{1366,360}.png:
//   a. a province officer imports a file of her province's activities on the activities page,
//      corrects one of them and reads its history (her name, the figure before and after);
//   b. a commune officer enters an activity of his commune, and one of a neighbouring commune is
//      refused with the server's Vietnamese message and not saved;
//   c. a leader opens the ranking of provinces and drills down into Lào Cai's communes;
//   d. the commune submits its month on "Duyệt số liệu tháng", the province approves it (desktop)
//      or returns it with a reason (phone), and the commune, signing in again, finds the notice
//      on the menu and above the page until it opens it;
//   e. a citizen who is not signed in sends a 2,000-character letter with a contact in the chat
//      and gets answers or a hand-off, the letter sent whole;
//   f. a leader (desktop) or the province officer (phone) downloads the report of Lào Cai for 2025
//      with "Tải văn bản Word (.docx)": a valid zip (every entry's CRC checked) holding
//      word/document.xml with the report's narrative and its reform note, and the page-number
//      header;
//   g. a collaborator of the commune records an activity of her commune, and is refused what is
//      not hers to do: importing a file, the report, submitting the month, her neighbour's commune.
// Exit code 77 (ctest: skipped) only when /usr/bin/chromium is absent.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { chromiumPath, ensureWebBuilt, launchBrowser, newPage, shotsDir, signInThroughPage, startServer } from "./harness.mjs";

if (!fs.existsSync(chromiumPath)) {
  console.log(`SKIP: không có ${chromiumPath} (apt-get install chromium) — bỏ qua kiểm thử trình duyệt.`);
  process.exit(77);
}

let server;
let browser;
let page;
let laoCai; // today's Lào Cai and two of its communes: the officer's own and a neighbour
let own;
let neighbour;

// The people of the day. Passwords go through the API as an administrator would set them.
const people = {
  province: { username: "cb.tinh.laocai", full_name: "Trần Thị Tỉnh", role: "province_staff", password: "Mat-khau-Tinh-2026!" },
  commune: { username: "cb.xa.laocai", full_name: "Lò Văn Xã", role: "commune_staff", password: "Mat-khau-Co-so-2026!" },
  leader: { username: "lanh.dao", full_name: "Phạm Văn Lãnh Đạo", role: "leader", password: "Mat-khau-Dieu-hanh-2026!" },
  collaborator: { username: "ctv.xa.laocai", full_name: "Hoàng Thị Cộng Tác", role: "collaborator", password: "Mat-khau-Cong-tac-2026!" },
};

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 360, height: 740 },
];

// "2026-11" for December 2026: the month the approvals page opens on.
function monthBefore(back) {
  const d = new Date();
  const m = new Date(d.getFullYear(), d.getMonth() - back, 1);
  return `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, "0")}`;
}
const monthText = (p) => `Tháng ${Number(p.slice(5))}/${p.slice(0, 4)}`;

before(async () => {
  ensureWebBuilt();
  server = await startServer();
  browser = await launchBrowser();
  const found = await server.api("GET", "/places/search?q=" + encodeURIComponent("Lào Cai") + "&era=current&limit=5");
  laoCai = found.json.items.find((u) => u.level === 1 && u.name === "Lào Cai");
  assert.ok(laoCai, "the gazetteer has no current province named Lào Cai");
  const communes = (await server.api("GET", "/places?parent=" + laoCai.id)).json.items.filter((u) => u.type === "Xã");
  assert.ok(communes.length >= 2, "Lào Cai should have communes");
  [own, neighbour] = communes;
  for (const [key, p] of Object.entries(people)) {
    const unit_id = key === "province" ? laoCai.id : key === "commune" || key === "collaborator" ? own.id : "VN";
    const made = await server.api("POST", "/users", { username: p.username, full_name: p.full_name, role: p.role, unit_id, password: p.password });
    assert.equal(made.status, 201, JSON.stringify(made.json));
  }
  page = await newPage(browser);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// Signs the browser in as `who` through the sign-in page, landing on `next`.
async function signIn(who, next) {
  await signInThroughPage(page, server.base, who, next);
  await page.waitForFunction((name) => document.querySelector('[data-testid="userbox"]')?.textContent?.includes(name), who.full_name, { timeout: 10_000 });
}

// A screenshot of the page as it is, named by workflow and width; on a phone nothing may stick
// out sideways.
async function shot(name) {
  fs.mkdirSync(shotsDir, { recursive: true });
  const { width } = page.viewportSize();
  await page.screenshot({ path: path.join(shotsDir, `roles-${name}-${width}.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `${name} at ${width}px: the page is ${overflow}px wider than the screen`);
}

async function activitiesOn(unit, day) {
  const r = await server.api("GET", `/activities?unit=${unit}&from=${day}&to=${day}&limit=100`);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json.items;
}

async function pickUnit(p) {
  const search = page.getByTestId("unit-search").first();
  await search.fill(p.name);
  await page.locator(`[role="option"][data-id="${p.id}"]`).first().click({ timeout: 10_000 });
  await page.waitForFunction((want) => document.querySelector('[data-testid="unit-current"]')?.textContent?.includes(want), p.name);
}

// Fills the new-activity form on screen with one conference and saves it.
async function enterConference(unit, day, title, attendees) {
  await page.waitForSelector('main[data-ready="form"]', { timeout: 30_000 });
  await pickUnit(unit);
  await page.getByTestId("act-kind").selectOption("conference");
  await page.getByTestId("act-date").fill(viDate(day));
  await page.getByTestId("act-title").fill(title);
  await page.locator('input[data-figure="events"]').fill("1");
  await page.locator('input[data-figure="attendees"]').fill(String(attendees));
  await page.getByTestId("act-save").click();
}
const viDate = (iso) => iso.split("-").reverse().join("/");

// A letter of exactly 2,000 characters: a farmer's questions about voluntary social insurance
// and household health insurance.
const LETTER = (() => {
  const parts = [
    "Kính gửi Bảo hiểm xã hội, tôi năm nay bốn mươi hai tuổi, làm nông ở xã vùng cao, trước đây có làm công nhân may ở Bắc Ninh sáu năm và đã đóng bảo hiểm xã hội bắt buộc.",
    "Từ khi về quê tôi không đóng nữa. Tôi muốn hỏi tôi có thể tham gia bảo hiểm xã hội tự nguyện để sau này có lương hưu không, mức đóng thấp nhất là bao nhiêu một tháng?",
    "Ngoài ra cả nhà tôi năm người muốn mua bảo hiểm y tế hộ gia đình thì mức đóng cho từng người là bao nhiêu, có được giảm cho người thứ hai trở đi không?",
  ];
  let s = "";
  for (let i = 0; s.length < 2000; i++) s += (s ? " " : "") + parts[i % parts.length];
  return (s.slice(0, 1975).trimEnd() + " Xin chân thành cảm ơn.").slice(0, 2000).padEnd(2000, ".");
})();
const CONTACT = "Lò Thị Mai, 0987 654 321";

// Entry name → bytes of a zip archive, read as Word reads it: through the central directory, each
// entry's local header, inflated, its CRC-32 checked. Throws when the bytes are not a valid zip.
function readZip(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error("not a zip archive: no end of central directory");
  const entries = new Map();
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: bad local header`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    if (method !== 0 && method !== 8) throw new Error(`${name}: compression method ${method}`);
    const data = method === 8 ? zlib.inflateRawSync(raw) : raw;
    if (zlib.crc32(data) !== crc) throw new Error(`${name}: CRC-32 does not match`);
    entries.set(name, data);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

// The text of each paragraph of word/document.xml (w:t, w:br as a line break, w:tab as a tab).
function docxParagraphs(xml) {
  const unescape = (t) => t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const piece = (t) => (t[0] === "<w:br/>" ? "\n" : t[0] === "<w:tab/>" ? "\t" : unescape(t[1]));
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)].map(piece).join(""));
}

for (const vp of VIEWPORTS) {
  const phone = vp.width < 800;
  // Each run leaves its own traces: its own dates, titles and month.
  const run = phone ? "dien-thoai" : "may-tinh";
  const day = phone ? "2026-09-15" : "2026-09-14";
  const month = monthBefore(phone ? 2 : 1);

  describe(`Một ngày của cán bộ — ${vp.width}px`, () => {
    before(async () => {
      await page.setViewportSize(vp);
    });

    test("a. the province officer imports her province's activities and reads the history of one she corrected", async () => {
      await signIn(people.province, "/hoat-dong");
      await page.waitForSelector('main[data-ready="list"]', { timeout: 30_000 });
      assert.match(await page.getByTestId("unit-current").first().textContent(), /Lào Cai/);
      const title = `Hội nghị tuyên truyền BHXH tự nguyện (${run})`;
      const csv = [
        "Ngày,Đơn vị,Loại hoạt động,Tên hoạt động,Số hội nghị,Số người tham dự",
        `${viDate(day)},${neighbour.id},conference,${title},1,80`,
        `${viDate(day)},${laoCai.id},conference,${title} cấp tỉnh,1,150`,
      ].join("\r\n");
      await page.getByTestId("import-file").setInputFiles({ name: `hoat-dong-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await page.getByTestId("importer").locator('button[type="submit"]').click();
      const done = page.locator('[data-testid="import-result"] .alert-ok');
      await done.waitFor({ timeout: 30_000 });
      assert.match(await done.textContent(), /Đã nhập 2 dòng/);
      await shot("a-tinh-nhap-tep");
      const imported = (await activitiesOn(neighbour.id, day)).find((a) => a.title === title);
      assert.ok(imported, "the imported row is not in the commune's log");
      assert.equal(imported.figures.attendees, 80);

      // She corrects the attendance and reads who changed what.
      await page.goto(server.base + "/hoat-dong/" + imported.id);
      await page.waitForSelector('main[data-ready="form"]', { timeout: 30_000 });
      await page.locator('input[data-figure="attendees"]').fill("95");
      await page.getByTestId("act-save").click();
      await page.getByText("Đã lưu thay đổi.").waitFor({ timeout: 10_000 });
      const v2 = page.locator('[data-testid="act-history"] tr[data-version="2"]');
      await v2.waitFor({ timeout: 10_000 });
      const text = await v2.textContent();
      assert.match(text, /80 → 95/);
      assert.match(text, new RegExp(people.province.username.replace(/\./g, "\\.")));
      assert.match(await page.locator('[data-testid="act-history"] tr[data-version="1"]').textContent(), /Nhập mới/);
      await v2.scrollIntoViewIfNeeded();
      await shot("a-tinh-lich-su");
    });

    test("b. the commune officer enters an activity of his commune and is refused his neighbour's", async () => {
      await signIn(people.commune, "/hoat-dong/moi");
      const title = `Tuyên truyền BHYT học sinh tại nhà văn hoá thôn (${run})`;
      await enterConference(own, day, title, 45);
      await page.waitForURL(/\/hoat-dong\/\d+/, { timeout: 10_000 });
      await page.getByTestId("act-saved").waitFor({ timeout: 10_000 });
      assert.ok((await activitiesOn(own.id, day)).some((a) => a.title === title), "his commune's activity was not saved");
      await shot("b-xa-nhap");

      // The neighbour's commune is not even offered: the picker searches his own territory.
      const other = `Hoạt động của xã bên (${run})`;
      await page.goto(server.base + "/hoat-dong/moi");
      await page.waitForSelector('main[data-ready="form"]', { timeout: 30_000 });
      await page.getByTestId("act-date").fill(viDate(day));
      await page.getByTestId("unit-search").first().fill(neighbour.name);
      await page.locator('[role="option"][aria-disabled="true"]', { hasText: "Không tìm thấy đơn vị phù hợp trong địa bàn của bạn" }).first().waitFor({ timeout: 10_000 });
      assert.equal(await page.locator(`[role="option"][data-id="${neighbour.id}"]`).count(), 0, "the picker offered the neighbour's commune");
      // Sent all the same, as a hand-made request of his session, it is refused in Vietnamese.
      const refused = await page.evaluate(
        async ({ unit, day, title }) => {
          const me = await (await fetch("/api/v1/auth/me")).json();
          const r = await fetch("/api/v1/activities", {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrf_token },
            body: JSON.stringify({ reporting_unit: unit, place: unit, date_from: day, kind: "conference", title, figures: { events: 1, attendees: 30 } }),
          });
          return { status: r.status, body: await r.json() };
        },
        { unit: neighbour.id, day, title: other },
      );
      assert.equal(refused.status, 403, JSON.stringify(refused.body));
      assert.match(refused.body.error.message, new RegExp(`chỉ được thao tác trong phạm vi xã ${own.name}; xã ${neighbour.name} nằm ngoài phạm vi này`));
      assert.ok(!(await activitiesOn(neighbour.id, day)).some((a) => a.title === other), "the neighbour's activity was saved");
      await shot("b-xa-bi-tu-choi");
    });

    test("c. the leader ranks the provinces and drills down into Lào Cai", async () => {
      await signIn(people.leader, "/");
      await page.waitForSelector('main[data-ready="kpis"]', { timeout: 30_000 });
      const ranking = page.getByTestId("ranking");
      await ranking.waitFor({ timeout: 30_000 });
      assert.equal(await ranking.locator("tbody tr").count(), 34, "the ranking should list the 34 provinces");
      await shot("c-lanh-dao-xep-hang");
      await ranking.locator("tbody tr button", { hasText: laoCai.name }).first().click();
      await page.waitForFunction(() => document.querySelector('[data-testid="unit-current"]')?.textContent?.includes("Lào Cai"), null, { timeout: 15_000 });
      await page.waitForFunction(() => /Lào Cai/.test(document.querySelector('[data-testid="dash-heading"]')?.textContent ?? ""), null, { timeout: 15_000 });
      assert.equal(new URL(page.url()).searchParams.get("u"), laoCai.id);
      // The ranking now lists Lào Cai's own communes.
      await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="ranking"] tbody tr')].some((r) => r.textContent.includes(n)), own.name, { timeout: 15_000 });
      const labels = await page.getByTestId("ranking").locator("tbody td.name").allTextContents();
      assert.ok(!labels.some((l) => /Hà Nội|Hồ Chí Minh/.test(l)), `the drill-down still lists provinces: ${labels.slice(0, 5)}`);
      await shot("c-lanh-dao-xem-tinh");
    });

    test(`d. the commune submits ${monthText(month)}, the province ${phone ? "returns it with a reason" : "approves it"}, the commune sees the notice`, async () => {
      const reason = "Thiếu số liệu hội nghị ngày 15, đề nghị bổ sung rồi nộp lại.";
      // The commune: its own unit only, Nộp and nothing else.
      await signIn(people.commune, "/duyet-thang" + (phone ? "?p=" + month : ""));
      await page.waitForSelector('main[data-ready="approvals"]', { timeout: 30_000 });
      if (!phone) assert.equal(await page.getByTestId("approvals-month").inputValue(), month, "the page opens on last month");
      const mine = page.locator(`[data-testid="approvals-table"] tr[data-unit="${own.id}"]`);
      assert.equal(await page.locator('[data-testid="approvals-table"] tbody tr').count(), 1);
      assert.equal(await mine.getAttribute("data-state"), "none");
      assert.equal((await mine.getByTestId("approval-state").textContent()).trim(), "Chưa nộp");
      assert.deepEqual(await mine.locator("button[data-step]").evaluateAll((bs) => bs.map((b) => b.dataset.step)), ["submit"]);
      await mine.locator('button[data-step="submit"]').click();
      await page.waitForSelector(`[data-testid="approvals-table"] tr[data-unit="${own.id}"][data-state="submitted"]`, { timeout: 10_000 });
      assert.match(await page.getByTestId("approvals-note").textContent(), new RegExp(`Đã nộp số liệu ${monthText(month).toLowerCase()}`));
      assert.match(await mine.textContent(), new RegExp(people.commune.username.replace(/\./g, "\\.")));
      await shot("d-xa-nop");

      // The province: its own row and its communes; Duyệt and Trả lại on the commune's.
      await signIn(people.province, "/duyet-thang?p=" + month);
      await page.waitForSelector('main[data-ready="approvals"]', { timeout: 30_000 });
      // Her province first, then the month waiting for her, ahead of the communes that did not submit.
      const order = await page.locator('[data-testid="approvals-table"] tbody tr').evaluateAll((rs) => rs.slice(0, 3).map((r) => r.dataset.unit));
      assert.deepEqual(order.slice(0, 2), [laoCai.id, own.id], `rows: ${order}`);
      await page.getByTestId("approvals-filter").selectOption("submitted");
      await page.waitForFunction(() => document.querySelector('[data-testid="approvals-filter"]')?.value === "submitted");
      const row = page.locator(`[data-testid="approvals-table"] tr[data-unit="${own.id}"]`);
      await row.waitFor({ timeout: 10_000 });
      assert.equal(await row.getAttribute("data-state"), "submitted");
      assert.deepEqual(await row.locator("button[data-step]").evaluateAll((bs) => bs.map((b) => b.dataset.step)), ["approve", "return"]);
      if (phone) {
        await row.locator('button[data-step="return"]').click();
        const dialog = page.getByTestId("reason-dialog");
        await dialog.waitFor({ timeout: 5_000 });
        await page.getByTestId("reason-ok").click(); // no reason yet: asked for one
        assert.match(await page.getByTestId("reason-error").textContent(), /Vui lòng ghi rõ lý do/);
        await page.getByTestId("reason-input").fill(reason);
        await shot("d-tinh-tra-lai");
        await page.getByTestId("reason-ok").click();
        await dialog.waitFor({ state: "hidden", timeout: 10_000 });
      } else {
        await row.locator('button[data-step="approve"]').click();
      }
      await page.locator('[data-testid="approvals-note"] .alert-ok').waitFor({ timeout: 10_000 });
      const decided = phone ? "returned" : "approved";
      await page.getByTestId("approvals-filter").selectOption("");
      await page.waitForSelector(`[data-testid="approvals-table"] tr[data-unit="${own.id}"][data-state="${decided}"]`, { timeout: 10_000 });
      if (phone) assert.match(await row.getByTestId("approval-reason").textContent(), new RegExp(reason));
      else assert.deepEqual(await row.locator("button[data-step]").evaluateAll((bs) => bs.map((b) => b.dataset.step)), ["reopen"]);
      const stored = (await server.api("GET", `/approvals?unit=${own.id}&period=${month}`)).json.approvals[0];
      assert.equal(stored.state, decided);
      assert.equal(stored.decided_by, people.province.username);
      await row.scrollIntoViewIfNeeded();
      await shot(phone ? "d-tinh-da-tra-lai" : "d-tinh-duyet");

      // The commune signs in again: a notice above the page and a count on the menu entry.
      await signIn(people.commune, "/hoat-dong");
      const notice = page.locator(`[data-testid="notice"][data-period="${month}"]`);
      await notice.waitFor({ timeout: 15_000 });
      const expected = `${monthText(month)} của ${own.full_name.charAt(0).toLowerCase() + own.full_name.slice(1)} ${phone ? "đã bị trả lại: " + reason : "đã được duyệt."}`;
      assert.ok((await notice.textContent()).includes(expected), `notice: ${await notice.textContent()}; expected: ${expected}`);
      assert.equal(await notice.getAttribute("data-state"), decided);
      // The menu entry's count (the menu itself folds away on a phone).
      assert.equal((await page.getByTestId("notice-count").textContent()).trim(), "1");
      assert.equal(await page.getByTestId("notice-count").evaluate((b) => b.hidden), false);
      await shot("d-xa-thong-bao");
      // It stays on other pages until opened.
      await page.goto(server.base + "/ket-qua");
      await notice.waitFor({ timeout: 15_000 });
      await notice.getByTestId("notice-open").click();
      await page.waitForSelector('main[data-ready="approvals"]', { timeout: 30_000 });
      assert.equal(await page.getByTestId("approvals-month").inputValue(), month);
      assert.equal(await page.locator('[data-testid="notice"]').count(), 0, "the notice stays after being opened");
      assert.equal(await page.getByTestId("notice-count").evaluate((b) => b.hidden), true);
      const after = page.locator(`[data-testid="approvals-table"] tr[data-unit="${own.id}"]`);
      assert.equal(await after.getAttribute("data-state"), decided);
      // A returned month can be submitted again; an approved one cannot.
      assert.deepEqual(await after.locator("button[data-step]").evaluateAll((bs) => bs.map((b) => b.dataset.step)), phone ? ["submit"] : []);
      await shot("d-xa-da-xem");
      // Read on the server, not in this browser: with its storage emptied, as on another
      // computer, the notice stays read.
      await page.evaluate(() => {
        localStorage.clear();
        sessionStorage.clear();
      });
      await page.reload();
      await page.waitForSelector('main[data-ready="approvals"]', { timeout: 30_000 });
      assert.equal(await page.locator('[data-testid="notice"]').count(), 0, "an opened notice came back after a reload");
      const unread = await page.evaluate(async () => (await (await fetch("/api/v1/approvals/notices")).json()).notices);
      assert.deepEqual(unread, [], "the server still lists the opened notice as unread");
    });

    test("e. a citizen sends a 2,000-character letter with a contact and gets an answer or a hand-off", async () => {
      assert.equal(LETTER.length, 2000);
      await browser.context.clearCookies();
      await page.goto(server.base + "/hoi-dap");
      await page.waitForSelector('main[data-ready="1"]', { timeout: 30_000 });
      await page.waitForFunction(() => /Đăng nhập/.test(document.querySelector('[data-testid="userbox"]')?.textContent ?? ""));
      await page.getByTestId("chat-contact").fill(CONTACT);
      await page.getByTestId("chat-input").fill(LETTER);
      assert.equal((await page.getByTestId("chat-input").inputValue()).length, 2000, "the box cut the letter");
      const sent = page.waitForRequest((r) => r.url().endsWith("/api/v1/qa/ask") && r.method() === "POST");
      await page.getByTestId("chat-send").click();
      const body = (await sent).postDataJSON();
      assert.equal(body.question, LETTER);
      assert.equal(body.contact, CONTACT);
      await page.waitForSelector('[data-testid="chat-answer"], [data-testid="chat-handoff"], [data-testid="chat-error"]', { timeout: 20_000 });
      await page.waitForFunction(() => !document.querySelector('[data-testid="chat-log"] [role="status"]'), null, { timeout: 20_000 });
      assert.equal(await page.getByTestId("chat-error").count(), 0, await page.getByTestId("chat-log").textContent());
      assert.equal(await page.locator(".msg-user").last().textContent(), LETTER);
      const answered = await page.locator('[data-testid="chat-answer"][data-answered="true"]').count();
      const handedOff = await page.getByTestId("chat-handoff").count();
      assert.ok(answered + handedOff > 0, "the letter got neither an answer nor a hand-off");
      await shot("e-nguoi-dan-hoi");
    });

    test(`f. the ${phone ? "province officer" : "leader"} downloads the report as a Word document with its narrative`, async () => {
      const who = phone ? people.province : people.leader;
      await signIn(who, `/bao-cao?u=${laoCai.id}&p=2025`);
      await page.waitForSelector('main[data-ready="report"]', { timeout: 60_000 });
      const link = page.getByTestId("report-docx");
      assert.equal((await link.textContent()).trim(), "Tải văn bản Word (.docx)");
      const query = new URL(await link.getAttribute("href"), server.base).searchParams;
      assert.equal(query.get("unit"), laoCai.id);
      assert.equal(query.get("period"), "2025");
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), link.click()]);
      assert.match(download.suggestedFilename(), /^bao-cao-lao-cai-2025\.docx$/);
      const parts = readZip(fs.readFileSync(await download.path()));
      for (const name of ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/header1.xml"])
        assert.ok(parts.has(name), `the .docx has no ${name}: ${[...parts.keys()]}`);
      assert.match(parts.get("word/header1.xml").toString("utf8"), /w:instr=" PAGE "/);
      const paragraphs = docxParagraphs(parts.get("word/document.xml").toString("utf8"));
      // The narrative the server drafts for the same link, line by line, and the reform note.
      const report = await server.api("GET", "/reports?" + query.toString());
      assert.equal(report.status, 200, JSON.stringify(report.json));
      const lines = report.json.narrative.split("\n").filter(Boolean);
      assert.ok(lines.length > 0, "the report has no narrative");
      for (const line of lines) assert.ok(paragraphs.includes(line), `the .docx lacks the narrative's line: ${line}`);
      assert.ok(paragraphs.includes("BÁO CÁO"));
      assert.ok(report.json.reform_note, "a report of 2025 has a reform note");
      const reform = `Số liệu trước ngày sắp xếp đơn vị hành chính (01/07/2025) tính theo địa bàn hiện nay: ${report.json.reform_note}.`;
      assert.ok(paragraphs.includes(reform), "the .docx lacks the reform note");
      await page.getByTestId("report-narrative").scrollIntoViewIfNeeded();
      await shot("f-tai-van-ban-word");
    });

    test("g. a collaborator records an activity of her commune and is refused what is not hers to do", async () => {
      await signIn(people.collaborator, "/hoat-dong/moi");
      // No approvals page in her menu: collaborators neither submit nor decide months.
      await page.waitForSelector('[data-testid="sidenav"] a[href="/hoat-dong"]', { state: "attached", timeout: 10_000 });
      assert.equal(await page.locator('[data-testid="sidenav"] a[href="/duyet-thang"]').count(), 0, "a collaborator is offered the approvals page");
      // Nor the dashboard or the reports, which her role does not grant (the server's policy, /auth/me "may").
      for (const href of ["/", "/bao-cao"])
        assert.equal(await page.locator(`[data-testid="sidenav"] a[href="${href}"]`).count(), 0, `a collaborator is offered ${href}`);
      // Her landing page is the activities list, not the dashboard's refusal.
      await page.goto(server.base + "/");
      await page.waitForURL(/\/hoat-dong(\?|$)/, { timeout: 10_000 });
      await page.goto(server.base + "/hoat-dong/moi");
      const title = `Tuyên truyền BHXH tự nguyện tại chợ phiên (${run}, cộng tác viên)`;
      await enterConference(own, day, title, 30);
      await page.waitForURL(/\/hoat-dong\/\d+/, { timeout: 10_000 });
      await page.getByTestId("act-saved").waitFor({ timeout: 10_000 });
      const saved = (await activitiesOn(own.id, day)).find((a) => a.title === title);
      assert.ok(saved, "her activity was not saved");
      assert.equal(saved.figures.attendees, 30);
      await shot("g-ctv-nhap");

      // Importing a file is not hers: refused in words, nothing written.
      await page.goto(server.base + "/hoat-dong");
      await page.waitForSelector('main[data-ready="list"]', { timeout: 30_000 });
      const fileTitle = `Hội nghị từ tệp của cộng tác viên (${run})`;
      const csv = ["Ngày,Đơn vị,Loại hoạt động,Tên hoạt động,Số hội nghị,Số người tham dự", `${viDate(day)},${own.id},conference,${fileTitle},1,20`].join("\r\n");
      await page.getByTestId("import-file").setInputFiles({ name: `ctv-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await page.getByTestId("importer").locator('button[type="submit"]').click();
      const importRefusal = page.locator('[data-testid="import-result"] [data-testid="refusal"]');
      await importRefusal.waitFor({ timeout: 15_000 });
      assert.match(await importRefusal.textContent(), /Vai trò Cộng tác viên không được phép thực hiện thao tác này/);
      assert.ok(!(await activitiesOn(own.id, day)).some((a) => a.title === fileTitle), "the collaborator's file was imported");
      await importRefusal.scrollIntoViewIfNeeded();
      await shot("g-ctv-khong-nhap-tep");

      // The report is not hers either: a refusal, not an empty report.
      await page.goto(server.base + "/bao-cao");
      const reportRefusal = page.locator('[data-testid="report"] [data-testid="refusal"]');
      await reportRefusal.waitFor({ timeout: 30_000 });
      assert.match(await reportRefusal.textContent(), /Vai trò Cộng tác viên không được phép thực hiện thao tác này/);
      await shot("g-ctv-khong-xem-bao-cao");

      // Submitting the month and writing for the neighbouring commune, sent as hand-made requests
      // of her session, are refused in Vietnamese and change nothing.
      const month3 = monthBefore(3);
      const other = `Hoạt động của xã bên (cộng tác viên, ${run})`;
      const refused = await page.evaluate(
        async ({ own, neighbour, month, day, other }) => {
          const me = await (await fetch("/api/v1/auth/me")).json();
          const send = async (path, body) => {
            const headers = { "Content-Type": "application/json", "X-CSRF-Token": me.csrf_token };
            const r = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
            return { status: r.status, body: await r.json() };
          };
          return {
            submit: await send("/api/v1/approvals/submit", { unit_id: own, period: month }),
            neighbour: await send("/api/v1/activities", {
              reporting_unit: neighbour,
              place: neighbour,
              date_from: day,
              kind: "conference",
              title: other,
              figures: { events: 1, attendees: 10 },
            }),
          };
        },
        { own: own.id, neighbour: neighbour.id, month: month3, day, other },
      );
      assert.equal(refused.submit.status, 403, JSON.stringify(refused.submit.body));
      assert.equal(refused.submit.body.error.message, "Cộng tác viên không gửi phê duyệt kỳ báo cáo; đề nghị cán bộ xã thực hiện.");
      assert.equal((await server.api("GET", `/approvals?unit=${own.id}&period=${month3}`)).json.approvals.length, 0, "her submission was stored");
      assert.equal(refused.neighbour.status, 403, JSON.stringify(refused.neighbour.body));
      assert.match(refused.neighbour.body.error.message, new RegExp(`chỉ được thao tác trong phạm vi xã ${own.name}; xã ${neighbour.name} nằm ngoài phạm vi này`));
      assert.ok(!(await activitiesOn(neighbour.id, day)).some((a) => a.title === other), "the neighbour's activity was saved");
    });
  });
}
