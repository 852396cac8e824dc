// bench/duckdb_baseline.mjs — DuckDB's side of bench/analytics_bench.cpp, run by it as another
// process: loads the facts the bench wrote as CSV into an in-memory DuckDB, answers the bench's
// SQL queries warmed and timed as the cube and SQLite are (one untimed pass, then the same
// rounds), and prints JSON on stdout: each query's answer and per-round latency, the load time,
// and this process's peak resident memory.
//
//   node duckdb_baseline.mjs WEB_DIR            loads @duckdb/node-api and prints its version
//   node duckdb_baseline.mjs WEB_DIR JOB_DIR    JOB_DIR holds f.csv, d.csv and queries.json
//
// @duckdb/node-api is a devDependency of web/ (web/package.json), so it is resolved from WEB_DIR,
// not from this file's folder. Exit status 3: it is not installed (the bench then skips DuckDB).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

// A line of /proc/self/status ("VmHWM", "VmRSS") in kB.
function statusKb(field) {
  const m = readFileSync("/proc/self/status", "utf8").match(
    new RegExp(`^${field}:\\s+(\\d+)`, "m"),
  );
  return m ? Number(m[1]) : -1;
}

const [webDir, jobDir] = process.argv.slice(2).map((p) => resolve(p));
if (!webDir) {
  console.error("usage: node duckdb_baseline.mjs WEB_DIR [JOB_DIR]");
  process.exit(2);
}
const rssAtStart = statusKb("VmRSS");
let duckdb;
try {
  const resolved = createRequire(join(webDir, "package.json")).resolve(
    "@duckdb/node-api",
  );
  duckdb = await import(pathToFileURL(resolved).href);
} catch (e) {
  console.error(
    `Không nạp được @duckdb/node-api từ ${webDir}/node_modules (cd web && npm install): ${e.message}`,
  );
  process.exit(3);
}

const instance = await duckdb.DuckDBInstance.create(":memory:");
const conn = await instance.connect();
const info = (
  await conn.runAndReadAll("SELECT version(), current_setting('threads')")
).getRowsJS()[0];
if (!jobDir) {
  console.log(JSON.stringify({ version: info[0], threads: Number(info[1]) }));
  process.exit(0);
}

// The tables of the SQLite side, same columns, loaded as a data engineer would: read_csv, then
// ordered by month so that DuckDB's zone maps skip the months a query does not ask for (its
// counterpart of the indexes SQLite is given).
const job = JSON.parse(readFileSync(join(jobDir, "queries.json"), "utf8"));
const csv = (name) => join(jobDir, name).replaceAll("'", "''");
const t0 = performance.now();
await conn.run(
  `CREATE TABLE f AS SELECT * FROM read_csv('${csv("f.csv")}', header = false, columns = {
     'fact': 'INTEGER', 'com': 'INTEGER', 'prov': 'INTEGER', 'month': 'INTEGER',
     'kind': 'INTEGER', 'figure': 'VARCHAR', 'value': 'BIGINT'}) ORDER BY month, prov`,
);
await conn.run(
  `CREATE TABLE d AS SELECT * FROM read_csv('${csv("d.csv")}', header = false, columns = {
     'fact': 'INTEGER', 'dim': 'INTEGER', 'val': 'VARCHAR'})`,
);
const loadMs = performance.now() - t0;
const counted = (
  await conn.runAndReadAll(
    "SELECT (SELECT count(*) FROM f), (SELECT count(*) FROM d)",
  )
).getRowsJS()[0];

// One query of the bench: its total, and its rows by key when it groups.
async function answer(q) {
  const total = (await conn.runAndReadAll(q.total)).getRowsJS()[0][0];
  const rows = q.group ? (await conn.runAndReadAll(q.group)).getRowsJS() : [];
  return { total, rows };
}

for (const q of job.queries) await answer(q); // warm-up, untimed
const times = job.queries.map(() => []);
let answers = [];
for (let r = 0; r < job.rounds; ++r) {
  answers = [];
  for (const [i, q] of job.queries.entries()) {
    const t = performance.now();
    answers.push(await answer(q));
    times[i].push(performance.now() - t);
  }
}

console.log(
  JSON.stringify({
    version: info[0],
    threads: Number(info[1]),
    load_ms: loadMs,
    f_rows: Number(counted[0]),
    d_rows: Number(counted[1]),
    rss_at_start_kb: rssAtStart,
    peak_kb: statusKb("VmHWM"),
    queries: answers.map((a, i) => ({
      total: Number(a.total ?? 0),
      rows: a.rows.map(([k, v]) => [String(k), Number(v ?? 0)]),
      ms: times[i],
    })),
  }),
);
