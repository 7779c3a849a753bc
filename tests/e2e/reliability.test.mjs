// Faults injected into the real app; after each, nothing the user made is lost and the page
// says what happened. docs/RELIABILITY.md lists these with what the user sees.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { serve, freshContext, openApp, seenText, showBelow } from "./harness.mjs";

const KEY = "plan-explorer:workspace";
const QUARANTINE = "plan-explorer:quarantine:plan-explorer:workspace";
let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const cell = (page, year) => page.locator(`input.cell-input[data-year="${year}"][data-measure="people"]`);
async function edit(page, year, value) {
  await cell(page, year).fill(String(value));
  await cell(page, year).press("Enter");
}
const stored = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);

/** A fresh browser whose storage holds `raw` under the workspace key before the app starts. */
async function withStored(raw, fn) {
  const b = await freshContext();
  try {
    const page = b.context.pages()[0] || (await b.context.newPage());
    await page.goto(server.url + "favicon.svg").catch(() => {});
    await page.goto(server.url + "index.html#v1/plan/antu", { waitUntil: "commit" }).catch(() => {});
    await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, raw]);
    const { page: p } = await openApp(b.context, server.url + "#v1/plan/antu");
    await p.reload();
    await p.waitForSelector('[data-plan="antu"]');
    await showBelow(p);
    await fn(p);
  } finally { await b.close(); }
}

test("a corrupt stored entry is kept, quarantined, never overwritten; the user chooses", async () => {
  const raw = '{"format":"plan-explorer/workspace","schema_version":1,"revision":7,"data":{"scenarios":[{"oops"';
  await withStored(raw, async (page) => {
    const banner = page.locator('#storage-banner[data-state="broken"]');
    await banner.waitFor();
    assert.ok((await banner.innerText()).includes("无法读取"));
    assert.equal(await stored(page, QUARANTINE), raw, "raw text kept under the quarantine key");
    await edit(page, 2018, 2000);
    await page.waitForTimeout(700);
    assert.equal(await stored(page), raw, "saving stays off: the entry is untouched");
    const download = page.waitForEvent("download");
    await banner.locator("button", { hasText: "下载原始数据" }).click();
    const file = await (await download).path();
    assert.equal(fs.readFileSync(file, "utf8"), raw, "the download is the raw text");
    await banner.locator("button", { hasText: "清空并重新开始" }).click();
    await page.waitForFunction((k) => (localStorage.getItem(k) || "").includes('"value":2000'), KEY);
    assert.equal(await page.locator("#storage-banner").count(), 0);
    assert.equal(await stored(page, QUARANTINE), raw, "the quarantined copy survives the reset");
  });
});

test("a newer format than the app knows is refused, not overwritten", async () => {
  const raw = JSON.stringify({ format: "plan-explorer/workspace", schema_version: 99, saved_at: 0, revision: 3, data: { future: true } });
  await withStored(raw, async (page) => {
    const banner = page.locator('#storage-banner[data-state="broken"]');
    await banner.waitFor();
    assert.ok((await banner.innerText()).includes("更新版本"), await banner.innerText());
    await edit(page, 2018, 1999);
    await page.waitForTimeout(700);
    assert.equal(await stored(page), raw);
  });
});

test("quota full: the edit stays on screen, the user is told and offered a download", async () => {
  const b = await freshContext();
  try {
    await b.context.addInitScript(() => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === "plan-explorer:workspace" && window.__full) throw new DOMException("full", "QuotaExceededError");
        return real.call(this, k, v);
      };
    });
    const { page } = await openApp(b.context, server.url + "#v1/plan/antu");
    await page.evaluate(() => { window.__full = true; });
    await edit(page, 2018, 1500);
    const banner = page.locator('#storage-banner[data-state="full"]');
    await banner.waitFor();
    assert.ok((await banner.innerText()).includes("存储已满"));
    assert.equal(await cell(page, 2018).inputValue(), "1500", "nothing lost on screen");
    const download = page.waitForEvent("download");
    await banner.locator("button").click();
    const text = fs.readFileSync(await (await download).path(), "utf8");
    assert.ok(text.includes('"value":1500'), "the download holds the unsaved edit");
    await page.evaluate(() => { window.__full = false; });
    await edit(page, 2019, 3000);
    await page.waitForFunction(() => !document.querySelector("#storage-banner"));
    assert.ok((await stored(page)).includes('"value":1500'), "space again: both edits saved");
  } finally { await b.close(); }
});

test("storage disabled (private window): the app works in memory and says so", async () => {
  const b = await freshContext();
  try {
    await b.context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
    });
    const { page, errors } = await openApp(b.context, server.url + "#v1/plan/antu");
    const banner = page.locator('#storage-banner[data-state="unavailable"]');
    await banner.waitFor();
    await edit(page, 2018, 1000);
    assert.ok((await seenText(page.locator("#rule-findings"))).includes("1,114人"));
    assert.equal(await page.locator("#panic-screen").count(), 0);
    assert.deepEqual(errors.filter((e) => !e.includes("denied")), []);
  } finally { await b.close(); }
});

