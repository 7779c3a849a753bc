// Offline: after one visit the service worker keeps the app, its data and the plan texts already
// read, so that a reload without a network still shows 安图县 with its figures, charts and
// sources, and the header says the copy is a cached one. Screenshots: out/offline.png,
// out/offline-source.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, freshContext, openApp, outFile } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await freshContext(); });
after(async () => { await browser?.close(); await server?.close(); });

test("a second visit works offline, with figures, charts, sources and an offline badge", async () => {
  const { context } = browser;
  const { page, errors } = await openApp(context, server.url);
  assert.ok(await page.evaluate(() => "serviceWorker" in navigator), "service workers are available");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // The first load ran before the worker existed; reloading puts every file through it.
  await page.reload();
  await page.waitForSelector("#plan-name");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.equal(await page.locator("#offline-badge").count(), 0, "no badge while online");

  await page.click("#plan-antu");
  await page.waitForSelector('[data-plan="antu"] #chart-exits svg');
  // Reading a source once keeps that plan's text for later.
  await page.locator(".card .figure", { hasText: "10,146" }).click();
  await page.waitForSelector(".src-line.cited");
  await page.click(".source-panel .close");

  await context.setOffline(true);
  const served = server.requests.length;
  await page.reload();
  await page.waitForSelector('[data-plan="antu"]', { timeout: 30000 });
  assert.equal(await page.locator("#plan-name").innerText(), "安图县");
  const cards = await page.locator(".cards").innerText();
  for (const figure of ["10,146", "5,646", "10.29%", "30.85亿元"]) assert.ok(cards.includes(figure), `cards show ${figure}: ${cards}`);
  assert.ok(await page.locator("#chart-exits svg rect").count() > 3, "the exits chart is drawn");
  assert.ok(await page.locator("#chart-remaining svg").isVisible(), "the remaining chart is drawn");
  const badge = page.locator("#offline-badge");
  await badge.waitFor();
  assert.equal(await badge.innerText(), "离线 · 使用本机缓存");
  await page.screenshot({ path: outFile("offline.png") });

  await page.locator(".card .figure", { hasText: "10,146" }).click();
  await page.waitForSelector(".src-line.cited");
  const cited = await page.locator(".src-line.cited").allInnerTexts();
  assert.ok(cited.some((l) => l.includes("10146")), cited.join("\n"));
  await page.screenshot({ path: outFile("offline-source.png") });
  await page.click(".source-panel .close");
  assert.equal(server.requests.length, served, `nothing reached the server while offline: ${server.requests.slice(served).join(", ")}`);

  await page.click("#lang-toggle");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await badge.innerText(), "Offline · using the cached copy");
  await page.click("#lang-toggle");

  await context.setOffline(false);
  await page.waitForSelector("#offline-badge", { state: "detached" });
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
});

test("the service worker's cache is versioned and keeps no other version", async () => {
  const { page } = await openApp(browser.context, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const names = await page.evaluate(() => caches.keys());
  assert.deepEqual(names.filter((n) => n.startsWith("plan-explorer-")).length, 1, names.join(", "));
  const cached = await page.evaluate(async () => {
    const cache = await caches.open((await caches.keys()).find((n) => n.startsWith("plan-explorer-")));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const path of ["/", "/index.html", "/data/plans.json"]) assert.ok(cached.includes(path), `${path} is kept: ${cached.join(", ")}`);
  // Each file once: the main module and the parts, named by content hash, none twice.
  const stems = cached.filter((p) => p.endsWith(".wasm")).map((p) => p.replace(/-[0-9a-f]{8,}(_bg)?\.wasm$/, ""));
  assert.ok(stems.includes("/plan-explorer"), `the main module is kept: ${cached.join(", ")}`);
  assert.equal(new Set(stems).size, stems.length, `one build's wasm: ${cached.join(", ")}`);
});

test("every plan's text is cached in the background, so a source never opened still shows offline", async () => {
  const b = await freshContext();
  try {
    const { page } = await openApp(b.context, server.url + "#v1/plan/mianchi");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload(); // the first load ran before the worker existed
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // The worker warms the texts a few seconds after it takes over.
    await page.waitForFunction(async () => {
      const names = await caches.keys();
      for (const n of names) {
        const keys = await (await caches.open(n)).keys();
        if (keys.filter((r) => r.url.includes("/data/sources/")).length >= 5) return true;
      }
      return false;
    }, null, { timeout: 20000, polling: 500 });
    await b.context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[data-plan="mianchi"]');
    await page.locator(".card .figure", { hasText: "13,319" }).click();
    await page.waitForSelector(".src-line.cited");
    assert.ok((await page.locator(".src-line.cited").allInnerTexts()).some((l) => l.includes("13319")));
    await b.context.setOffline(false);
  } finally { await b.close(); }
});
