import { adminCreateCommand } from './admin.ts';
import { auditVerifyCommand } from './audit.ts';
import { backupCommand } from './backup.ts';
import { demoCommand } from './demo.ts';
import { formsCheckCommand } from './forms.ts';
import { migrateCommand } from './migrate.ts';
import { serveCommand } from './serve.ts';

export interface Command {
  name: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

const commands: Command[] = [
  serveCommand,
  migrateCommand,
  adminCreateCommand,
  demoCommand,
  backupCommand,
  auditVerifyCommand,
  formsCheckCommand,
];

function usage(): string {
  const lines = commands.map((command) => `  ${command.name.padEnd(16)} ${command.summary}`);
  return ['Usage: coproduce <command> [options]', '', 'Commands:', ...lines, ''].join('\n');
}

/** The `coproduce` command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const words = rest[0] && !rest[0].startsWith('-') ? [`${name} ${rest[0]}`, name] : [name];
  for (const word of words) {
    const command = commands.find((candidate) => candidate.name === word);
    if (command) return command.run(word.includes(' ') ? rest.slice(1) : rest);
  }
  process.stderr.write(`coproduce: unknown command "${argv.join(' ')}"\n\n${usage()}`);
  return 2;
}
