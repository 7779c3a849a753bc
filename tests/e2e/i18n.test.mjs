// Language coverage: in English no Chinese character is left in the interface's own words, and
// in Chinese no English word other than format and key names. Dataset content is exempt: the
// components mark it with a data-content attribute (plan titles, project, category and township
// names, check messages, source lines), as is text marked with another language's lang
// attribute (the language switch names the other language in its own script) and the charts'
// SVG (its axis labels come from the same formatting code as the tables).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, freshContext, openApp } from "./harness.mjs";

const VIEWS = ["#v1/plan/antu", "#v1/compare", "#v1/projects", "#v1/checks"];
const READY = { "#v1/plan/antu": '[data-plan="antu"] #chart-exits svg', "#v1/compare": "#compare-table", "#v1/projects": "#projects-table tbody tr", "#v1/checks": "#checks-summary" };
// Names that stay as they are in a Chinese interface.
const ALLOWED_EN = ["PNG", "SVG", "CSV", "XLSX", "JSON", "Excel", "Ctrl", "Shift", "Esc"];

let server, browser;
before(async () => { server = await serve(); browser = await freshContext(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The interface's visible text and its text attributes, outside dataset content: [where, text]. */
function chromeText(page) {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang.slice(0, 2);
    const exempt = (el) => {
      if (!el || el.closest("[data-content], svg, script, style, noscript")) return true;
      const marked = el.closest("[lang]");
      return marked && marked !== document.documentElement && !marked.lang.startsWith(pageLang);
    };
    const where = (el) => {
      const parts = [];
      for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
        parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : "") + (typeof e.className === "string" && e.className ? `.${e.className.trim().split(/\s+/).join(".")}` : ""));
      }
      return parts.join(" > ");
    };
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      const el = n.parentElement;
      if (!text || exempt(el) || !el.checkVisibility()) continue;
      out.push([where(el), text]);
    }
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (exempt(el)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const v = el.getAttribute(name);
        if (v) out.push([`${where(el)} @${name}`, v]);
      }
    }
    return out;
  });
}

async function walk(page, lang) {
  const found = [];
  for (const view of VIEWS) {
    await page.evaluate((h) => { location.hash = h; }, view);
    await page.waitForSelector(READY[view]);
    await page.waitForTimeout(200);
    // Closed parts count too: chart tables, and the comparison charts shown as tables.
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
    found.push(...(await chromeText(page)).map(([where, text]) => [`${view} ${where}`, text]));
    if (view === "#v1/compare") {
      for (const toggle of await page.locator(".table-toggle").all()) await toggle.click();
      found.push(...(await chromeText(page)).map(([where, text]) => [`${view} (tables) ${where}`, text]));
    }
    if (view === "#v1/plan/antu") {
      await page.locator(".card .figure").first().click();
      await page.waitForSelector(".src-line.cited");
      found.push(...(await chromeText(page)).map(([where, text]) => [`${view} (source) ${where}`, text]));
      await page.keyboard.press("Escape");
    }
  }
  assert.ok(found.length > 200, `the walk saw the interface (${found.length} texts)`);
  return found;
}

const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

test("English: no Chinese characters in the interface", async () => {
  const { page } = await openApp(browser.context, server.url);
  await page.click("#lang-toggle");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  const leaks = (await walk(page, "en")).filter(([, text]) => CJK.test(text));
  await page.click("#lang-toggle");
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  assert.deepEqual(leaks, []);
});

test("Chinese: no English words in the interface but format and key names", async () => {
  const { page } = await openApp(browser.context, server.url);
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  const leaks = (await walk(page, "zh"))
    .map(([where, text]) => [where, (text.match(/[A-Za-z]{2,}/g) || []).filter((w) => !ALLOWED_EN.includes(w))])
    .filter(([, words]) => words.length > 0);
  assert.deepEqual(leaks, []);
});
