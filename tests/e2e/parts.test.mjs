// The first load fetches the shell, the plan overview and its charts; each other part of the
// app (the sections below the charts, presenting, comparing, projects, checks) is fetched when
// first shown, and a part that cannot be fetched says so and can be tried again.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, freshContext, outFile } from "./harness.mjs";

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const wasmFetched = (from) => server.requests.slice(from).filter((p) => p.endsWith(".wasm"));

/** A first visit to 安图县 in a fresh profile, left at the top of the page as it opens (no
 * service worker, so every fetch reaches the server); resolves once the first chart is drawn. */
async function firstVisit(b) {
  const page = await b.context.newPage();
  await page.goto(server.url + "#v1/plan/antu");
  await page.waitForSelector("#chart-exits svg rect");
  return page;
}

test("the first load fetches one wasm file; the editor's code comes when scrolled to", async () => {
  const b = await freshContext({ serviceWorkers: "block" });
  try {
    const page = await b.context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const from = server.requests.length;
    await page.goto(server.url + "#v1/plan/antu");
    await page.waitForSelector("#chart-exits svg rect");
    await page.waitForTimeout(500);
    const first = wasmFetched(from);
    assert.equal(first.length, 1, `one wasm file: ${first.join(", ")}`);
    assert.match(first[0], /^\/plan-explorer-[0-9a-f]+_bg\.wasm$/);
    assert.equal(await page.locator("#whatif").count(), 0, "the editor is not built out of view");
    assert.ok((await page.locator("#below-loading").innerText()).includes("正在载入"));

    await page.locator(".plan-page .below").scrollIntoViewIfNeeded();
    await page.waitForSelector("#whatif");
    assert.ok(wasmFetched(from).some((p) => /^\/split_below_part-[0-9a-f]+\.wasm$/.test(p)), wasmFetched(from).join(", "));
    assert.equal(await page.locator("#below-loading").count(), 0);

    // Another plan's page needs no fetch and builds its sections at once.
    const before = server.requests.length;
    await page.click("#plan-mianchi");
    await page.waitForSelector('[data-plan="mianchi"] #whatif');
    assert.deepEqual(wasmFetched(before), []);

    await page.click("#view-compare");
    await page.waitForSelector("#compare-table, .compare-page");
    assert.ok(wasmFetched(from).some((p) => p.startsWith("/split_compare_part-")));
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

test("a part that cannot be fetched says so in both languages, and comes on a second try", async () => {
  const b = await freshContext({ serviceWorkers: "block" });
  try {
    const page = await firstVisit(b);
    await b.context.setOffline(true);
    await page.click("#view-projects");
    const missing = page.locator("#projects-loading.part-missing");
    await missing.waitFor({ timeout: 15000 });
    assert.ok((await missing.innerText()).includes("本部分未能载入"), await missing.innerText());
    await page.click("#lang-toggle");
    assert.ok((await missing.innerText()).includes("could not be loaded"), await missing.innerText());
    await page.screenshot({ path: outFile("part-missing.png") });

    await b.context.setOffline(false);
    await missing.locator("button").click();
    await page.waitForSelector("#projects-table, .projects-page", { timeout: 15000 });
    assert.equal(await page.locator(".part-missing").count(), 0);
  } finally {
    await b.close();
  }
});

test("Ctrl+P on a plan page not yet scrolled fetches the sections below the charts before printing", async () => {
  const b = await freshContext({ serviceWorkers: "block" });
  try {
    const page = await firstVisit(b);
    assert.equal(await page.locator("#whatif").count(), 0);
    // What the print dialog would get: whether the editor and the checks were on the page.
    await page.evaluate(() => { window.print = () => { window.__printed = !!document.querySelector("#whatif") && !!document.querySelector(".check-list"); }; });
    await page.keyboard.press("Control+P");
    await page.waitForFunction(() => window.__printed !== undefined, null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => window.__printed), true, "printed with the sections below the charts");
    assert.equal(await page.evaluate(() => window.scrollY), 0, "the reader's place is kept");
  } finally {
    await b.close();
  }
});

test("once the offline copy has the parts, the sections below the charts are built unscrolled", async () => {
  const b = await freshContext();
  try {
    const page = await firstVisit(b);
    assert.equal(await page.locator("#whatif").count(), 0, "not at first");
    // sw.js caches the parts four seconds after it takes over; the page builds them after eight.
    await page.waitForSelector("#whatif", { state: "attached", timeout: 30000 });
    assert.equal(await page.evaluate(() => window.scrollY), 0, "the reader's place is kept");
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), "the offline copy is in charge");
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".below-not-printed").isVisible(), false, "nothing is left out of a print");
  } finally {
    await b.close();
  }
});

test("a print from the browser's menu before the sections below arrive says what it leaves out", async () => {
  const b = await freshContext({ serviceWorkers: "block" });
  try {
    const page = await firstVisit(b);
    const note = page.locator(".below-not-printed");
    assert.equal(await note.isVisible(), false, "not on screen");
    await page.emulateMedia({ media: "print" });
    assert.ok(await note.isVisible(), "on paper");
    assert.match(await note.innerText(), /尚未载入.*Ctrl\+P/);
    assert.equal(await page.locator("#below-loading").isVisible(), false, "the loading note is not printed");
    await page.emulateMedia({ media: "screen" });
    await page.click("#lang-toggle");
    await page.emulateMedia({ media: "print" });
    assert.match(await note.innerText(), /not printed.*Ctrl\+P/);
  } finally {
    await b.close();
  }
});
