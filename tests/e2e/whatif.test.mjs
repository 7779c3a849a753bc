// The what-if workbench, clicked through as a planner would: move exits, break and fix a rule,
// rebalance a budget with a lock, undo/redo, two scenarios compared, a share link, reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, freshContext, openApp, outFile, seenText, showBelow } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await freshContext(); });
after(async () => { await browser?.close(); await server?.close(); });

const cell = (page, year, measure = "people") => page.locator(`input.cell-input[data-year="${year}"][data-measure="${measure}"]`);

async function openAntu() {
  const { page, errors } = await openApp(browser.context, server.url + "#v1/plan/antu");
  await page.waitForSelector('[data-plan="antu"]');
  return { page, errors };
}

test("move 2,000 exits from 2019 to 2018: the standard is met a year earlier, undo and redo", async () => {
  const { page, errors } = await openAntu();
  await page.selectOption("#op-from", "2019");
  await page.selectOption("#op-to", "2018");
  await page.fill("#op-amount", "2000");
  await page.click("#op-move");
  assert.equal(await cell(page, 2018).inputValue(), "4114");
  assert.equal(await cell(page, 2019).inputValue(), "1324");
  const summary = await seenText(page.locator("#whatif-summary"));
  assert.match(summary, /达到退出标准的年份\s+2019\s+2018/);
  assert.ok(await page.locator("#rules-ok").isVisible());
  const diff = await seenText(page.locator("#diff-table"));
  assert.ok(diff.includes("+2,000") && diff.includes("-2,000"), diff);

  await page.keyboard.press("Control+z");
  assert.equal(await cell(page, 2018).inputValue(), "2114", "Ctrl+Z undoes the move as one step");
  await page.keyboard.press("Control+Shift+Z");
  assert.equal(await cell(page, 2018).inputValue(), "4114", "Ctrl+Shift+Z redoes it");
  await page.click("#undo");
  assert.equal(await cell(page, 2019).inputValue(), "3324");
  await page.click("#redo");
  assert.equal(await cell(page, 2019).inputValue(), "1324");
  assert.deepEqual(errors, []);
});

test("break a rule and fix it: shown at once in words, never corrected silently", async () => {
  const { page } = await openAntu();
  await page.click("#scenario-new");
  await cell(page, 2019).fill("9000");
  await cell(page, 2019).press("Enter");
  const findings = await seenText(page.locator("#rule-findings"));
  assert.ok(findings.includes("2019年计划脱贫9,000人，但年初仅剩"), findings);
  assert.equal(await cell(page, 2019).inputValue(), "9000", "the typed figure stays as typed");
  await page.click("#lang-toggle");
  assert.ok((await seenText(page.locator("#rule-findings"))).includes("planned to exit, but only"));
  await page.click("#lang-toggle");
  await cell(page, 2019).fill("3324");
  await cell(page, 2019).press("Enter");
  await page.waitForSelector("#rules-ok");
});

test("rebalance a budget with a lock: green only when the parts add up, in whole yuan", async () => {
  const { page } = await openAntu();
  await page.click("#scenario-new");
  await page.click("#budget-dim-year");
  assert.match(await page.locator("#balance").getAttribute("class"), /ok/);
  const input2016 = page.locator('#budget-table tr[data-key="2016"] .money-input');
  await input2016.fill("30000");
  await input2016.press("Enter");
  await page.waitForFunction(() => document.querySelector("#balance")?.className.includes("bad"));
  assert.ok((await seenText(page.locator("#balance"))).includes("超出总额"));
  await page.locator('#budget-table tr[data-key="2016"] .lock-box').check();
  await page.click("#budget-rebalance");
  await page.waitForFunction(() => document.querySelector("#balance")?.className.includes("ok"));
  assert.equal(await input2016.inputValue(), "30,000", "the locked part kept its amount");
  const amounts = await page.locator("#budget-table .money-input").evaluateAll((els) => els.map((e) => e.value));
  // Sum in whole yuan: 万元 with up to 4 decimals.
  const yuan = amounts.map((a) => { const [i, f = ""] = a.replace(/,/g, "").split("."); return BigInt(i) * 10000n + BigInt((f + "0000").slice(0, 4)); });
  assert.equal(yuan.reduce((a, b) => a + b, 0n), 3085032900n, amounts.join(" | "));
  await page.screenshot({ path: outFile("antu-budget.png"), fullPage: true });
  // An impossible target: the locked part alone above the total.
  await input2016.evaluate((e) => { e.disabled = false; });
  await page.locator('#budget-table tr[data-key="2016"] .lock-box').uncheck();
  await input2016.fill("400000");
  await input2016.press("Enter");
  await page.locator('#budget-table tr[data-key="2016"] .lock-box').check();
  await page.click("#budget-rebalance");
  assert.ok((await seenText(page.locator("#budget-error"))).includes("超过资金总额"));
});

