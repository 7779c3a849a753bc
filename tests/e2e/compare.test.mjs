// Compare plans and the province plan's counties: the comparison table's figures, a chart and
// its table view, the counties by exit year, and a county opening its own plan.
// Screenshots go to tests/e2e/out/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, freshContext, openApp, outFile, seenText } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await freshContext(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openCompare() {
  const page = browser.context.pages()[0] || (await browser.context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(server.url + "#v1/compare");
  await page.waitForSelector("#compare-table", { timeout: 30000 });
  return { page, errors };
}

test("compare: the table shows each plan's figures, in Chinese", async () => {
  const { page, errors } = await openCompare();
  assert.equal(await page.locator("#compare-table tbody tr").count(), 5);
  const antu = await page.locator('#compare-table tr[data-plan="antu"]').innerText();
  for (const figure of ["安图县", "10,146", "80", "10.29%", "2019", "30.85亿元", "30.41万元"]) {
    assert.ok(antu.includes(figure), `安图县 row shows ${figure}: ${antu}`);
  }
  const shanxi = await page.locator('#compare-table tr[data-plan="shanxi"]').innerText();
  assert.ok(shanxi.includes("232万"), shanxi);
  assert.ok(shanxi.includes("省级规划"), shanxi);
  assert.ok(shanxi.includes("未载明"), "no funding total: shown as not stated, never 0");
  // A figure opens its source lines.
  await page.locator('#compare-table tr[data-plan="antu"] .figure', { hasText: "10,146" }).click();
  await page.waitForSelector(".src-line.cited");
  await page.click(".source-panel .close");
  assert.deepEqual(errors, []);
});

test("compare: charts are drawn, say who is left out, and read as tables", async () => {
  const { page, errors } = await openCompare();
  for (const slug of ["exit-share", "remaining", "incidence", "money"]) {
    assert.equal(await page.locator(`#compare-chart-${slug} .svg-box svg`).count(), 1, `${slug} chart drawn`);
  }
  const legend = await page.locator("#compare-chart-exit-share .cmp-legend").innerText();
  for (const name of ["安图县", "渑池县", "汾西县", "山西省"]) assert.ok(legend.includes(name), legend);
  const note = await page.locator("#compare-chart-exit-share .left-out").innerText();
  assert.ok(note.includes("天镇县"), note);

  await page.screenshot({ path: outFile("compare.png"), fullPage: true });
  const toggle = page.locator("#compare-toggle-exit-share");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  const table = await page.locator("#compare-chart-exit-share .chart-table").innerText();
  // 安图县 2016: 1,885 of 10,146 = 18.58%; 山西省 2016: 50万 of 232万 = 21.55%.
  assert.ok(table.includes("18.58%"), table);
  assert.ok(table.includes("21.55%"), table);
  assert.equal(await page.locator("#compare-chart-exit-share .svg-box").count(), 0, "the table replaces the chart");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector("#compare-chart-exit-share .svg-box svg");

  await page.click("#compare-toggle-remaining");
  const remaining = await page.locator("#compare-chart-remaining .chart-table").innerText();
  assert.ok(remaining.includes("32.8"), `安图县 2018: 3,324 / 10,146 = 32.8: ${remaining}`);
  assert.deepEqual(errors, []);
});

test("山西省: counties by exit year match the schedule; a county opens its own plan", async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  await page.click("#plan-shanxi");
  await page.waitForSelector('[data-plan="shanxi"] #counties-panel');
  for (const [year, n] of [["2017", 14], ["2018", 17], ["2019", 27]]) {
    const col = page.locator(`#counties-panel .county-col[data-year="${year}"]`);
    assert.equal(await col.locator("li.county").count(), n, `${year}: ${n} counties`);
    assert.ok((await seenText(col.locator("h3"))).includes(String(n)));
    assert.ok((await seenText(col.locator(".county-schedule"))).includes("一致"), `${year} matches the schedule`);
  }
  assert.equal(await page.locator(".county-warning").count(), 0);
  await page.screenshot({ path: outFile("shanxi-counties.png"), fullPage: true });

  await page.fill("#county-search", "汾");
  assert.equal(await page.locator("#counties-panel li.county").count(), 1);
  await page.fill("#county-search", "");
  assert.equal(await page.locator("#counties-panel li.county").count(), 58);

  assert.equal(await page.locator("#counties-panel [data-plan-link]").count(), 2, "汾西县 and 天镇县 have their own plans");
  await page.click('#counties-panel [data-plan-link="fenxi"]');
  await page.waitForSelector('article[data-plan="fenxi"]');
  assert.equal(await page.locator("#plan-name").innerText(), "汾西县");
  assert.deepEqual(errors, []);
});
