#!/usr/bin/env node
// `npm run dev`: the server under `tsx watch` (restarts on any change to its imports) and Vite's
// dev server for apps/web with hot reload, proxying /api and /health to that server. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverPort = process.env.PORT ?? '3000';
const webPort = Number(process.env.WEB_PORT ?? 5173);
const serverUrl = `http://127.0.0.1:${serverPort}`;

const server = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['watch', 'apps/server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  // Invite links must point at the page people open, which is Vite's, not the API port.
  env: {
    ...process.env,
    PORT: serverPort,
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${webPort}`,
  },
});

// The web app's own vite.config.ts stays the source of truth; only the proxy target and port are set
// here, so the proxy follows PORT when the server runs elsewhere than 3000.
const web = await createServer({
  configFile: join(root, 'apps/web/vite.config.ts'),
  root: join(root, 'apps/web'),
  server: {
    port: webPort,
    strictPort: true,
    proxy: { '/api': serverUrl, '/health': serverUrl },
  },
});
await web.listen();
web.printUrls();
console.log(
  `[dev] server on ${serverUrl} (tsx watch), web on http://localhost:${webPort} — Ctrl-C stops both`,
);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) server.kill('SIGTERM');
  // tsx watch normally exits at once; do not let a stuck child keep the terminal.
  const force = setTimeout(() => server.kill('SIGKILL'), 3000);
  await web.close();
  if (server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
  clearTimeout(force);
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.on('exit', (code) => {
  if (!stopping) {
    console.error(`[dev] the server watcher exited (${code}); stopping the web dev server too`);
    stop(code ?? 1);
  }
});
