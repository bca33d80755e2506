export interface Command {
  name: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

// Each command loads its module only when run, so `forms check` never loads the server.
const commands: Command[] = [
  {
    name: 'serve',
    summary: 'run the server (--demo seeds demo data into an empty database)',
    run: async (args) => (await import('./serve.ts')).serve(args),
  },
  {
    name: 'migrate',
    summary: 'bring the database schema up to date (serve does this too)',
    run: async () => (await import('./migrate.ts')).migrate(),
  },
  {
    name: 'admin create',
    summary: 'create a server administrator: --username U [--password P] [--email E] [--display-name N]',
    run: async (args) => (await import('./admin.ts')).adminCreate(args),
  },
  {
    name: 'demo',
    summary:
      'add a demo workspace with members in every role, people and the Sonop settlement; --settlements N --structures M [--seed S] generates a city instead',
    run: async (args) => (await import('./demo.ts')).demo(args),
  },
  {
    name: 'backup',
    summary: 'copy the SQLite database to <file> while the server runs (PostgreSQL: use pg_dump)',
    run: async (args) => (await import('./backup.ts')).backup(args),
  },
  {
    name: 'audit verify',
    summary: 'check every audit chain (and --checkpoints FILE a partner kept); prints every damage',
    run: async (args) => (await import('./audit.ts')).auditVerify(args),
  },
  {
    name: 'audit checkpoint',
    summary: 'print a signed checkpoint of every audit chain, to keep or print for a partner',
    run: async () => (await import('./audit.ts')).auditCheckpoint(),
  },
  {
    name: 'forms check',
    summary: 'check XLSForm files (.xlsx, .xls, .md, .csv), one JSON line each: forms check FILE… [--json]',
    run: async (args) => (await import('./forms.ts')).formsCheck(args),
  },
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
