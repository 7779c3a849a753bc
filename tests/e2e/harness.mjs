// Shared pieces of the end-to-end tests: a static server for dist/ on 127.0.0.1 and headless
// Chromium (Debian's, as installed by scripts/setup) with the flags this sandbox needs.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");
// PE_DIST lets several builds live side by side (the default is the release build in dist/).
export const DIST = process.env.PE_DIST ? path.resolve(process.env.PE_DIST) : path.join(ROOT, "dist");
export const OUT = path.join(here, "out");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json",
  ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/** Serves `dir` on 127.0.0.1 (a free port); resolves to { url, close, requests }. */
export function serve(dir = DIST) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    requests.push(url.pathname);
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end("not found"); return; }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-cache" });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** A fresh browser profile: launchPersistentContext on a new temp dir. */
export async function freshContext(options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-profile-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
    ...options,
  });
  return { context, dir, close: async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/** Opens the app and waits until a plan is on screen. */
export async function openApp(context, url) {
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector("#plan-name", { timeout: 30000 });
  await showBelow(page);
  return { page, errors };
}

/** Brings in the plan page's sections below the charts, as scrolling down does: their code is
 * fetched only once they are about to be seen. Leaves the page scrolled to the top. */
export async function showBelow(page) {
  await page.locator(".plan-page .below").scrollIntoViewIfNeeded();
  await page.waitForSelector(".plan-page .below .whatif", { timeout: 30000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

export function outFile(name) {
  fs.mkdirSync(OUT, { recursive: true });
  return path.join(OUT, name);
}

/** The text a user reads in `locator`, scrolled into view first: sections out of view are not
 * rendered (CSS content-visibility) nor kept up to date, and catch up once on screen (the
 * visibility callback runs with the next frames). */
export async function seenText(locator) {
  await locator.scrollIntoViewIfNeeded();
  await locator.page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
  return locator.innerText();
}
