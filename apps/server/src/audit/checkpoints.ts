import { type KeyObject, sign, verify } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ChainHead } from './append.ts';
import type { AuditKeys } from './keys.ts';

/**
 * A signed statement that a chain had reached `sequence` with `hash` at `at`. Anyone holding the
 * workspace's public key can check it offline; a chain that later lacks that entry, or holds
 * another hash there, was cut back or rewritten.
 */
export const CheckpointSchema = z.object({
  chain: z.string(),
  sequence: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  signature: z.string(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

const signedText = (c: Omit<Checkpoint, 'signature'>) =>
  `coproduce-checkpoint-v1|${c.chain}|${c.sequence}|${c.hash}|${c.at}`;

export function signCheckpoint(keys: AuditKeys, head: ChainHead, at: string): Checkpoint {
  const unsigned = { chain: head.chain, sequence: head.sequence, hash: head.hash, at };
  const signature = sign(null, Buffer.from(signedText(unsigned)), keys.signingKey).toString('base64');
  return { ...unsigned, signature };
}

export function checkpointSignatureValid(publicKey: KeyObject, c: Checkpoint): boolean {
  try {
    return verify(null, Buffer.from(signedText(c)), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Checkpoints as one JSON object per line, the form `coproduce audit checkpoint` prints. */
export function parseCheckpointLines(text: string): { checkpoints: Checkpoint[]; unreadable: number[] } {
  const checkpoints: Checkpoint[] = [];
  const unreadable: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    try {
      const parsed = CheckpointSchema.safeParse(JSON.parse(line));
      if (parsed.success) checkpoints.push(parsed.data);
      else unreadable.push(index + 1);
    } catch {
      unreadable.push(index + 1);
    }
  });
  return { checkpoints, unreadable };
}

export const anchorFileName = 'audit-anchor.jsonl';

/**
 * The newest signed head of every chain, kept in a file beside the keys (outside the database) and
 * rewritten at most once a second after commits. Deleting the newest entries from the database and
 * rolling its head back then shows against this file.
 */
export interface AuditAnchor {
  note(heads: ChainHead[]): void;
  flush(): void;
  close(): void;
}

export function openAuditAnchor(dir: string, keys: AuditKeys, now: () => string): AuditAnchor {
  const file = join(dir, anchorFileName);
  const latest = new Map<string, Checkpoint>();
  if (existsSync(file)) {
    for (const c of parseCheckpointLines(readFileSync(file, 'utf8')).checkpoints) latest.set(c.chain, c);
  }
  const pending = new Map<string, ChainHead>();
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.size === 0) return;
    const at = now();
    for (const head of pending.values()) latest.set(head.chain, signCheckpoint(keys, head, at));
    pending.clear();
    const text = [...latest.values()].map((c) => JSON.stringify(c)).join('\n');
    writeFileSync(`${file}.tmp`, `${text}\n`, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };
  return {
    note(heads) {
      for (const head of heads) {
        const known = pending.get(head.chain)?.sequence ?? latest.get(head.chain)?.sequence ?? 0;
        // Commits can be reported out of order; only a longer chain moves the anchor.
        if (head.sequence > known) pending.set(head.chain, head);
      }
      if (pending.size > 0 && !timer) {
        timer = setTimeout(flush, 1000);
        timer.unref();
      }
    },
    flush,
    close: flush,
  };
}

export function readAnchor(dir: string): Checkpoint[] {
  const file = join(dir, anchorFileName);
  return existsSync(file) ? parseCheckpointLines(readFileSync(file, 'utf8')).checkpoints : [];
}