test("two tabs: an edit in one appears in the other; an older state never overwrites a newer one", async () => {
  const b = await freshContext();
  try {
    const { page: a } = await openApp(b.context, server.url + "#v1/plan/antu");
    const tab2 = await b.context.newPage();
    await tab2.goto(server.url + "#v1/plan/antu");
    await tab2.waitForSelector('[data-plan="antu"]');
    await showBelow(tab2);
    await edit(a, 2018, 2500);
    await tab2.waitForFunction(() => document.querySelector('input.cell-input[data-year="2018"][data-measure="people"]')?.value === "2500");

    // Both edit within the save delay: one save lands first; the other tab must not write over it.
    await edit(a, 2019, 2900);
    await edit(tab2, 2019, 3100);
    await a.waitForTimeout(1200);
    const final = JSON.parse(await stored(a));
    const value2019 = final.data.scenarios[0].exits.find((e) => e.year === 2019)?.value;
    const banners = [await a.locator('#storage-banner[data-state="newer"]').count(), await tab2.locator('#storage-banner[data-state="newer"]').count()];
    assert.ok([2900, 3100].includes(value2019), `stored ${value2019}`);
    assert.equal(banners[0] + banners[1], 1, `exactly one tab is told it is behind: ${banners}`);
    const loser = banners[0] ? a : tab2;
    const loserValue = banners[0] ? "2900" : "3100";
    assert.equal(await cell(loser, 2019).inputValue(), loserValue, "the losing tab keeps its edit on screen");
    await loser.locator('#storage-banner button').click();
    assert.equal(await cell(loser, 2019).inputValue(), String(value2019), "and can load the newer one");
  } finally { await b.close(); }
});

test("reload in the middle of an edit keeps it (saved when the page hides)", async () => {
  const b = await freshContext();
  try {
    const { page } = await openApp(b.context, server.url + "#v1/plan/antu");
    await edit(page, 2018, 1234);
    await page.reload(); // well within the 300 ms save delay
    await page.waitForSelector('[data-plan="antu"]');
    await showBelow(page);
    assert.equal(await cell(page, 2018).inputValue(), "1234");
  } finally { await b.close(); }
});

test("imports are checked: a bad file is refused by field, a hostile name stays text, a good file is one undo step", async () => {
  const b = await freshContext();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-import-"));
  try {
    const { page } = await openApp(b.context, server.url + "#v1/plan/antu");
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ format: "plan-explorer/workspace", schema_version: 1, revision: 1, saved_at: 0,
      data: { lang: "zh", plan_id: null, scenarios: [{ id: "s1", plan_id: "antu", name: "x", exits: [{ year: 2099, measure: "people", value: 5 }] }], active: {}, next_id: 1 } }));
    await page.setInputFiles("#import-file", bad);
    const notice = page.locator("#notice");
    await notice.waitFor();
    assert.ok((await notice.innerText()).includes("scenarios[0].exits[0].year"), await notice.innerText());
    assert.ok((await notice.innerText()).includes("导入失败"));

    const notJson = path.join(dir, "x.json");
    fs.writeFileSync(notJson, "NaN");
    await page.setInputFiles("#import-file", notJson);
    await page.waitForFunction(() => document.querySelector("#notice")?.innerText.includes("无法解析"));

    const hostile = '<img src=x onerror="window.__pwned=1">方案';
    const good = path.join(dir, "good.json");
    fs.writeFileSync(good, JSON.stringify({ format: "plan-explorer/workspace", schema_version: 1, revision: 1, saved_at: 0,
      data: { lang: "zh", plan_id: null, scenarios: [{ id: "s9", plan_id: "antu", name: hostile, exits: [{ year: 2018, measure: "people", value: 777 }] }], active: {}, next_id: 9 } }));
    await page.setInputFiles("#import-file", good);
    await page.waitForFunction(() => document.querySelector("#notice")?.innerText.includes("已导入方案"));
    assert.equal(await cell(page, 2018).inputValue(), "777");
    assert.equal(await page.locator("#scenario-select option", { hasText: "方案" }).last().innerText(), hostile);
    assert.equal(await page.locator("img[src=x]").count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.keyboard.press("Control+z");
    assert.equal(await cell(page, 2018).inputValue(), "2114", "the import undoes as one step");
  } finally { await b.close(); fs.rmSync(dir, { recursive: true, force: true }); }
});

test("storage cleared by the browser while open: the user is told and the work is saved again", async () => {
  const b = await freshContext();
  try {
    const { page } = await openApp(b.context, server.url + "#v1/plan/antu");
    await edit(page, 2018, 1800);
    await page.waitForFunction((k) => (localStorage.getItem(k) || "").includes('"value":1800'), KEY);
    await page.evaluate((k) => localStorage.removeItem(k), KEY);
    await edit(page, 2019, 3600);
    await page.locator('#storage-banner[data-state="cleared"]').waitFor();
    const saved = await stored(page);
    assert.ok(saved.includes('"value":1800') && saved.includes('"value":3600'), "both edits stored again");
  } finally { await b.close(); }
});
