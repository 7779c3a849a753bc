// Measures the release app (dist/) in headless Chromium beside an ECharts page that draws the
// same chart, at the five bundled plans and at national scale (832 counties), and records the
// results in bench/results.json and docs/PERFORMANCE.md. Exits non-zero when a budget is missed
// (after writing both). Run through bench/run, which builds the app first.
//
// Environment: BENCH_RUNS (repetitions of a load, default 15; interactions 4 times as many), BENCH_DIST (the built app, default dist/),
// CHROMIUM (browser binary). `node bench/bench.mjs --check-dist` only checks the built app.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve, CHROMIUM_ARGS, ROOT } from "../tests/e2e/harness.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, "out");
const RESULTS = path.join(HERE, "results.json");
const DOC = path.join(ROOT, "docs", "PERFORMANCE.md");
const DIST = path.resolve(ROOT, process.env.BENCH_DIST || "dist");
const RUNS = Number.parseInt(process.env.BENCH_RUNS || "15", 10);
// Interactions are cheap, so each is repeated more often than loads: with 15 samples the
// nearest-rank p95 is simply the slowest one; with 60 it is a percentile.
const INTERACTIONS = Math.max(4 * RUNS, 40);
// Interactions are repeated after this many unrecorded ones: the first edit creates the scenario.
const WARMUP = 2;
const WORKSPACE_KEY = "plan-explorer:workspace";
const DATASET_KEY = "plan-explorer:dataset";
const BIG_PLANS = 832;
const BIG_PROJECTS = 20_000;
const BIG_PLAN_ID = "c0001";
const BIG_FILE = "bench-dataset-832.json";

/** Budgets: bytes in bytes (1 kB = 1,000 bytes), times in ms. */
const BUDGETS = {
  first_load_gzip_bytes: 250_000,
  edit_to_chart_ms_p95: 16,
  edit_to_chart_ms_p95_832: 50,
};

// What "the chart is drawn" means on each page: the app's exits chart has its first rect (it is
// inserted whole, bars included); ECharts has all five bars of its series (filled paths).
const READY_OURS = { selector: "#chart-exits svg rect", min: 1 };
const READY_ECHARTS = { selector: '#chart svg path[fill="#0072B2"], #chart svg path[fill="#E69F00"]', min: 5 };

if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`BENCH_RUNS must be a positive integer, got "${process.env.BENCH_RUNS}"`);
  process.exit(2);
}

// ---------------------------------------------------------------- statistics

function median(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile: with 15 runs, p95 is the slowest but none (the 15th value). */
function percentile(xs, p) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const round = (x, digits = 1) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));
const stats = (xs) => ({ p50: round(median(xs), 2), p95: round(percentile(xs, 95), 2), n: xs.length });
const ratio = (a, b) => (a === null || b === null || b === 0 ? null : round(a / b, 3));

// ---------------------------------------------------------------- sites

/** Whether the build is whole: every file index.html names with an integrity hash has that
 * hash, and the wasm is a valid module. Builds sharing one target dir can leave a wasm of zeros
 * (with a matching hash); that fails here instead of timing out later. */
function checkDist() {
  const index = path.join(DIST, "index.html");
  if (!fs.existsSync(index)) return `no ${path.relative(ROOT, index)}: run ./scripts/build (bench/run does)`;
  const html = fs.readFileSync(index, "utf8");
  const refs = [...html.matchAll(/<link[^>]*?href="\.\/([^"]+)"[^>]*?integrity="sha384-([^"]+)"/g)];
  if (!refs.some(([, f]) => f.endsWith(".wasm"))) return "index.html names no wasm file";
  for (const [, file, hash] of refs) {
    const full = path.join(DIST, file);
    if (!fs.existsSync(full)) return `${file} is missing`;
    const actual = crypto.createHash("sha384").update(fs.readFileSync(full)).digest("base64");
    if (actual !== hash) return `${file} does not match its integrity hash (overwritten by another build?)`;
    if (file.endsWith(".wasm") && !WebAssembly.validate(fs.readFileSync(full))) return `${file} is not a valid wasm module (a build raced with another?)`;
  }
  return null;
}

