// Explore and first what-if: pick 安图县, read its figures, change the 2018 target, see the
// consequences, reload, find the change kept. Screenshots go to tests/e2e/out/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, freshContext, openApp, outFile, seenText, showBelow } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await freshContext(); });
after(async () => { await browser?.close(); await server?.close(); });

const text = (page, sel) => page.locator(sel).first().innerText();

test("安图县: headline figures are the plan's, in Chinese", async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  await page.click("#plan-antu");
  await page.waitForSelector('[data-plan="antu"]');
  assert.equal(await text(page, "#plan-name"), "安图县");
  const cards = await page.locator(".cards").innerText();
  for (const figure of ["10,146", "5,646", "80", "10.29%", "2019", "30.85亿元"]) {
    assert.ok(cards.includes(figure), `cards show ${figure}: ${cards}`);
  }
  assert.ok((await page.locator("html").getAttribute("lang")).startsWith("zh"));
  // Achieved years are locked; plan years editable.
  assert.equal(await page.locator("td.locked").count(), 3 * 2, "2016 and 2017 locked for people, households, villages");
  assert.equal(await page.locator('input[data-year="2018"][data-measure="people"]').inputValue(), "2114");
  assert.ok(await page.locator("#rules-ok").isVisible(), "the printed plan keeps its own rules");
  assert.deepEqual(errors, []);
});

test("a figure opens its source line", async () => {
  const { page } = await openApp(browser.context, server.url);
  await page.click("#plan-antu");
  await page.locator(".card .figure", { hasText: "10,146" }).click();
  await page.waitForSelector(".src-line.cited");
  const cited = await page.locator(".src-line.cited").allInnerTexts();
  assert.ok(cited.some((l) => l.includes("10146")), cited.join("\n"));
  // Of the baseline's six lines, the ones that print 10146 are marked and named.
  await page.waitForSelector(".src-line.exact");
  const exact = await page.locator(".src-line.exact .ln").allInnerTexts();
  assert.deepEqual(exact, ["832", "843", "905"]);
  assert.equal(await page.locator(".src-line.cited").count(), 6);
  assert.match(await page.locator(".src-file").innerText(), /数字所在行 832, 843, 905 · 本条记录引用行 424, 473, 832/);
  await page.click(".source-panel .close");
  assert.equal(await page.locator(".source-panel").count(), 0);
  // The exit year is printed on many lines: its card singles none of them out.
  await page.locator(".card .figure", { hasText: "2019" }).click();
  await page.waitForSelector(".src-line.cited");
  assert.equal(await page.locator(".src-line.exact").count(), 0);
  await page.click(".source-panel .close");
});

test("changing the 2018 target updates the consequences and survives reload", async () => {
  const { page } = await openApp(browser.context, server.url);
  await page.click("#plan-antu");
  const input = page.locator('input[data-year="2018"][data-measure="people"]');
  const before = await page.locator("#chart-remaining svg").innerHTML();
  await input.fill("1114");
  await input.press("Enter");
  await page.waitForSelector("#rule-findings");
  const findings = await seenText(page.locator("#rule-findings"));
  assert.ok(findings.includes("到2019年底（计划摘帽年）仍有1,000人未脱贫"), findings);
  assert.ok(findings.includes("合计9,146人"), findings);
  const summary = await seenText(page.locator("#whatif-summary"));
  assert.ok(summary.includes("1,000"), summary);
  assert.ok(summary.includes("1.01%"), summary);
  assert.notEqual(await page.locator("#chart-remaining svg").innerHTML(), before, "the chart redraws");
  await page.screenshot({ path: outFile("antu-whatif.png"), fullPage: true });

  await page.waitForTimeout(600); // past the save debounce
  await page.reload();
  await page.waitForSelector('[data-plan="antu"]');
  await showBelow(page);
  assert.equal(await page.locator('input[data-year="2018"][data-measure="people"]').inputValue(), "1114");
  assert.ok((await seenText(page.locator("#rule-findings"))).includes("1,000人"));

  await page.click("#reset-scenario");
  await page.waitForSelector("#rules-ok");
  assert.equal(await input.inputValue(), "2114");
});

test("English switch translates the page and is kept", async () => {
  const { page } = await openApp(browser.context, server.url);
  await page.click("#plan-antu");
  await page.click("#lang-toggle");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await text(page, "#plan-name"), "Antu County");
  assert.ok((await page.locator(".cards").innerText()).includes("Registered poor people"));
  await page.screenshot({ path: outFile("antu-en.png"), fullPage: true });
  await page.click("#lang-toggle");
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
});
