// 项目库 and 数据核查 across plans: search, filter and add up projects; count and filter checks.
// Expected figures are computed here from the shipped dataset (dist/data/plans.json).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, freshContext, outFile, DIST, seenText } from "./harness.mjs";

const dataset = JSON.parse(fs.readFileSync(path.join(DIST, "data/plans.json"), "utf8"));
const projects = dataset.plans.flatMap((p) => p.projects.map((r) => ({ plan: p.id, ...r })));

let server, browser;
before(async () => { server = await serve(); browser = await freshContext(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens the app at `hash` and waits for `selector`. */
async function open(hash, selector) {
  const page = browser.context.pages()[0] || (await browser.context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto("about:blank"); // a fresh load, not a same-document hash change
  await page.goto(server.url + hash);
  await page.waitForSelector(selector, { timeout: 30000 });
  return { page, errors };
}

const num = (s) => Number(s.replace(/,/g, ""));
const countOf = async (page) => Number(await page.locator("#projects-count").getAttribute("data-count"));

async function waitForCount(page, n) {
  await page.waitForFunction((n) => document.querySelector("#projects-count")?.dataset.count === String(n), n);
}

/** The amounts shown in the table's amount column (null for "—"). */
async function shownAmounts(page) {
  const cells = await page.locator("#projects-table tbody td.amount").allInnerTexts();
  return cells.map((t) => (t.trim() === "—" ? null : num(t.trim())));
}

test("项目库: search 光伏, the total is the sum of the rows shown", async () => {
  const { page, errors } = await open("#v1/projects", "#projects-table tbody tr");
  assert.equal(await countOf(page), projects.length, "all plans' projects at first");

  await page.fill("#project-search", "光伏");
  const expected = projects.filter((p) =>
    [p.name_zh, p.category_zh, p.township_zh, p.village_zh].some((s) => s && s.includes("光伏")));
  assert.ok(expected.length > 5);
  await waitForCount(page, expected.length);
  const names = await page.locator("#projects-table tbody td.name-cell").allInnerTexts();
  assert.deepEqual(names.map((s) => s.trim()).sort(), expected.map((p) => p.name_zh).sort());
  const rows = await page.locator("#projects-table tbody tr").allInnerTexts();
  for (const r of rows) assert.ok(r.includes("光伏"), r);

  const amounts = await shownAmounts(page);
  assert.equal(amounts.length, expected.length);
  const sum = amounts.filter((a) => a !== null).reduce((a, b) => a + b, 0);
  const total = num(await page.locator("#projects-total-exact").innerText());
  assert.ok(Math.abs(total - sum) < 0.01, `total ${total} = sum of shown ${sum}`);
  const sumFromData = expected.reduce((a, p) => a + (p.amount_wan_yuan ?? 0), 0);
  assert.ok(Math.abs(total - sumFromData) < 0.01, `total ${total} = dataset ${sumFromData}`);
  const yi = (sumFromData / 10000).toFixed(2).replace(/\.?0+$/, "");
  assert.equal(await page.locator("#projects-total-amount").innerText(), `${yi}亿元`);
  const missing = amounts.filter((a) => a === null).length;
  assert.equal(Number(await page.locator("#projects-without-amount").getAttribute("data-count")), missing);
  assert.ok((await page.locator("#projects-without-amount").innerText()).includes(`${missing} 项未列金额`));
  await page.screenshot({ path: outFile("projects-search.png"), fullPage: true });
  assert.deepEqual(errors, []);
});

test("项目库: plan = 天镇县 adds up to its printed total; an amount opens its line", async () => {
  const { page, errors } = await open("#v1/projects", "#projects-table tbody tr");
  await page.selectOption("#project-plan", "tianzhen");
  const tianzhen = dataset.plans.find((p) => p.id === "tianzhen");
  await waitForCount(page, tianzhen.projects.length);
  assert.equal(await page.locator("#projects-total-amount").innerText(), "139.51亿元");
  assert.equal(await page.locator("#projects-total-exact").innerText(), "1,395,093.68");
  assert.equal(tianzhen.funding.total_wan_yuan, 1395093.68);
  const plans = await page.locator("#projects-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.plan));
  assert.ok(plans.every((p) => p === "tianzhen"));

  // The category list follows the plan.
  const categories = (await page.locator("#project-category option").allInnerTexts()).slice(1);
  const expectedCategories = [...new Set(tianzhen.projects.map((p) => p.category_zh).filter(Boolean))].sort();
  assert.deepEqual([...categories].sort(), expectedCategories);

  // A year keeps the projects running in it; AND with the plan.
  await page.selectOption("#project-year", "2020");
  const in2020 = tianzhen.projects.filter((p) => p.year_start != null && p.year_start <= 2020 && 2020 <= (p.year_end ?? p.year_start));
  await waitForCount(page, in2020.length);
  await page.selectOption("#project-year", "");
  await waitForCount(page, tianzhen.projects.length);

  // Amount bounds are inclusive, in 万元.
  const first = tianzhen.projects[0];
  await page.fill("#project-min", String(first.amount_wan_yuan));
  await page.fill("#project-max", String(first.amount_wan_yuan));
  const same = tianzhen.projects.filter((p) => p.amount_wan_yuan === first.amount_wan_yuan);
  await waitForCount(page, same.length);

  // The amount opens the plan's own line.
  await page.locator("#projects-table tbody td.amount .figure").first().click();
  await page.waitForSelector(".src-line.cited");
  assert.ok((await page.locator(".src-what").innerText()).includes(first.name_zh));
  const cited = await page.locator(".src-line.cited").allInnerTexts();
  assert.ok(cited.some((l) => l.replace(/,/g, "").includes(String(first.amount_wan_yuan))), cited.join("\n"));
  const numbers = await page.locator(".src-line.cited .ln").allInnerTexts();
  assert.deepEqual(numbers.map(Number), first.lines);
  await page.screenshot({ path: outFile("projects-source.png") });
  await page.click(".source-panel .close");

  await page.click("#project-clear");
  await waitForCount(page, projects.length);
  assert.equal(await page.locator("#project-min").inputValue(), "");
  assert.equal(await page.locator("#project-plan").inputValue(), "");
  assert.equal(await page.locator("#project-year").inputValue(), "");
  assert.deepEqual(errors, []);
});

test("项目库: sorting by amount, and paging beyond one page", async () => {
  const { page } = await open("#v1/projects", "#projects-table tbody tr");
  const header = page.locator("th", { has: page.locator("button", { hasText: "金额" }) });
  await header.locator("button").click();
  assert.equal(await header.getAttribute("aria-sort"), "descending");
  let amounts = (await shownAmounts(page)).filter((a) => a !== null);
  assert.deepEqual(amounts, [...amounts].sort((a, b) => b - a));
  const largest = Math.max(...projects.map((p) => p.amount_wan_yuan ?? 0));
  assert.equal(amounts[0], largest);
  await header.locator("button").click();
  assert.equal(await header.getAttribute("aria-sort"), "ascending");
  amounts = (await shownAmounts(page)).filter((a) => a !== null);
  assert.deepEqual(amounts, [...amounts].sort((a, b) => a - b));

  // All plans' rows do not fit one page; the pages together show every row once.
  assert.ok(projects.length > 200);
  let seen = await page.locator("#projects-table tbody tr").count();
  assert.ok(seen <= 100, `${seen} rows on a page`);
  while (await page.locator("#projects-next:not([disabled])").count()) {
    await page.click("#projects-next");
    seen += await page.locator("#projects-table tbody tr").count();
  }
  assert.equal(seen, projects.length);
});

test("数据核查: counts per plan are the dataset's, and 矛盾 shows only errors", async () => {
  const { page, errors } = await open("#v1/checks", "#checks-summary");
  for (const plan of dataset.plans) {
    const row = page.locator(`#checks-summary tbody tr[data-plan="${plan.id}"]`);
    for (const severity of ["error", "warning", "info"]) {
      const expected = plan.checks.filter((c) => c.severity === severity).length;
      assert.equal(Number(await row.locator(`td[data-severity="${severity}"]`).innerText()), expected, `${plan.id} ${severity}`);
    }
    assert.equal(Number(await row.locator('td[data-severity="all"]').innerText()), plan.checks.length);
    assert.equal(await page.locator(`#checks-${plan.id} li.check`).count(), plan.checks.length);
  }
  const all = dataset.plans.flatMap((p) => p.checks);
  await page.screenshot({ path: outFile("checks-all.png") });

  await page.click("#severity-error");
  assert.equal(await page.locator("#severity-error").getAttribute("aria-pressed"), "true");
  const errorsExpected = all.filter((c) => c.severity === "error").length;
  await page.waitForFunction((n) => document.querySelectorAll("#checks-page li.check").length === n, errorsExpected);
  const classes = await page.locator("#checks-page li.check").evaluateAll((els) => els.map((e) => e.className));
  assert.ok(classes.every((c) => c.split(" ").includes("error")), classes.join(" | "));
  assert.ok((await page.locator("#checks-shown").innerText()).includes(`${errorsExpected} / ${all.length}`));
  // Every item still shows both figures and what the app uses.
  for (const id of all.filter((c) => c.severity === "error" && c.used_zh).map((c) => c.id)) {
    const item = page.locator(`#checks-page li.check[data-check-id="${id}"]`).first();
    assert.ok((await seenText(item.locator(".check-used"))).startsWith("应用采用"));
  }
  await page.screenshot({ path: outFile("checks-errors.png"), fullPage: true });

  // Kind AND severity.
  await page.click("#severity-all");
  await page.selectOption("#checks-kind", "total_vs_rows");
  const byKind = all.filter((c) => c.kind === "total_vs_rows").length;
  await page.waitForFunction((n) => document.querySelectorAll("#checks-page li.check").length === n, byKind);
  await page.selectOption("#checks-kind", "");

  // A plan in the summary jumps to its section.
  await page.locator('#checks-summary tbody tr[data-plan="fenxi"] button').click();
  await page.waitForFunction(() => document.activeElement?.id === "checks-fenxi");

  // A figure in a check opens its source.
  await page.locator("#checks-fenxi .check-values .figure").first().click();
  await page.waitForSelector(".src-line.cited");
  await page.click(".source-panel .close");
  assert.deepEqual(errors, []);
});
