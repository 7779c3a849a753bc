// Presentation mode: slides advance by key, show the plan's figures large, and hold at 1920×1080
// and 1280×720 without anything spilling out of the screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, freshContext, openApp, outFile } from "./harness.mjs";

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

for (const [w, h] of [[1920, 1080], [1280, 720]]) {
  test(`slides at ${w}×${h}: keys move through them, nothing overflows`, async () => {
    const b = await freshContext({ viewport: { width: w, height: h } });
    try {
      const { page, errors } = await openApp(b.context, server.url + "#v1/plan/antu");
      await page.click("#view-present");
      await page.waitForSelector("#present");
      assert.match(page.url(), /#v1\/present\/antu/);
      assert.equal(await page.locator(".app-header").isVisible(), false, "the page chrome is hidden");
      const cards = await page.locator(".slide-cards").innerText();
      for (const f of ["10,146", "80", "10.29%", "2019", "30.85亿元"]) assert.ok(cards.includes(f), cards);
      const slide = () => page.locator("#present").getAttribute("data-slide");
      const expectations = ["0", "1", "2", "3", "4", "5"];
      for (const [i, n] of expectations.entries()) {
        assert.equal(await slide(), n);
        const overflow = await page.evaluate(() => {
          const bad = [];
          for (const el of document.querySelectorAll(".slide *")) {
            const r = el.getBoundingClientRect();
            if (r.width && (r.right > innerWidth + 1 || r.bottom > innerHeight + 1)) bad.push(el.className || el.tagName);
          }
          for (const el of document.querySelectorAll(".slide-card-value")) {
            if (el.scrollWidth > el.parentElement.clientWidth) bad.push("card value too wide: " + el.textContent);
          }
          return bad;
        });
        assert.deepEqual(overflow, [], `slide ${n}`);
        if (i === 1) assert.ok(await page.locator(".slide-chart svg rect").count() > 4, "the exits chart is drawn");
        await page.screenshot({ path: outFile(`present-${w}-${n}.png`) });
        await page.keyboard.press(i % 2 ? "Space" : "ArrowRight");
      }
      assert.equal(await slide(), "5", "the last slide stays the last");
      await page.keyboard.press("Home");
      assert.equal(await slide(), "0");
      await page.keyboard.press("End");
      assert.ok((await page.locator(".slide-title").innerText()).includes("数据核查"));
      await page.keyboard.press("ArrowLeft");
      assert.equal(await slide(), "4");
      await page.reload();
      await page.waitForSelector("#present");
      assert.equal(await slide(), "4", "the slide is in the link");
      await page.keyboard.press("Escape");
      await page.waitForSelector('[data-plan="antu"]');
      assert.deepEqual(errors, []);
    } finally { await b.close(); }
  });
}
