// components/importer.ts — import a CSV or XLSX file: upload it (POST /api/v1/imports, field
// "file", answered 202 with an id) showing how much has been sent, follow the server's progress
// (GET /api/v1/imports/{id}) on the same bar, then show either what was written or, when the
// file is refused, every bad row and column. The server writes a file whole or not at all, so a
// refusal saves nothing.
import { ApiError, get, upload } from "../api";
import { h, uid, clear } from "../dom";
import { num } from "../format";
import { errorBox, okBox } from "./ui";

interface ImportRowError {
  row?: number;
  column?: string;
  field?: string;
  message: string;
}
export interface ImportState {
  id: string | number;
  state: string;
  rows_total?: number;
  rows_done?: number;
  phase?: string; // "checking" | "writing"
  rows_to_write?: number;
  rows_written?: number;
  errors?: ImportRowError[];
  inserted?: number;
  skipped?: number;
  message?: string;
}

const finished = new Set(["done", "finished", "completed", "succeeded", "success", "ok"]);
const refused = new Set(["failed", "refused", "rejected", "error", "invalid"]);

// Shares of the bar: sending the file (tens of megabytes take a while on a commune's line),
// checking every row, and writing (only when no row failed), which takes the rest.
const uploadShare = 0.2;
const checkingShare = 0.25;

// `upload` replaces the default POST /api/v1/imports for endpoints that import synchronously; it
// returns the final state directly, telling `onSent` how much of the file has gone.
export function importer(opts: {
  title?: string;
  kind?: string;
  extra?: Record<string, string>;
  onDone?: () => void;
  upload?: (f: File, onSent: (sent: number, total: number) => void) => Promise<ImportState>;
}): HTMLElement {
  const fileId = uid("file");
  const input = h("input", {
    id: fileId,
    type: "file",
    accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "data-testid": "import-file",
  });
  const bar = h("div", { style: { width: "0%" } });
  const progress = h(
    "div",
    {
      class: "progress",
      role: "progressbar",
      "aria-valuemin": "0",
      "aria-valuemax": "100",
      "aria-valuenow": "0",
      "aria-label": "Tiến độ nhập tệp",
      hidden: true,
    },
    bar,
  );
  const statusLine = h("div", { class: "small muted", "aria-live": "polite" });
  const result = h("div", { "data-testid": "import-result" });
  const button = h("button", { type: "submit" }, "Tải lên và kiểm tra");

  function setBar(p: number) {
    bar.style.width = p + "%";
    progress.setAttribute("aria-valuenow", String(p));
  }
  function onSent(sent: number, total: number) {
    const p = Math.round(100 * uploadShare * (total > 0 ? Math.min(1, sent / total) : 0));
    setBar(p);
    const mb = (n: number) => (n / 1048576).toLocaleString("vi-VN", { maximumFractionDigits: 1 });
    statusLine.textContent = sent < total ? `Đang tải tệp lên: ${mb(sent)}/${mb(total)} MB (${p}%)` : "Đã tải lên; máy chủ đang đọc tệp…";
  }
  function setProgress(done: number, total: number, writing = false) {
    const part = total > 0 ? Math.min(1, done / total) : 0;
    const before = uploadShare + (writing ? checkingShare : 0);
    const share = writing ? 1 - uploadShare - checkingShare : checkingShare;
    const p = Math.round(100 * (before + share * part));
    setBar(p);
    if (total <= 0) statusLine.textContent = "Máy chủ đang đọc tệp…";
    else statusLine.textContent = `${writing ? "Đang ghi" : "Đang kiểm tra"} ${num(done)}/${num(total)} dòng (${p}%)`;
  }

  function showErrors(errors: ImportRowError[], message?: string) {
    clear(
      result,
      h(
        "div",
        { class: "alert alert-error", role: "alert" },
        h("strong", null, message ?? `Tệp bị từ chối: có ${num(errors.length)} lỗi. Không dòng nào được ghi; hãy sửa các dòng dưới đây rồi nhập lại.`),
      ),
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { "data-testid": "import-errors" },
          h("thead", null, h("tr", null, h("th", { class: "num" }, "Dòng"), h("th", null, "Cột"), h("th", null, "Lỗi"))),
          h(
            "tbody",
            null,
            ...errors.map((e) =>
              h(
                "tr",
                { "data-row": e.row ?? "" },
                h("td", { class: "num" }, e.row ? num(e.row) : "—"),
                h("td", null, e.column ?? e.field ?? "—"),
                h("td", null, e.message),
              ),
            ),
          ),
        ),
      ),
    );
  }

  async function follow(id: string | number, first?: ImportState) {
    for (let s = first; ; s = undefined) {
      s ??= await get<ImportState>("/imports/" + encodeURIComponent(String(id)));
      if (s.phase === "writing") setProgress(s.rows_written ?? 0, s.rows_to_write ?? 0, true);
      else setProgress(s.rows_done ?? 0, s.rows_total ?? 0);
      const st = (s.state ?? "").toLowerCase();
      // Imports run one at a time on the server; the others wait their turn.
      if (st === "queued") statusLine.textContent = "Đang chờ đến lượt: máy chủ đang nhập tệp khác…";
      if (finished.has(st) && !s.errors?.length) {
        setBar(100);
        statusLine.textContent = `Hoàn tất: đã kiểm tra và ghi ${num(s.rows_total ?? (s.inserted ?? 0) + (s.skipped ?? 0))} dòng.`;
        clear(result, okBox(`Đã nhập ${num(s.inserted ?? 0)} dòng${s.skipped ? `, bỏ qua ${num(s.skipped)} dòng trùng` : ""}.`));
        opts.onDone?.();
        return;
      }
      if (refused.has(st) || (finished.has(st) && s.errors?.length)) {
        // The bar stops where checking stopped, marked as refused, so that it no longer reads as
        // work in progress.
        progress.classList.add("refused");
        statusLine.textContent = `Đã kiểm tra ${num(s.rows_done ?? 0)}/${num(s.rows_total ?? 0)} dòng: tệp bị từ chối, không dòng nào được ghi.`;
        showErrors(s.errors ?? [], s.message);
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    const f = input.files?.[0];
    if (!f) {
      clear(result, errorBox(new ApiError(0, "no_file", "Hãy chọn một tệp CSV hoặc XLSX.")));
      input.focus();
      return;
    }
    button.disabled = true;
    progress.hidden = false;
    progress.classList.remove("refused");
    onSent(0, f.size);
    clear(result);
    try {
      if (opts.upload) {
        const done = await opts.upload(f, onSent);
        await follow(done.id, done);
        return;
      }
      const fd = new FormData();
      fd.append("file", f, f.name);
      if (opts.kind) fd.append("kind", opts.kind);
      for (const [k, v] of Object.entries(opts.extra ?? {})) fd.append(k, v);
      const started = await upload<{ id: string | number }>("/imports", fd, onSent, opts.kind ? { kind: opts.kind } : undefined);
      await follow(started.id);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length && err.fields.some((x) => x.row)) showErrors(err.fields, err.message);
      else clear(result, errorBox(err));
    } finally {
      button.disabled = false;
    }
  }

  return h(
    "form",
    { class: "importer", onsubmit: submit, "data-testid": "importer" },
    h(
      "div",
      { class: "row" },
      h("div", { class: "field", style: { flex: "1 1 260px" } }, h("label", { for: fileId }, opts.title ?? "Tệp CSV hoặc Excel (.xlsx)"), input),
      button,
    ),
    h("div", { style: { marginTop: "10px" } }, progress, statusLine),
    result,
  );
}
