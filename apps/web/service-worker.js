// Coproduce service worker, written by hand; vite.config.ts fills in the two placeholders at build.
// It precaches the app shell so a reload with no connection still shows the app, and it never
// touches /api/: people's data must not linger in a cache on a shared phone.
const PRECACHE = __PRECACHE__;
const CACHE = `coproduce-shell-${__VERSION__}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname === '/health') return;

  if (request.mode === 'navigate') {
    // Network first so a fresh deploy shows at once; the cached shell when offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches
          .match('/', { cacheName: CACHE, ignoreVary: true })
          .then((response) => response || Response.error()),
      ),
    );
    return;
  }
  // Hashed assets never change under one name: cache first. ignoreVary: module scripts are
  // requested with an Origin header that the precache request did not have.
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreVary: true }).then((cached) => cached || fetch(request)),
  );
});
