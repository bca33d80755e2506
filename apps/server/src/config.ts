import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DatabaseConfig, databaseConfigFrom } from './db/config.ts';
import { newSecret } from './ids.ts';

export const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Everything the server reads from its environment; see the table in README.md. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Where the audit keys and anchor live: outside the database, ideally not in its backups. */
  auditKeysDir: string;
  database: DatabaseConfig;
  publicUrl: string;
  trustProxy: boolean | number | string;
  logLevel: string;
  smtpUrl: string | null;
  mailFrom: string;
  webRoot: string;
  sessionDays: number;
  /** Origins the map may load background tiles from (MAP_TILE_HOSTS); none: plain background only. */
  mapTileOrigins: string[];
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const dataDir = resolve(env.DATA_DIR ?? join(repositoryRoot, 'data'));
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    auditKeysDir: resolve(env.AUDIT_KEYS_DIR ?? dataDir),
    database: databaseConfigFrom(env.DATABASE_URL, join(dataDir, 'coproduce.sqlite')),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? 'info',
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM ?? 'Coproduce <no-reply@localhost>',
    webRoot: resolve(env.WEB_ROOT ?? join(repositoryRoot, 'apps/web/dist')),
    sessionDays: Number(env.SESSION_DAYS ?? 60),
    mapTileOrigins: parseTileOrigins(env.MAP_TILE_HOSTS),
  };
}

/**
 * MAP_TILE_HOSTS: space- or comma-separated https origins (e.g. https://tile.openstreetmap.org)
 * the Content-Security-Policy lets the map load tiles from. Anything but a bare https origin is
 * refused at start, so a typo cannot open the policy wider than meant.
 */
export function parseTileOrigins(value: string | undefined): string[] {
  const origins: string[] = [];
  for (const item of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const url = URL.canParse(item) ? new URL(item) : null;
    const bare = url?.protocol === 'https:' && url.origin === item.replace(/\/+$/, '');
    if (!url || !bare || !/^[a-z0-9.-]+$/i.test(url.hostname))
      throw new Error(`MAP_TILE_HOSTS takes https origins such as https://tile.example.org, not "${item}"`);
    origins.push(url.origin);
  }
  return origins;
}

/** The secret that signs CSRF tokens: made once, kept in DATA_DIR so restarts keep sessions valid. */
export function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'cookie-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = newSecret();
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