/** A directory served as one origin: dist/ at /, the ECharts page under /echarts/. */
function assembleSite(name, datasetFile) {
  const dir = path.join(OUT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(DIST, dir, { recursive: true });
  const echarts = path.join(dir, "echarts");
  fs.mkdirSync(echarts);
  for (const f of ["index.html", "chart.js"]) fs.copyFileSync(path.join(HERE, "echarts", f), path.join(echarts, f));
  fs.copyFileSync(path.join(HERE, "node_modules", "echarts", "dist", "echarts.min.js"), path.join(echarts, "echarts.min.js"));
  fs.copyFileSync(path.join(ROOT, "public", "favicon.svg"), path.join(echarts, "favicon.svg"));
  if (datasetFile) {
    // The same fetch + validate path as the bundled dataset: the big file *is* data/plans.json.
    fs.copyFileSync(datasetFile, path.join(dir, "data", "plans.json"));
  }
  return dir;
}

function generateBigDataset() {
  const file = path.join(OUT, `plans-${BIG_PLANS}.json`);
  const r = spawnSync("python3", [path.join(HERE, "gen_dataset.py"), file, "--counties", String(BIG_PLANS), "--projects", String(BIG_PROJECTS)], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("gen_dataset.py failed");
  return file;
}

// ---------------------------------------------------------------- compressed sizes

const hasBrotliCli = spawnSync("brotli", ["--version"]).status === 0;
const sizeCache = new Map();

function compressedSizes(file) {
  const st = fs.statSync(file);
  const key = `${file}:${st.size}:${st.mtimeMs}`;
  if (!sizeCache.has(key)) sizeCache.set(key, compress(file));
  return sizeCache.get(key);
}

function compress(file) {
  const gz = spawnSync("gzip", ["-9", "-c", file], { maxBuffer: 1 << 30 });
  if (gz.status !== 0) throw new Error(`gzip failed on ${file}`);
  let br;
  if (hasBrotliCli) {
    const r = spawnSync("brotli", ["-q", "11", "-c", file], { maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`brotli failed on ${file}`);
    br = r.stdout.length;
  } else {
    // Same library as the CLI (Node bundles Google's brotli), at the CLI's default settings.
    const body = fs.readFileSync(file);
    br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length;
  }
  return { raw: fs.statSync(file).size, gzip: gz.stdout.length, brotli: br };
}

/** The files a load transferred (from the server's log), with their compressed sizes. */
function transferred(siteDir, requests) {
  const files = [];
  for (const pathname of new Set(requests)) {
    let file = path.join(siteDir, decodeURIComponent(pathname));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) continue; // a 404 transfers no file
    files.push({ path: pathname, ...compressedSizes(file) });
  }
  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  return { files, raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") };
}

// ---------------------------------------------------------------- browser

/** Runs in every page before its own scripts: records storage writes, the wasm instance, the
 * moment the chart is in the DOM, and offers `measure` for interactions. */
function instrument(ready) {
  const b = (window.__bench = { saves: [], firstChart: null, firstChartPainted: null, exports: null });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const t0 = performance.now();
    let ok = false;
    try {
      const r = setItem.call(this, key, value);
      ok = true;
      return r;
    } finally {
      b.saves.push({ key: String(key), chars: String(value).length, ms: performance.now() - t0, ok });
    }
  };
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const f = WebAssembly[name];
    if (!f) continue;
    WebAssembly[name] = function (...args) {
      return f.apply(this, args).then((r) => {
        // The module that owns the memory: parts fetched later import it rather than export it.
        const exports = (r.instance || r).exports;
        if (exports.memory) b.exports = exports;
        return r;
      });
    };
  }
  // A message posted now is handled after the current frame's rendering (style, layout, paint).
  b.afterFrame = (cb) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(null);
  };
  if (ready) {
    const seen = () => document.querySelectorAll(ready.selector).length >= ready.min;
    const mo = new MutationObserver(() => {
      if (b.firstChart !== null || !seen()) return;
      b.firstChart = performance.now();
      mo.disconnect();
      requestAnimationFrame(() => b.afterFrame((t) => (b.firstChartPainted = t)));
    });
    mo.observe(document, { childList: true, subtree: true });
  }
  // Times `act` (run at the start of a frame, as the browser handles input) until `done()` holds
  // and the frame showing it has been rendered. dom_ms: until the DOM holds the change.
  b.measure = (act, done) =>
    new Promise((resolve, reject) => {
      let t0 = null, tDom = null, inFrame = false, finished = false;
      const finish = (t) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        mo.disconnect();
        resolve({ dom_ms: tDom - t0, ms: t - t0 });
      };
      const check = () => {
        if (t0 === null || tDom !== null || !done()) return;
        tDom = performance.now();
        mo.disconnect();
        // Changed within this frame's script phase: this frame renders it. Otherwise the next.
        if (!inFrame) requestAnimationFrame(() => b.afterFrame(finish));
      };
      const mo = new MutationObserver(check);
      mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      const timer = setTimeout(() => {
        mo.disconnect();
        reject(new Error("no change within 20 s"));
      }, 20000);
      requestAnimationFrame(() => {
        inFrame = true;
        b.afterFrame((t) => {
          inFrame = false;
          if (tDom !== null) finish(t);
        });
        t0 = performance.now();
        act();
        check();
      });
    });
}

