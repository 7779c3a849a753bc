// Offline copy of the app, so a plan can still be shown in a meeting room without a network.
//
// - Pages and data/plans.json: network first (always the newest when online), the cached copy
//   when offline.
// - Build files with a content hash in their name (wasm, js, css, icon) and the plan texts in
//   data/sources/: cache first, since a given name never changes.
// - Every successful same-origin answer is kept, so the second visit works offline although
//   each build renames its files.
// Fonts: the app uses the system's CJK fonts (no web fonts), so there is nothing to cache for them.
//
// A new VERSION starts a fresh cache; the old ones are deleted when the new worker takes over.
const VERSION = "1";
const PREFIX = "plan-explorer-";
const CACHE = PREFIX + VERSION;
const PRECACHE = ["./", "index.html", "data/plans.json"];

// name-0123456789abcdef.js, name-0123456789abcdef_bg.wasm: Trunk's hashed build files.
const HASHED = /-[0-9a-f]{8,}(_bg)?\.(wasm|js|css|svg)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
      .then(() => warmSources()),
  );
});

// What the first load did not need, cached a few seconds after activation so that it works
// offline without weighing on the first load: the app's parts not yet opened (their code is
// fetched when first shown; parts.json lists the files of this build) and the plan texts behind
// every figure's source lines.
const WARM_DELAY_MS = 4000;

async function warmSources() {
  await new Promise((resolve) => setTimeout(resolve, WARM_DELAY_MS));
  const cache = await caches.open(CACHE);
  let files = [];
  try {
    const parts = await fetch("parts.json", { cache: "no-cache" });
    if (parts.ok) files = (await parts.json()).files.filter((f) => HASHED.test(f));
  } catch {
    // offline, or a build without parts: nothing to add
  }
  const data = await cache.match("data/plans.json");
  if (data) {
    try {
      const texts = (await data.json()).plans.map((p) => p.source_file).filter((f) => /^[\w.-]+\.txt$/.test(f));
      files = files.concat(texts.map((f) => "data/sources/" + f));
    } catch {
      // an unreadable copy: the texts come on a later visit
    }
  }
  for (const url of files) {
    if (await cache.match(url)) continue;
    try {
      const response = await fetch(url);
      if (response.ok) await store(new Request(new URL(url, self.location).href), response);
    } catch {
      return; // offline already; the rest comes on a later visit
    }
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (HASHED.test(path) || path.includes("/data/sources/")) {
    event.respondWith(cacheFirst(event));
  } else {
    event.respondWith(networkFirst(event));
  }
});

// Stores a copy while the page already reads the answer. A redirected answer is not kept: it
// cannot answer a page load later.
function keep(event, response) {
  if (!response.ok || response.type !== "basic" || response.redirected) return;
  event.waitUntil(store(event.request, response.clone()));
}

function store(request, copy) {
  return caches.open(CACHE).then(async (cache) => {
    await cache.put(request, copy);
    // A new build's file replaces the previous build's file of the same name.
    const path = new URL(request.url).pathname;
    if (!HASHED.test(path)) return;
    const stem = path.replace(HASHED, "");
    const ext = path.slice(path.lastIndexOf("."));
    for (const old of await cache.keys()) {
      const p = new URL(old.url).pathname;
      if (p !== path && HASHED.test(p) && p.replace(HASHED, "") === stem && p.endsWith(ext)) await cache.delete(old);
    }
  });
}

async function cacheFirst(event) {
  const cached = await caches.match(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  keep(event, response);
  return response;
}

async function networkFirst(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    keep(event, response);
    return response;
  } catch (offline) {
    const cached = await caches.match(request, { ignoreSearch: request.mode === "navigate" });
    if (cached) return cached;
    // Any page of the app is index.html (the view is in the URL's #hash).
    if (request.mode === "navigate") {
      const page = (await caches.match("index.html")) || (await caches.match("./"));
      if (page) return page;
    }
    throw offline;
  }
}
