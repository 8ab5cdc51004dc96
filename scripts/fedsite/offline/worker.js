/*
 * The site's service worker: pages keep working offline on a phone, and a new deploy reaches
 * her on her next visit with a connection. The build writes it to the site's root as sw.js,
 * after a line that sets CONFIG (see fedsite/offline/service_worker.py).
 *
 * Written by hand rather than with Workbox: it is under 200 lines, and Workbox would put Node
 * and npm into every build of a site whose build is otherwise Python only.
 *
 * - Install: precache the core pages of every language, their assets and the offline pages,
 *   in a cache named after the build's content (CONFIG.version), and take over at once, so no
 *   old worker keeps serving an old site.
 * - Pages: the network first; after CONFIG.timeout ms, or with no connection, the copy she
 *   saw last (or the installed one); with none, the offline page in the page's language.
 * - Never stored, whatever the address and however it was asked for (a visit, a fetch): a page
 *   on CONFIG.never (sensitive: true) by its path as the server reads it (decoded, without
 *   repeated slashes, index.html as its folder), and any response the server sends with
 *   `Cache-Control: no-store` or whose page carries the never-store marker.
 * - Assets with a content hash in their name: the cache first (the name changes with them).
 * - The search index and other files of the site: a stored copy at once, refreshed behind.
 * - Nothing from another origin, and no .ics, .vcf or sitemap, is stored.
 */
"use strict";

const ROOT = new URL("./", self.location);
const PREFIX = "fedsite-";
const PRECACHE = PREFIX + "core-" + CONFIG.version;
const PAGES = PREFIX + "pages-" + CONFIG.version;
const FILES = PREFIX + "files-" + CONFIG.version;
const HASHED = /\.[0-9a-f]{8}(\.min)?\.(css|js)$/;
const NOT_STORED = /\.(ics|vcf|xml|map)$/;
const never = new Set(CONFIG.never.map((path) => serverPath(new URL(path, ROOT).pathname)));
// What the theme puts in a page never stored (fedsite/theme/main.html).
const MARKER = /<meta name="fedsite-offline" content="never">/;

// A path as the server reads it: /%73afety//index.html is /safety/.
function serverPath(pathname) {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch (error) {
    // not a valid encoding: the server refuses it anyway
  }
  path = path.replace(/\/{2,}/g, "/");
  return path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
}

// May this response be kept? Only the site's own, whole, and not one of the pages never stored.
async function storable(request, response) {
  if (!response.ok || response.type !== "basic" || never.has(serverPath(new URL(request.url).pathname))) {
    return false;
  }
  if (/no-store/i.test(response.headers.get("Cache-Control") || "")) {
    return false;
  }
  const type = response.headers.get("Content-Type") || "";
  return !type.startsWith("text/html") || !MARKER.test(await response.clone().text());
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(PRECACHE)
      .then((cache) =>
        cache.addAll(CONFIG.precache.map((path) => new Request(new URL(path, ROOT), { cache: "reload" })))
      )
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  const current = new Set([PRECACHE, PAGES, FILES]);
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith(PREFIX) && !current.has(name)).map((name) => caches.delete(name))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) {
    return; // the browser's own handling
  }
  if (request.mode === "navigate") {
    event.respondWith(page(event, url));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (!NOT_STORED.test(url.pathname)) {
    event.respondWith(storedThenRefreshed(event, request));
  }
});

async function page(event, url) {
  const request = event.request;
  const keep = !never.has(serverPath(url.pathname));
  const network = fetch(request).then(async (response) => {
    if (keep && (await storable(request, response))) {
      await put(PAGES, request, response.clone(), CONFIG.max_pages);
    }
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  const stored = keep ? await storedPage(request) : undefined;
  if (stored) {
    const late = new Promise((resolve) => setTimeout(() => resolve(stored), CONFIG.timeout));
    return Promise.race([network.catch(() => stored), late]);
  }
  try {
    return await network;
  } catch (error) {
    return (await caches.match(new URL(offlinePage(url.pathname), ROOT))) || Response.error();
  }
}

// The copy she saw last (kept when she visited) before the one installed with the worker.
async function storedPage(request) {
  const visited = await (await caches.open(PAGES)).match(request, { ignoreSearch: true });
  return visited || caches.match(request, { ignoreSearch: true });
}

// The offline page in the language of the page asked for: the longest language folder its
// path starts with.
function offlinePage(pathname) {
  let best = "";
  for (const home of Object.keys(CONFIG.offline)) {
    if (pathname.startsWith(new URL(home, ROOT).pathname) && home.length >= best.length) {
      best = home;
    }
  }
  return CONFIG.offline[best];
}

async function cacheFirst(request) {
  const stored = await caches.match(request);
  if (stored) {
    return stored;
  }
  const response = await fetch(request);
  if (await storable(request, response)) {
    await put(FILES, request, response.clone(), CONFIG.max_files);
  }
  return response;
}

async function storedThenRefreshed(event, request) {
  const stored = await caches.match(request);
  const network = fetch(request).then(async (response) => {
    if (await storable(request, response)) {
      await put(FILES, request, response.clone(), CONFIG.max_files);
    }
    return response;
  });
  if (stored) {
    event.waitUntil(network.catch(() => undefined));
    return stored;
  }
  return network;
}

// Store a response, then forget the oldest entries beyond `limit` (a phone's storage is small).
async function put(name, request, response, limit) {
  const cache = await caches.open(name);
  await cache.put(request, response);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(keys.length - limit, 0)).map((key) => cache.delete(key)));
}
