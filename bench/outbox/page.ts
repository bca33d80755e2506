// The page half of the outbox benchmark: the phone's real store and sender, bundled and served on
// the server's own origin so `call()` reaches it with the session cookie, driven through `window.bench`.
import { setCsrfToken } from '../../apps/web/src/api.ts';
import { openOfflineDb } from '../../apps/web/src/offline/db.ts';
import { newInstanceId } from '../../apps/web/src/offline/ids.ts';
import { unlock } from '../../apps/web/src/offline/keys.ts';
import type { UserStore } from '../../apps/web/src/offline/store.ts';
import { sendOutbox } from '../../apps/web/src/offline/sync.ts';

let store: UserStore | null = null;

async function setUp(input: {
  login: string;
  password: string;
  workspaceId: string;
  formId: string;
  answers: Record<string, string>[];
}): Promise<number> {
  const response = await fetch('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: input.login, password: input.password }),
  });
  const session = await response.json();
  setCsrfToken(session.csrfToken);
  store = await unlock(
    await openOfflineDb(),
    session.account.id,
    { password: input.password },
    { createIfMissing: true },
  );
  for (const answers of input.answers) {
    const id = newInstanceId();
    const item = { id, formId: input.formId, formVersion: 1, answers, files: [] };
    await store.saveDraft({ workspaceId: input.workspaceId, item, savedAt: new Date().toISOString() });
    await store.finalize(id);
  }
  return (await store.list('outbox')).length;
}

async function send(): Promise<{ ms: number; confirmed: number; waiting: number }> {
  if (!store) throw new Error('setUp first');
  const started = performance.now();
  const report = await sendOutbox(store);
  return { ms: performance.now() - started, confirmed: report.confirmed.length, waiting: report.waiting };
}

Object.assign(globalThis, { bench: { setUp, send } });
