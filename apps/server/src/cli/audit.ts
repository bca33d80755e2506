import { verifyAuditLog } from '../audit/verify.ts';
import { withServer } from './open.ts';

export async function auditVerify(): Promise<number> {
  return withServer(async ({ deps }) => {
    const report = await verifyAuditLog(deps.db);
    if (!report.broken) {
      process.stdout.write(`ok: ${report.entries} entries in ${report.chains} chains\n`);
      return 0;
    }
    const { chain, sequence, entryId, reason } = report.broken;
    process.stdout.write(
      `broken: chain ${chain}, entry ${sequence}${entryId ? ` (${entryId})` : ''}: ${reason}\n`,
    );
    return 1;
  });
}
