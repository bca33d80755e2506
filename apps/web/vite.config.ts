// Build of the web app. The server serves apps/web/dist at / under a strict CSP (script-src 'self',
// style-src 'self'), so nothing here may produce inline scripts or styles.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from '../server/src/http/security.ts';

/**
 * Writes dist/sw.js: the hand-written service worker in service-worker.js with the list of built
 * files (index.html and hashed assets) to precache. A plugin of ours instead of vite-plugin-pwa,
 * which pulls hundreds of packages for what is a few lines here.
 */
function serviceWorker(): Plugin {
  return {
    name: 'coproduce-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => !name.endsWith('.map') && name !== 'index.html');
      const precache = ['/', ...files.map((name) => `/${name}`), ...publicFiles()];
      // The version changes whenever any built file name (hence content hash) changes.
      const version = hash(precache.join('\n'));
      const source = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8')
        .replace('__PRECACHE__', JSON.stringify(precache))
        .replace('__VERSION__', JSON.stringify(version));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

/** Files copied as they are from public/ (manifest, icons): not in the bundle, still part of the shell. */
function publicFiles(): string[] {
  const root = fileURLToPath(new URL('./public/', import.meta.url));
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [`/${join(dir, entry.name)}`],
    );
  return walk('');
}

function hash(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // The polyfill is an inline script, which the CSP forbids.
    modulePreload: { polyfill: false },
    // Keep small assets as files: data: URLs are fine for CSP but inlining CSS would not be.
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
  // The server's own policy, so `vite preview` shows CSP mistakes before the server does.
  preview: { headers: { 'content-security-policy': contentSecurityPolicy() } },
  plugins: [serviceWorker()],
});
