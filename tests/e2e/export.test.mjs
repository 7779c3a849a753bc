// Exports, as someone would take a meeting's charts and tables away: CSV and XLSX read back,
// SVG and a 2× PNG of the chart, one scenario as JSON imported back, and the print layout.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import zlib from "node:zlib";
import { serve, freshContext, openApp, outFile } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await freshContext({ acceptDownloads: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const cell = (page, year) => page.locator(`input.cell-input[data-year="${year}"][data-measure="people"]`);

async function openAntu() {
  const { page, errors } = await openApp(browser.context, server.url + "#v1/plan/antu");
  await page.waitForSelector('[data-plan="antu"]');
  return { page, errors };
}

/** Clicks `selector` and resolves to { name, bytes } of the download it starts. */
async function downloadOf(page, selector) {
  const pending = page.waitForEvent("download");
  await page.click(selector);
  const download = await pending;
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

/** RFC 4180 records (quoted fields, "" for a quote, CRLF between records). */
function readCsv(text) {
  const records = [];
  let record = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { record.push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { record.push(field); records.push(record); record = []; field = ""; i++; }
    else field += c;
  }
  return records;
}

function csvOf(bytes) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with a BOM, so Excel shows Chinese");
  return readCsv(bytes.subarray(3).toString("utf8"));
}

/** The files of a zip archive by name: a small reader of its central directory. */
function unzip(buf) {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, "a zip has an end-of-central-directory record");
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    files[name] = (method === 8 ? zlib.inflateRawSync(raw) : raw).toString("utf8");
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** Width and height from a PNG's IHDR, and its pixel rows inflated (filter byte + RGBA). */
function readPng(buf) {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
  assert.equal(buf.toString("ascii", 12, 16), "IHDR");
  const width = buf.readUInt32BE(16), height = buf.readUInt32BE(20);
  const idat = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    if (buf.toString("ascii", at + 4, at + 8) === "IDAT") idat.push(buf.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return { width, height, colorType: buf[25], pixels: zlib.inflateSync(Buffer.concat(idat)) };
}

const today = /-\d{8}\./;

test("the exits chart travels: CSV and XLSX with its numbers, SVG, and a PNG at twice the size", async () => {
  const { page, errors } = await openAntu();
  const menu = "#chart-exits .export-menu";

  const csv = await downloadOf(page, `${menu} [data-format=csv]`);
  assert.match(csv.name, /^安图县-每年脱贫人数-\d{8}\.csv$/);
  const records = csvOf(csv.bytes);
  const head = records[0];
  const year = head.indexOf("年份"), scenario = head.indexOf("推演方案"), printed = head.indexOf("原规划（基准）");
  assert.ok(year >= 0 && scenario >= 0 && printed >= 0, head.join(" | "));
  const rows = records.slice(1);
  assert.deepEqual(rows.map((r) => r[year]), ["2016", "2017", "2018", "2019", "2020"]);
  assert.deepEqual(rows.map((r) => r[scenario]), ["1885", "2823", "2114", "3324", "0"]);
  assert.deepEqual(rows.map((r) => r[printed]), ["1885", "2823", "2114", "3324", "0"]);

  const xlsx = await downloadOf(page, `${menu} [data-format=xlsx]`);
  assert.match(xlsx.name, /^安图县-每年脱贫人数-\d{8}\.xlsx$/);
  const files = unzip(xlsx.bytes);
  for (const part of ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"]) {
    assert.ok(part in files, `${part} in ${Object.keys(files)}`);
  }
  const sheet = files["xl/worksheets/sheet1.xml"];
  assert.ok(sheet.includes("<v>2114</v>"), sheet);
  assert.ok(sheet.includes('t="inlineStr"') && sheet.includes("年份"));

  const svg = await downloadOf(page, `${menu} [data-format=svg]`);
  assert.match(svg.name, /^安图县-每年脱贫人数-\d{8}\.svg$/);
  const svgText = svg.bytes.toString("utf8");
  assert.ok(svgText.startsWith("<svg"), svgText.slice(0, 80));
  const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svgText)[1]);
  const svgHeight = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svgText)[1]);

  const png = await downloadOf(page, `${menu} [data-format=png]`);
  assert.match(png.name, /^安图县-每年脱贫人数-\d{8}\.png$/);
  const image = readPng(png.bytes);
  assert.equal(image.width, 2 * svgWidth, "twice the SVG's width");
  assert.equal(image.height, 2 * svgHeight);
  // The first pixel of the first row is stored as is whatever the row filter: white and opaque.
  assert.equal(image.colorType, 6, "RGBA");
  assert.deepEqual([...image.pixels.subarray(1, 5)], [255, 255, 255, 255], "a white background");
  assert.ok(new Set(image.pixels).size > 20, "the chart is drawn, not a blank page");
  fs.writeFileSync(outFile("export-exits.png"), png.bytes);
  assert.deepEqual(errors, []);
});

