import { readFileSync } from 'node:fs';
import { type Checkpoint, parseCheckpointLines, readAnchor, signCheckpoint } from '../audit/checkpoints.ts';
import { listChainHeads } from '../audit/queries.ts';
import { verifyAuditLog } from '../audit/verify.ts';
import { fail, withServer } from './open.ts';

const optionValue = (args: string[], name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

/**
 * `audit verify [--checkpoints FILE]`: checks every chain with the keys kept beside the database,
 * against the anchor file and any checkpoints a partner kept; prints every damage it finds.
 */
export async function auditVerify(args: string[]): Promise<number> {
  let given: Checkpoint[] = [];
  const file = optionValue(args, '--checkpoints');
  if (args.includes('--checkpoints')) {
    if (!file) return fail('--checkpoints needs a file of checkpoints (one JSON object per line)');
    const parsed = parseCheckpointLines(readFileSync(file, 'utf8'));
    if (parsed.unreadable.length)
      return fail(`${file}: line ${parsed.unreadable.join(', ')} is not a checkpoint`);
    given = parsed.checkpoints;
  }
  return withServer(async ({ deps }) => {
    const checkpoints = [...readAnchor(deps.config.auditKeysDir), ...given];
    const report = await verifyAuditLog(deps.db, deps.auditKeys, checkpoints);
    if (!report.broken) {
      process.stdout.write(
        `ok: ${report.entries} entries in ${report.chains} chains, ${report.checkpoints} checkpoints agree\n`,
      );
      return 0;
    }
    for (const d of report.damage) {
      process.stdout.write(
        `broken: chain ${d.chain}, entry ${d.sequence}${d.entryId ? ` (${d.entryId})` : ''}: ${d.reason}\n`,
      );
    }
    return 1;
  });
}

/**
 * `audit checkpoint`: prints a signed checkpoint of every chain's head, one JSON line each, to keep
 * or print for a partner; `audit verify --checkpoints FILE` checks the log against them later.
 */
export async function auditCheckpoint(): Promise<number> {
  return withServer(async ({ deps }) => {
    const at = deps.clock.now().toISOString();
    const heads = await listChainHeads(deps.db);
    for (const head of heads.filter((h) => h.sequence > 0)) {
      process.stdout.write(`${JSON.stringify(signCheckpoint(deps.auditKeys, head, at))}\n`);
    }
    process.stderr.write(`public key: ${deps.auditKeys.publicKeyText}\n`);
    return 0;
  });
}