async function launch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-bench-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [...CHROMIUM_ARGS, "--enable-precise-memory-info"],
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
  });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  // A page error (a wasm that fails to compile, say) ends the wait for the chart at once.
  let fail;
  const failed = new Promise((_, reject) => (fail = reject));
  failed.catch(() => {});
  page.on("pageerror", (e) => {
    errors.push(String(e));
    fail(new Error(`page error: ${e}`));
  });
  const waitForChart = (timeout = 120000) =>
    Promise.race([page.waitForFunction(() => window.__bench.firstChartPainted !== null, null, { timeout, polling: 50 }), failed]);
  return {
    context, page, errors, waitForChart,
    close: async () => {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function browserVersion() {
  const b = await launch();
  try {
    const cdp = await b.context.newCDPSession(b.page);
    return (await cdp.send("Browser.getVersion")).product;
  } finally {
    await b.close();
  }
}

async function failIfLoadError(page, errors) {
  const problem = await page.evaluate(() => document.querySelector("#load-error")?.innerText ?? null);
  if (problem) throw new Error(`the app refused the dataset: ${problem}`);
  if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
}

/** Heap after load: a forced collection first, so the figure is what the page keeps. */
async function heap(b) {
  await b.page.waitForTimeout(1000);
  const cdp = await b.context.newCDPSession(b.page);
  await cdp.send("HeapProfiler.collectGarbage");
  return b.page.evaluate(() => ({
    js: performance.memory.usedJSHeapSize,
    wasm: window.__bench.exports?.memory?.buffer?.byteLength ?? null,
  }));
}

/** One first load in a fresh profile: time to first chart, what was transferred, heap, and the
 * copy of the dataset the app writes to storage. */
async function firstLoad(server, siteDir, url, ready, { withBytes = true } = {}) {
  const b = await launch();
  try {
    await b.page.addInitScript(instrument, ready);
    server.requests.length = 0;
    await b.page.goto(url);
    await b.waitForChart();
    const t = await b.page.evaluate(() => ({ dom: window.__bench.firstChart, painted: window.__bench.firstChartPainted }));
    const result = { first_chart_ms: t.dom, first_chart_painted_ms: t.painted };
    if (ready === READY_OURS) await failIfLoadError(b.page, b.errors);
    result.heap = await heap(b);
    // What the load transferred, counted once the page has been idle a second (heap() waits):
    // files asked for just after the chart (the service worker's script) count too.
    result.requests = [...server.requests];
    result.dataset_copy = await b.page.evaluate((key) => window.__bench.saves.find((s) => s.key === key) ?? null, DATASET_KEY);
    if (withBytes) result.bytes = transferred(siteDir, result.requests);
    return result;
  } finally {
    await b.close();
  }
}

async function workspaceSaves(page) {
  return page.evaluate((key) => window.__bench.saves.filter((s) => s.key === key), WORKSPACE_KEY);
}

/** Edits the 2018 people target `count` times (alternating values, so the chart always changes);
 * per edit: time to the redrawn "people still poor" chart, and the storage write that follows. */
async function measureEdits(page, count) {
  const sel = 'input[data-year="2018"][data-measure="people"]';
  const base = Number(await page.locator(sel).inputValue());
  const values = [Math.round(base * 0.5), Math.round(base * 0.75)];
  const edits = [], doms = [], saves = [];
  for (let i = 0; i < count + WARMUP; i++) {
    const before = (await workspaceSaves(page)).length;
    const r = await page.evaluate(
      ({ sel, value }) => {
        const old = document.querySelector("#chart-remaining svg")?.outerHTML;
        return window.__bench.measure(
          () => {
            const input = document.querySelector(sel);
            input.value = String(value);
            input.dispatchEvent(new Event("change", { bubbles: true }));
          },
          () => {
            // Done when the chart's drawing differs (the app may redraw inside the same <svg>).
            const svg = document.querySelector("#chart-remaining svg");
            return svg !== null && svg.outerHTML !== old;
          },
        );
      },
      { sel, value: values[i % 2] },
    );
    // The app saves 300 ms after the last edit; wait for that write before the next edit.
    await page.waitForFunction(({ key, n }) => window.__bench.saves.filter((s) => s.key === key).length > n, { key: WORKSPACE_KEY, n: before }, { timeout: 5000, polling: 20 });
    const written = (await workspaceSaves(page)).slice(before);
    if (i < WARMUP) continue;
    edits.push(r.ms);
    doms.push(r.dom_ms);
    saves.push(...written.map((s) => s.ms));
  }
  return { edits, doms, saves };
}

/** Clicks between two plans; time until the new plan's name and chart are shown. */
async function measurePlanSwitch(page, ids, count) {
  const times = [];
  for (let i = 0; i < count + WARMUP; i++) {
    const to = ids[(i + 1) % 2];
    const r = await page.evaluate((to) => {
      const oldName = document.querySelector("#plan-name")?.textContent;
      const oldSvg = document.querySelector("#chart-exits svg")?.outerHTML;
      return window.__bench.measure(
        () => document.querySelector(`#plan-${to}`).click(),
        () => {
          const name = document.querySelector("#plan-name");
          const svg = document.querySelector("#chart-exits svg");
          return name !== null && name.textContent !== oldName && svg !== null && svg.outerHTML !== oldSvg;
        },
      );
    }, to);
    if (i >= WARMUP) times.push(r.ms);
  }
  return times;
}

/** Switching scenarios of one plan with `#scenario-select` (cycling through its options: the
 * printed plan and the scenario the edits made differ, so the chart changes every time). */
async function measureScenarioSwitch(page, count) {
  const options = await page.locator("#scenario-select option").count().catch(() => 0);
  if (options < 2) {
    const why = options ? "#scenario-select offers fewer than two scenarios" : "the app has no #scenario-select (one scenario per plan)";
    return { times: null, note: `not measured: ${why}` };
  }
  const times = [];
  for (let i = 0; i < count + WARMUP; i++) {
    const r = await page.evaluate((i) => {
      const select = document.querySelector("#scenario-select");
      const old = document.querySelector("#chart-exits svg")?.outerHTML;
      const next = select.options[(select.selectedIndex + 1) % select.options.length].value;
      return window.__bench.measure(
        () => {
          select.value = next;
          select.dispatchEvent(new Event("change", { bubbles: true }));
        },
        () => {
          const svg = document.querySelector("#chart-exits svg");
          return svg !== null && svg.outerHTML !== old;
        },
      );
    }, i);
    if (i >= WARMUP) times.push(r.ms);
  }
  return { times, note: null };
}

/** A session on one plan: edits, saves, plan switches, scenario switches. */
async function interactions(url, planId, otherPlanId, count) {
  const b = await launch();
  try {
    await b.page.addInitScript(instrument, READY_OURS);
    await b.page.goto(`${url}#v1/plan/${planId}`);
    await b.waitForChart();
    await failIfLoadError(b.page, b.errors);
    // The editor's code comes when its section is about to be seen, as a reader scrolls down;
    // then back to the top, so the charts an edit redraws are on screen.
    await b.page.locator(".plan-page .below").scrollIntoViewIfNeeded();
    await b.page.waitForSelector('input[data-year="2018"][data-measure="people"]', { timeout: 60000 });
    await b.page.evaluate(() => window.scrollTo(0, 0));
    const edits = await measureEdits(b.page, count);
    // Before the plan switches: the edits made a scenario of this plan to switch to.
    const scenario = await measureScenarioSwitch(b.page, count);
    const switches = otherPlanId ? await measurePlanSwitch(b.page, [planId, otherPlanId], count) : null;
    if (b.errors.length) throw new Error(`page errors: ${b.errors.join("; ")}`);
    return { ...edits, switches, scenario };
  } finally {
    await b.close();
  }
}

/** The big dataset through the app's import control: in-page, from choosing the file to the
 * first imported plan's chart. */
async function importLoad(url, bigUrl) {
  const b = await launch();
  try {
    await b.page.addInitScript(instrument, READY_OURS);
    await b.page.goto(url);
    await b.waitForChart();
    const r = await b.page.evaluate(
      async ({ bigUrl, id }) => {
        const text = await (await fetch(bigUrl)).text();
        const input = document.querySelector("#import-file");
        const dt = new DataTransfer();
        dt.items.add(new File([text], "plans-832.json", { type: "application/json" }));
        const old = document.querySelector("#chart-exits svg")?.outerHTML;
        return window.__bench.measure(
          () => {
            input.files = dt.files;
            input.dispatchEvent(new Event("change", { bubbles: true }));
          },
          () => {
            const svg = document.querySelector("#chart-exits svg");
            // The imported plan is the one shown (its page carries its id).
            return document.querySelector(`article[data-plan="${id}"]`) !== null && svg !== null && svg.outerHTML !== old;
          },
        );
      },
      { bigUrl, id: BIG_PLAN_ID },
    );
    await failIfLoadError(b.page, b.errors);
    const dataset_copy = await b.page.evaluate((key) => window.__bench.saves.filter((s) => s.key === key).at(-1) ?? null, DATASET_KEY);
    return { first_chart_ms: r.dom_ms, first_chart_painted_ms: r.ms, heap: await heap(b), dataset_copy };
  } finally {
    await b.close();
  }
}

async function hasImport(url) {
  const b = await launch();
  try {
    await b.page.goto(url);
    await b.page.waitForSelector("#plan-name", { timeout: 60000 });
    return (await b.page.locator("#import-file").count()) > 0;
  } finally {
    await b.close();
  }
}

// ---------------------------------------------------------------- report

const kB = (bytes) => (bytes === null ? "—" : (bytes / 1000).toFixed(1));
const ms = (x) => (x === null || x === undefined ? "—" : x.toFixed(1));
const mb = (x) => (x === null || x === undefined ? "—" : x.toFixed(1));
const pass = (ok) => (ok === null ? "—" : ok ? "pass" : "FAIL");

function table(header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
  const line = (r) => "| " + r.map((c, i) => c + " ".repeat(widths[i] - [...c].length)).join(" | ") + " |";
  return [line(cells[0]), "| " + widths.map((w) => "-".repeat(w)).join(" | ") + " |", ...cells.slice(1).map(line)].join("\n");
}

function summaryTables(r) {
  const v = r.verdicts;
  const main = table(
    ["measure", "ours", "ECharts", "ours / ECharts", "budget", "verdict"],
    [
      ["first load, gzip -9 (kB)", kB(r.first_load_gzip_bytes), kB(r.echarts.first_load_gzip_bytes), r.ratios.first_load_gzip ?? "—", "≤ 250", pass(v.first_load_gzip.pass)],
      ["first load, brotli -q 11 (kB)", kB(r.first_load_brotli_bytes), kB(r.echarts.first_load_brotli_bytes), r.ratios.first_load_brotli ?? "—", "", ""],
      [`parts fetched when first shown, gzip -9 (kB, ${r.later_parts_files} files)`, kB(r.later_parts_gzip_bytes), "", "", "", ""],
      ["first chart in DOM, p50 (ms)", ms(r.first_chart_ms_p50), ms(r.echarts_first_chart_ms_p50), r.ratios.first_chart_p50 ?? "—", "≤ ECharts", pass(v.first_chart_vs_echarts.pass)],
      ["first chart in DOM, p95 (ms)", ms(r.first_chart_ms_p95), ms(r.echarts_first_chart_ms_p95), r.ratios.first_chart_p95 ?? "—", "", ""],
      ["first chart painted, p50 (ms)", ms(r.first_chart_painted_ms_p50), ms(r.echarts_first_chart_painted_ms_p50), r.ratios.first_chart_painted_p50 ?? "—", "", ""],
      ["JS heap after load (MB)", mb(r.heap_mb), mb(r.echarts.heap_mb), r.ratios.heap ?? "—", "", ""],
      ["JS heap + wasm memory (MB)", mb(r.memory_mb), mb(r.echarts.heap_mb), r.ratios.memory ?? "—", "", ""],
      ["edit → chart painted, p50 (ms)", ms(r.edit_to_chart_ms_p50), "", "", "", ""],
      ["edit → chart painted, p95 (ms)", ms(r.edit_to_chart_ms_p95), "", "", "≤ 16", pass(v.edit_to_chart_p95.pass)],
      ["edit → chart in DOM, p95 (ms)", ms(r.edit_to_dom_ms_p95), "", "", "", ""],
      ["switch plan, p50 / p95 (ms)", `${ms(r.switch_plan_ms_p50)} / ${ms(r.switch_plan_ms_p95)}`, "", "", "", ""],
      ["save to storage, p50 / p95 (ms)", `${ms(r.save_ms_p50)} / ${ms(r.save_ms_p95)}`, "", "", "", ""],
      ["switch scenario, p50 / p95 (ms)", r.switch_scenario_ms_p95 === null ? "not measured" : `${ms(r.switch_scenario_ms_p50)} / ${ms(r.switch_scenario_ms_p95)}`, "", "", "", ""],
    ],
  );
  const big = table(
    [`${BIG_PLANS} counties, ${BIG_PROJECTS.toLocaleString("en")} projects (${r.scale_832.path})`, "p50", "p95", "budget", "verdict"],
    [
      ["first chart in DOM (ms)", ms(r.first_chart_ms_p50_832), ms(r.first_chart_ms_p95_832), "", ""],
      ["first chart painted (ms)", ms(r.first_chart_painted_ms_p50_832), ms(r.first_chart_painted_ms_p95_832), "", ""],
      ["edit → chart painted (ms)", ms(r.edit_to_chart_ms_p50_832), ms(r.edit_to_chart_ms_p95_832), "p95 ≤ 50", pass(v.edit_to_chart_p95_832.pass)],
      ["edit → chart in DOM (ms)", ms(r.edit_to_dom_ms_p50_832), ms(r.edit_to_dom_ms_p95_832), "", ""],
      ["save to storage (ms)", ms(r.save_ms_p50_832), ms(r.save_ms_p95_832), "", ""],
      ["JS heap after load (MB)", mb(r.heap_mb_832), "", "", ""],
      ["wasm memory after load (MB)", mb(r.wasm_memory_mb_832), "", "", ""],
      ["dataset copy written to storage (ms)", ms(r.dataset_copy_832.ms_p50), "", "", r.dataset_copy_832.ok === false ? "refused (quota)" : ""],
    ],
  );
  const files = table(
    ["file (first load of the app)", "raw (kB)", "gzip -9 (kB)", "brotli -q 11 (kB)", "share of gzip"],
    r.first_load_files.map((f) => [f.path, kB(f.raw), kB(f.gzip), kB(f.brotli), `${((100 * f.gzip) / r.first_load_gzip_bytes).toFixed(0)}%`]),
  );
  const efiles = table(
    ["file (first load of the ECharts page)", "raw (kB)", "gzip -9 (kB)", "brotli -q 11 (kB)"],
    r.echarts.first_load_files.map((f) => [f.path, kB(f.raw), kB(f.gzip), kB(f.brotli)]),
  );
  return { main, big, files, efiles };
}

function writeDoc(r, t) {
  const start = "<!-- results:start -->";
  const end = "<!-- results:end -->";
  const block = [
    start,
    "<!-- Written by bench/bench.mjs from bench/results.json; edits here are overwritten. -->",
    "",
    `Run of ${r.date} on ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.chromium}, ${r.runs} runs per load measure` +
      ` and ${r.interaction_runs} per interaction (after ${r.warmup} unrecorded ones), load average ${r.machine.load_average_1min.start} at the start and ${r.machine.load_average_1min.end} at the end.` +
      ` Compressed sizes by ${r.compressors.gzip} and ${r.compressors.brotli}.`,
    "",
    t.main,
    "",
    t.big,
    "",
    t.files,
    "",
    t.efiles,
    "",
    ...r.notes.map((n) => `- ${n}`),
    "",
    `Budgets: ${Object.entries(r.verdicts).map(([k, v]) => `${k} ${v.pass === null ? "not measured" : v.pass ? "pass" : "FAIL"}`).join(", ")}.`,
    end,
  ].join("\n");
  let doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, "utf8") : `# Performance\n\n## Latest results\n\n${start}\n${end}\n`;
  const a = doc.indexOf(start), z = doc.indexOf(end);
  if (a < 0 || z < a) doc = `${doc.trimEnd()}\n\n## Latest results\n\n${block}\n`;
  else doc = doc.slice(0, a) + block + doc.slice(z + end.length);
  fs.writeFileSync(DOC, doc);
}

// ---------------------------------------------------------------- main

async function main() {
  const broken = checkDist();
  if (process.argv.includes("--check-dist")) {
    if (broken) console.error(`[bench] ${broken}`);
    process.exit(broken ? 1 : 0);
  }
  if (broken) throw new Error(broken);
  fs.mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  const log = (msg) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

  const bigFile = generateBigDataset();
  const site = assembleSite("site");
  fs.copyFileSync(bigFile, path.join(site, BIG_FILE));
  const server = await serve(site);
  const chromiumVersion = await browserVersion();
  log(`${chromiumVersion}, ${RUNS} runs`);

  // First loads, ours and ECharts interleaved (order swapped every run) so that load on this
  // shared machine falls on both alike.
  const ours = [], theirs = [];
  for (let i = 0; i < RUNS; i++) {
    const pair = [
      async () => ours.push(await firstLoad(server, site, `${server.url}#v1/plan/antu`, READY_OURS)),
      async () => theirs.push(await firstLoad(server, site, `${server.url}echarts/`, READY_ECHARTS)),
    ];
    if (i % 2) pair.reverse();
    for (const run of pair) await run();
    log(`first load ${i + 1}/${RUNS}: ours ${ms(ours.at(-1).first_chart_ms)} ms, ECharts ${ms(theirs.at(-1).first_chart_ms)} ms`);
  }

  log("interactions on 安图县");
  const five = await interactions(server.url, "antu", "mianchi", INTERACTIONS);

  // National scale: through the import control when the app has one, else as the served dataset.
  const useImport = await hasImport(server.url);
  const bigLoads = [];
  if (useImport) {
    for (let i = 0; i < RUNS; i++) {
      bigLoads.push(await importLoad(server.url, `${server.url}${BIG_FILE}`));
      log(`832 import ${i + 1}/${RUNS}: ${ms(bigLoads.at(-1).first_chart_ms)} ms`);
    }
  }
  // Edits at scale run on the served copy either way: the same app state once loaded.
  const bigSite = assembleSite("site-832", bigFile);
  const bigServer = await serve(bigSite);
  if (!useImport) {
    for (let i = 0; i < RUNS; i++) {
      bigLoads.push(await firstLoad(bigServer, bigSite, `${bigServer.url}#v1/plan/${BIG_PLAN_ID}`, READY_OURS, { withBytes: false }));
      log(`832 first load ${i + 1}/${RUNS}: ${ms(bigLoads.at(-1).first_chart_ms)} ms`);
    }
  }
  log(`interactions at ${BIG_PLANS} counties`);
  const big = await interactions(bigServer.url, BIG_PLAN_ID, null, INTERACTIONS);
  await bigServer.close();
  await server.close();

  // ------------------------------------------------------------ results
  const pick = (runs, k) => runs.map((r) => r[k]);
  const oursChart = stats(pick(ours, "first_chart_ms"));
  const theirChart = stats(pick(theirs, "first_chart_ms"));
  const oursPainted = stats(pick(ours, "first_chart_painted_ms"));
  const theirPainted = stats(pick(theirs, "first_chart_painted_ms"));
  const MB = 1024 * 1024;
  const heapOurs = median(ours.map((r) => r.heap.js)) / MB;
  const heapTheirs = median(theirs.map((r) => r.heap.js)) / MB;
  const wasmOurs = median(ours.map((r) => r.heap.wasm).filter((x) => x !== null));
  const bytesOurs = ours[0].bytes, bytesTheirs = theirs[0].bytes;
  // The parts of the app fetched only when first shown (parts.json lists this build's files).
  const partsList = path.join(site, "parts.json");
  const bytesParts = transferred(site, fs.existsSync(partsList) ? JSON.parse(fs.readFileSync(partsList, "utf8")).files.map((f) => "/" + f) : []);
  // Every run must have transferred the same files, or the byte figures mean nothing.
  if (ours.some((r) => r.bytes.gzip !== bytesOurs.gzip) || theirs.some((r) => r.bytes.gzip !== bytesTheirs.gzip)) {
    const list = (runs) => runs.map((r) => r.bytes.files.map((f) => f.path).join(" ")).join("\n");
    throw new Error(`a first load transferred other files than the first run did:\n${list(ours)}\n${list(theirs)}`);
  }
  const edit = stats(five.edits), editDom = stats(five.doms), save = stats(five.saves), sw = stats(five.switches);
  const scen = five.scenario.times ? stats(five.scenario.times) : { p50: null, p95: null, n: 0 };
  const bigChart = stats(pick(bigLoads, "first_chart_ms"));
  const bigEdit = stats(big.edits), bigDom = stats(big.doms), bigSave = stats(big.saves);
  const bigHeap = median(bigLoads.map((r) => r.heap.js)) / MB;
  const bigPainted = stats(pick(bigLoads, "first_chart_painted_ms"));
  const copy = (runs) => {
    const writes = runs.map((r) => r.dataset_copy).filter(Boolean);
    return { chars: writes[0]?.chars ?? null, ms_p50: round(median(writes.map((w) => w.ms)), 2), ok: writes.length ? writes.every((w) => w.ok) : null };
  };
  const bigWasm = median(bigLoads.map((r) => r.heap.wasm).filter((x) => x !== null));
  const bigStat = compressedSizes(bigFile);

  const verdicts = {
    first_load_gzip: { value: bytesOurs.gzip, budget: BUDGETS.first_load_gzip_bytes, pass: bytesOurs.gzip <= BUDGETS.first_load_gzip_bytes, over_bytes: Math.max(0, bytesOurs.gzip - BUDGETS.first_load_gzip_bytes) },
    edit_to_chart_p95: { value: edit.p95, budget: BUDGETS.edit_to_chart_ms_p95, pass: edit.p95 <= BUDGETS.edit_to_chart_ms_p95 },
    edit_to_chart_p95_832: { value: bigEdit.p95, budget: BUDGETS.edit_to_chart_ms_p95_832, pass: bigEdit.p95 <= BUDGETS.edit_to_chart_ms_p95_832 },
    first_chart_vs_echarts: { value: oursChart.p50, budget: theirChart.p50, pass: oursChart.p50 <= theirChart.p50 },
  };
  const notes = [
    five.scenario.note ? `switch scenario: ${five.scenario.note}.` : null,
    `${BIG_PLANS}-county dataset: ${(bigStat.raw / 1e6).toFixed(1)} MB raw, ${(bigStat.gzip / 1e6).toFixed(2)} MB gzip; first chart and heap ${useImport ? "through #import-file, from choosing the file" : "as the served data/plans.json, from navigation (no #import-file in the app yet)"}; edits on the served copy.`,
    "JS heap is performance.memory.usedJSHeapSize after a forced collection. The app's data lives in wasm linear memory, which that figure leaves out, so it is reported beside it (its size only grows: a high-water mark).",
  ].filter(Boolean);

  const results = {
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length, cpu: os.cpus()[0]?.model?.trim() ?? "unknown", memory_gb: round(os.totalmem() / 1e9, 1),
      chromium: chromiumVersion, node: process.version, platform: `${os.type()} ${os.release()}`,
      // Other work on the machine during the run: the reason to read ratios, not absolute times.
      load_average_1min: { start: round(loadBefore, 2), end: round(os.loadavg()[0], 2) },
    },
    runs: RUNS,
    interaction_runs: INTERACTIONS,
    warmup: WARMUP,
    compressors: { gzip: "gzip -9", brotli: hasBrotliCli ? "brotli -q 11" : "node zlib brotli q11" },
    first_load_raw_bytes: bytesOurs.raw,
    first_load_gzip_bytes: bytesOurs.gzip,
    first_load_brotli_bytes: bytesOurs.brotli,
    first_load_files: bytesOurs.files,
    // Not part of the first load: fetched when the part is first shown, or by the service worker
    // for offline use a few seconds after the first visit.
    later_parts_gzip_bytes: bytesParts.gzip,
    later_parts_brotli_bytes: bytesParts.brotli,
    later_parts_files: bytesParts.files.length,
    first_chart_ms_p50: oursChart.p50,
    first_chart_ms_p95: oursChart.p95,
    first_chart_painted_ms_p50: oursPainted.p50,
    first_chart_painted_ms_p95: oursPainted.p95,
    echarts_first_chart_ms_p50: theirChart.p50,
    echarts_first_chart_ms_p95: theirChart.p95,
    echarts_first_chart_painted_ms_p50: theirPainted.p50,
    echarts_first_chart_painted_ms_p95: theirPainted.p95,
    heap_mb: round(heapOurs, 2),
    wasm_memory_mb: wasmOurs === null ? null : round(wasmOurs / MB, 2),
    memory_mb: round(heapOurs + (wasmOurs ?? 0) / MB, 2),
    dataset_copy: copy(ours),
    edit_to_chart_ms_p50: edit.p50,
    edit_to_chart_ms_p95: edit.p95,
    edit_to_dom_ms_p50: editDom.p50,
    edit_to_dom_ms_p95: editDom.p95,
    switch_plan_ms_p50: sw.p50,
    switch_plan_ms_p95: sw.p95,
    save_ms_p50: save.p50,
    save_ms_p95: save.p95,
    switch_scenario_ms_p50: scen.p50,
    switch_scenario_ms_p95: scen.p95,
    switch_scenario_note: five.scenario.note,
    first_chart_ms_p50_832: bigChart.p50,
    first_chart_ms_p95_832: bigChart.p95,
    first_chart_painted_ms_p50_832: bigPainted.p50,
    first_chart_painted_ms_p95_832: bigPainted.p95,
    edit_to_chart_ms_p50_832: bigEdit.p50,
    edit_to_chart_ms_p95_832: bigEdit.p95,
    edit_to_dom_ms_p50_832: bigDom.p50,
    edit_to_dom_ms_p95_832: bigDom.p95,
    save_ms_p50_832: bigSave.p50,
    save_ms_p95_832: bigSave.p95,
    heap_mb_832: round(bigHeap, 2),
    wasm_memory_mb_832: bigWasm === null ? null : round(bigWasm / MB, 2),
    dataset_copy_832: copy(bigLoads),
    scale_832: { plans: BIG_PLANS, projects: BIG_PROJECTS, path: useImport ? "import-file" : "served-file", edits_path: "served-file", dataset_raw_bytes: bigStat.raw, dataset_gzip_bytes: bigStat.gzip },
    echarts: {
      version: JSON.parse(fs.readFileSync(path.join(HERE, "node_modules", "echarts", "package.json"), "utf8")).version,
      first_load_raw_bytes: bytesTheirs.raw,
      first_load_gzip_bytes: bytesTheirs.gzip,
      first_load_brotli_bytes: bytesTheirs.brotli,
      first_load_files: bytesTheirs.files,
      heap_mb: round(heapTheirs, 2),
    },
    ratios: {
      first_load_gzip: ratio(bytesOurs.gzip, bytesTheirs.gzip),
      first_load_brotli: ratio(bytesOurs.brotli, bytesTheirs.brotli),
      first_chart_p50: ratio(oursChart.p50, theirChart.p50),
      first_chart_p95: ratio(oursChart.p95, theirChart.p95),
      first_chart_painted_p50: ratio(oursPainted.p50, theirPainted.p50),
      heap: ratio(heapOurs, heapTheirs),
      memory: ratio(heapOurs + (wasmOurs ?? 0) / MB, heapTheirs),
    },
    budgets: BUDGETS,
    verdicts,
    notes,
    samples: {
      first_chart_ms: pick(ours, "first_chart_ms").map((x) => round(x, 2)),
      echarts_first_chart_ms: pick(theirs, "first_chart_ms").map((x) => round(x, 2)),
      edit_to_chart_ms: five.edits.map((x) => round(x, 2)),
      edit_to_chart_ms_832: big.edits.map((x) => round(x, 2)),
      first_chart_ms_832: pick(bigLoads, "first_chart_ms").map((x) => round(x, 2)),
    },
  };
  fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + "\n");
  const t = summaryTables(results);
  writeDoc(results, t);
  console.log(`\n${t.main}\n\n${t.big}\n\n${t.files}\n\n${t.efiles}\n`);
  for (const n of notes) console.log(`note: ${n}`);
  console.log(`\nwrote ${path.relative(ROOT, RESULTS)} and ${path.relative(ROOT, DOC)}`);
  const missed = Object.entries(verdicts).filter(([, v]) => v.pass === false).map(([k]) => k);
  if (missed.length) {
    console.log(`budgets missed: ${missed.join(", ")}`);
    process.exitCode = 1;
  } else {
    console.log("all budgets met");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
