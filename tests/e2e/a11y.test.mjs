// Accessibility: axe-core finds no serious or critical problem on the four main views in either
// language (and with a source panel and the chart tables open); every chart is an image with a
// sentence of its numbers and a table view; the keyboard alone reaches the plan picker, with a
// visible focus ring. Screenshot: out/focus-ring.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { serve, freshContext, openApp, outFile } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const VIEWS = ["#v1/plan/antu", "#v1/compare", "#v1/projects", "#v1/checks"];

let server, browser;
// The page's Content-Security-Policy allows no inline script, and addScriptTag injects one:
// the test browser bypasses the policy (the app's own tests of the policy run without this).
before(async () => { server = await serve(); browser = await freshContext({ bypassCSP: true }); });
after(async () => { await browser?.close(); await server?.close(); });

async function go(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  const ready = { "#v1/plan/antu": '[data-plan="antu"] #chart-exits svg', "#v1/compare": "#compare-table", "#v1/projects": "#projects-table tbody tr", "#v1/checks": "#checks-summary" }[hash];
  await page.waitForSelector(ready);
  await page.waitForTimeout(200);
}

/** axe's serious and critical violations on the page as it is now, one line each. */
async function problems(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`));
}

async function setLang(page, lang) {
  const now = await page.evaluate(() => document.documentElement.lang);
  if (now.startsWith(lang)) return;
  await page.click("#lang-toggle");
  await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
}

for (const lang of ["zh", "en"]) {
  test(`axe: no serious or critical violation on the main views (${lang})`, async () => {
    const { page } = await openApp(browser.context, server.url);
    await setLang(page, lang);
    const found = [];
    for (const view of VIEWS) {
      await go(page, view);
      found.push(...(await problems(page)).map((p) => `${view}: ${p}`));
    }
    // States the first pass does not show: a source panel, chart tables, the comparison as tables.
    await go(page, "#v1/plan/antu");
    await page.evaluate(() => document.querySelectorAll("details.chart-data").forEach((d) => { d.open = true; }));
    await page.waitForFunction(() => [...document.querySelectorAll("details.chart-data")].every((d) => d.querySelector("table")));
    found.push(...(await problems(page)).map((p) => `chart tables: ${p}`));
    await page.locator(".card .figure").first().click();
    await page.waitForSelector(".src-line.cited");
    found.push(...(await problems(page)).map((p) => `source panel: ${p}`));
    await page.keyboard.press("Escape");
    await go(page, "#v1/compare");
    for (const toggle of await page.locator(".table-toggle").all()) await toggle.click();
    found.push(...(await problems(page)).map((p) => `comparison tables: ${p}`));
    await setLang(page, "zh");
    assert.deepEqual(found, []);
  });
}

test("every chart is an image with a sentence of its numbers, and has a table view", async () => {
  const { page } = await openApp(browser.context, server.url);
  await go(page, "#v1/plan/antu");
  const label = await page.locator("#chart-exits .svg-box").getAttribute("aria-label");
  assert.equal(label, "每年脱贫人数：2016年1,885人（已完成）、2017年2,823人（已完成）、2018年2,114人、2019年3,324人、2020年0人。");
  const boxes = await page.locator(".svg-box").evaluateAll((els) => els.map((e) => ({ role: e.getAttribute("role"), label: e.getAttribute("aria-label") || "" })));
  assert.ok(boxes.length >= 3);
  for (const b of boxes) {
    assert.equal(b.role, "img");
    assert.match(b.label, /^.+：.*\d{4}年.+。$/, b.label);
  }
  assert.ok((await page.locator("#chart-remaining .svg-box").getAttribute("aria-label")).includes("2015年10,146人"));
  // Each plan chart's table view holds the numbers the chart draws.
  for (const id of ["chart-exits", "chart-remaining", "chart-money"]) {
    const details = page.locator(`#${id} details.chart-data`);
    assert.equal(await details.count(), 1, `${id} has a table view`);
    await details.locator("summary").click();
    // The table is built when opened; it must show up.
    await details.locator("table").waitFor({ state: "visible", timeout: 5000 });
  }
  const exits = await page.locator("#chart-exits details.chart-data table").innerText();
  for (const n of ["2016", "1,885", "2019", "3,324"]) assert.ok(exits.includes(n), `exits table shows ${n}: ${exits}`);

  await go(page, "#v1/compare");
  const compare = await page.locator(".cmp-chart .svg-box").evaluateAll((els) => els.map((e) => [e.getAttribute("role"), e.getAttribute("aria-label")]));
  assert.equal(compare.length, 4);
  for (const [role, text] of compare) {
    assert.equal(role, "img");
    assert.ok(text.includes("安图县（") && text.includes("年"), text);
  }

  await page.click("#lang-toggle");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await go(page, "#v1/plan/antu");
  const en = await page.locator("#chart-exits .svg-box").getAttribute("aria-label");
  assert.ok(en.startsWith("People exiting poverty each year — 2016: 1,885 people (achieved)"), en);
  await page.click("#lang-toggle");
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
});

test("keyboard: Tab reaches the plan picker with a visible focus ring, Enter opens 渑池县", async () => {
  const { page } = await openApp(browser.context, server.url);
  await go(page, "#v1/plan/antu");
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  let id = "";
  for (let i = 0; i < 40 && id !== "plan-mianchi"; i++) {
    await page.keyboard.press("Tab");
    id = await page.evaluate(() => document.activeElement?.id || "");
  }
  assert.equal(id, "plan-mianchi", "the 渑池县 tab is reachable with Tab");
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    return { visible: el.matches(":focus-visible"), style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.ok(ring.visible && ring.style !== "none" && ring.width >= 2, JSON.stringify(ring));
  await page.locator("header.app-header").screenshot({ path: outFile("focus-ring.png") });
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-plan="mianchi"]');
  assert.equal(await page.locator("#plan-name").innerText(), "渑池县");
  assert.equal(await page.locator("#plan-mianchi").getAttribute("aria-pressed"), "true");
});

test("keyboard: a source panel takes focus when it opens and gives it back when it closes", async () => {
  const { page } = await openApp(browser.context, server.url);
  await go(page, "#v1/plan/antu");
  const figure = page.locator(".card .figure", { hasText: "10,146" });
  await figure.focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector(".src-line.cited");
  await page.waitForFunction(() => document.activeElement?.matches(".source-panel .close"));
  await page.keyboard.press("Escape");
  await page.waitForSelector(".source-panel", { state: "detached" });
  await page.waitForFunction(() => document.activeElement?.classList.contains("figure"));
  assert.equal(await page.evaluate(() => document.activeElement.innerText), "10,146 人");
});