test("two scenarios compared side by side, renamed, deleted with undo, kept on reload", async () => {
  const { page } = await openAntu();
  await page.click("#scenario-new");
  await page.click("#op-front");
  await page.click("#scenario-rename");
  await page.fill("#scenario-name", "前置方案");
  await page.press("#scenario-name", "Enter");
  await page.click("#scenario-new");
  await page.click("#op-back");
  await page.click("#scenario-rename");
  await page.fill("#scenario-name", "后置方案");
  await page.press("#scenario-name", "Enter");
  const frontId = await page.locator("#compare-select option", { hasText: "前置方案" }).getAttribute("value");
  await page.selectOption("#compare-select", frontId);
  const compare = await seenText(page.locator("#scenario-compare"));
  assert.ok(compare.includes("后置方案") && compare.includes("前置方案"), compare);
  assert.ok(compare.includes("3,625"), "front-loaded 2018 figure shown: " + compare);
  await page.screenshot({ path: outFile("antu-compare.png"), fullPage: true });

  await page.click("#scenario-delete");
  assert.ok((await page.locator("#toast").innerText()).includes("后置方案"));
  assert.equal(await page.locator("#scenario-select option", { hasText: "后置方案" }).count(), 0);
  await page.click("#toast-undo");
  assert.equal(await page.locator("#scenario-select option", { hasText: "后置方案" }).count(), 1);

  await page.waitForTimeout(600);
  await page.reload();
  await page.waitForSelector('[data-plan="antu"]');
  await showBelow(page);
  const names = await page.locator("#scenario-select option").allInnerTexts();
  assert.ok(names.includes("前置方案") && names.includes("后置方案"), names.join(","));
});

test("a share link reproduces the scenario in a fresh browser", async () => {
  const { page } = await openAntu();
  await page.click("#scenario-new");
  await cell(page, 2018).fill("3000");
  await cell(page, 2018).press("Enter");
  await page.click("#share-link");
  const link = await page.locator("#share-link-text").inputValue();
  assert.match(link, /#v1\/plan\/antu\?s=/);
  const other = await freshContext();
  try {
    const { page: p2 } = await openApp(other.context, link);
    await p2.waitForSelector('[data-plan="antu"]');
    assert.equal(await p2.locator('input.cell-input[data-year="2018"][data-measure="people"]').inputValue(), "3000");
    assert.ok((await p2.locator("#notice").innerText()).includes("已打开链接中的方案"));
    // A tampered link is refused in words, and nothing is applied.
    const { page: p3 } = await openApp(other.context, link.replace(/s=.*/, "s=eyJ2IjoxLCJwbGFuIjoiYW50dSIsIm5hbWUiOiJ4IiwiZXhpdHMiOlt7InllYXIiOjIwMTcsIm1lYXN1cmUiOiJwZW9wbGUiLCJ2YWx1ZSI6MX1dfQ"));
    await p3.waitForSelector("#notice");
    assert.ok((await p3.locator("#notice").innerText()).includes("2017年已完成"), await p3.locator("#notice").innerText());
  } finally {
    await other.close();
  }
});

test("dragging a planned year's bar sets its target; an achieved year's bar does not move", async () => {
  const { page } = await openAntu();
  await page.click("#scenario-new");
  assert.equal(await cell(page, 2018).inputValue(), "2114");
  await page.locator("#chart-exits .svg-box").scrollIntoViewIfNeeded();
  const box = await page.locator("#chart-exits .svg-box").boundingBox();
  const scale = box.width / 640;
  // Plot area of the 640×360 chart: x 92–626, y 14–306; 安图县's axis tops out at 4,000.
  const xOf = (slot) => box.x + (92 + (534 * (slot + 0.5)) / 5) * scale;
  const yOf = (value) => box.y + (306 - (value / 4000) * 292) * scale;
  await page.mouse.move(xOf(2), yOf(2114));
  await page.mouse.down();
  await page.mouse.move(xOf(2), yOf(2600), { steps: 4 });
  await page.mouse.move(xOf(2), yOf(3000), { steps: 4 });
  await page.mouse.up();
  const v = Number(await cell(page, 2018).inputValue());
  assert.ok(Math.abs(v - 3000) <= 20, `2018 dragged to ${v}`);
  await page.keyboard.press("Control+z");
  assert.equal(await cell(page, 2018).inputValue(), "2114", "the whole drag is one undo step");
  await page.mouse.move(xOf(1), yOf(2823));
  await page.mouse.down();
  await page.mouse.move(xOf(1), yOf(500), { steps: 4 });
  await page.mouse.up();
  assert.ok((await page.locator("td.locked").first().innerText()).includes("1,885"));
  assert.ok(await page.locator("#rules-ok").isVisible(), "2017 stayed as reported");
});

test("山西省: moving a county to another exit year changes the yearly counts and the schedule", async () => {
  const { page } = await openApp(browser.context, server.url + "#v1/plan/shanxi");
  await page.waitForSelector('[data-plan="shanxi"]');
  await page.click("#scenario-new");
  const name = await page.locator('.county-col[data-year="2019"] .county').first().getAttribute("data-county");
  await page.selectOption("#county-move-name", name);
  await page.selectOption("#county-move-year", "2018");
  await page.click("#county-move");
  const counts = await seenText(page.locator("#county-counts"));
  assert.match(counts, /17 → 18/);
  assert.match(counts, /27 → 26/);
  assert.equal(await page.locator('input.cell-input[data-year="2018"][data-measure="counties"]').inputValue(), "18");
  assert.ok((await seenText(page.locator("#moved-counties"))).includes(name));
  await page.locator("#moved-counties button").click();
  assert.equal(await page.locator("#moved-counties li").count(), 0);
  assert.equal(await page.locator('input.cell-input[data-year="2018"][data-measure="counties"]').inputValue(), "17");
});