test("every chart and table offers its numbers; an edit shows in them", async () => {
  const { page } = await openAntu();
  for (const id of ["#chart-exits", "#chart-remaining", "#chart-money"]) {
    const formats = await page.locator(`${id} .export-menu button`).evaluateAll((bs) => bs.map((b) => b.dataset.format));
    assert.deepEqual(formats, ["png", "svg", "csv", "xlsx"], id);
  }
  await page.click("#scenario-new");
  await cell(page, 2018).fill("4114");
  await cell(page, 2018).press("Enter");

  const exits = csvOf((await downloadOf(page, "#chart-exits .export-menu [data-format=csv]")).bytes);
  const row2018 = exits.find((r) => r[0] === "2018");
  assert.ok(row2018.includes("4114") && row2018.includes("2114"), row2018.join(" | "));

  const remaining = csvOf((await downloadOf(page, "#chart-remaining .export-menu [data-format=csv]")).bytes);
  assert.ok(remaining.length >= 6, "baseline year and each plan year");

  const diff = await downloadOf(page, "#consequences .export-menu [data-format=csv]");
  assert.match(diff.name, /^安图县-推演结果-\d{8}\.csv$/);
  const diffRows = csvOf(diff.bytes);
  const d2018 = diffRows.find((r) => r[0] === "2018");
  assert.deepEqual(d2018.slice(1, 4), ["2114", "4114", "2000"], diffRows[0].join(" | "));
  const d2020 = diffRows.find((r) => r[0] === "2020");
  assert.ok(d2020, "every year of the table");

  const budget = await downloadOf(page, "#budget .export-menu [data-format=xlsx]");
  assert.match(budget.name, /^安图县-资金分配-.+-\d{8}\.xlsx$/);
  assert.ok(unzip(budget.bytes)["xl/worksheets/sheet1.xml"].includes("<row r=\"2\">"));
});

test("the projects list exports the filtered rows, all pages, and the comparison its charts and table", async () => {
  const { page } = await openAntu();
  await page.goto("about:blank"); // a fresh load, not a same-document hash change
  await page.goto(server.url + "#v1/projects");
  await page.waitForSelector("#projects-table", { timeout: 30000 });
  await page.selectOption("#project-plan", "antu");
  const count = Number(await page.locator("#projects-count").getAttribute("data-count"));
  assert.ok(count > 0);
  const file = await downloadOf(page, "#projects-page .export-menu [data-format=csv]");
  assert.match(file.name, /^项目库-安图县-\d{8}\.csv$/);
  const rows = csvOf(file.bytes);
  assert.equal(rows.length - 1, count, "one line per filtered project");
  assert.ok(rows.slice(1).every((r) => r[0] === "安图县"));

  await page.goto(server.url + "#v1/compare");
  await page.waitForSelector("#compare-table");
  const table = csvOf((await downloadOf(page, "#compare-page > .table-note + .export-menu [data-format=csv]")).bytes);
  assert.ok(table.some((r) => r[0] === "安图县"), table.map((r) => r[0]).join(","));
  const chart = await page.locator(".cmp-chart").first().getAttribute("id");
  const svg = await downloadOf(page, `#${chart} .export-menu [data-format=svg]`);
  assert.ok(svg.bytes.toString("utf8").startsWith("<svg"));
  assert.match(svg.name, today);
});

test("one scenario exported as JSON comes back through Import with its edit", async () => {
  const { page } = await openAntu();
  await page.click("#scenario-new");
  await cell(page, 2018).fill("3000");
  await cell(page, 2018).press("Enter");
  const file = await downloadOf(page, "#scenario-export");
  assert.match(file.name, /^安图县-.+-\d{8}\.json$/);
  const json = JSON.parse(file.bytes.toString("utf8"));
  assert.equal(json.format, "plan-explorer/workspace");
  assert.equal(json.data.scenarios.length, 1, "only the open scenario");
  assert.deepEqual(json.data.scenarios[0].exits.map((e) => [e.year, e.value]), [[2018, 3000]]);

  await page.click("#scenario-delete");
  assert.equal(await cell(page, 2018).inputValue(), "2114", "the printed plan again");
  const path = outFile("export-scenario.json");
  fs.writeFileSync(path, file.bytes);
  await page.setInputFiles("#import-file", path);
  await page.waitForFunction(() => document.querySelector("#notice")?.innerText.includes("已导入方案"));
  assert.equal(await cell(page, 2018).inputValue(), "3000", "the edit is back");
});

test("print: controls hidden, one chart per page, table rows kept whole", async () => {
  const { page } = await openAntu();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator("#chart-exits .export-menu").isVisible(), false);
  assert.equal(await page.locator("#scenario-new").isVisible(), false);
  const style = (sel, prop) => page.locator(sel).first().evaluate((e, p) => getComputedStyle(e)[p], prop);
  assert.equal(await style("#chart-remaining", "breakBefore"), "page");
  assert.equal(await style("#chart-exits", "breakInside"), "avoid");
  assert.equal(await style("#diff-table tbody tr", "breakInside"), "avoid");
  assert.equal(await style("#diff-table thead", "display"), "table-header-group");
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
  fs.writeFileSync(outFile("export-print.pdf"), pdf);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) || []).length;
  assert.ok(pages >= 4, `cards and the first chart, then a page per chart and more: ${pages}`);
});
