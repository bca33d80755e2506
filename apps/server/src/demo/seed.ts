import { randomInt } from 'node:crypto';
import type { Role } from '@coproduce/contract';
import { buildApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { countAccounts, insertAccount } from '../auth/queries.ts';
import type { ServerDeps } from '../context.ts';
import { newId } from '../ids.ts';
import { codeAlphabet } from '../invites/codes.ts';
import { type CityRequest, generateCity, sonopDemo } from './city/generate.ts';
import { seeded } from './city/random.ts';
import type { CitySettlementBundle } from './city/types.ts';
import { writeCity } from './city/write.ts';
import { DemoClient } from './client.ts';
import { publishTemplates, seedCollection } from './collection.ts';
import { handOverToForm, type Visit } from './enumeration.ts';
import { demoPeople } from './people.ts';

export const demoWorkspaceName = 'Sonop Community Federation (demo)';
const memberRoles: Array<{ role: Role; person: string }> = [
  { role: 'staff', person: 'Thandeka Zulu' },
  { role: 'researcher', person: 'Imran Shaikh' },
  { role: 'member', person: 'Nomvula M.' },
  { role: 'partner', person: 'Johan' },
];

/** One readable password for every demo account, printed once: 4 groups from the invite alphabet. */
function demoPassword(): string {
  const group = () => Array.from({ length: 4 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
  return `${group()}-${group()}-${group()}-${group()}`.toLowerCase();
}

async function freeUsername(deps: ServerDeps, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${n}`;
    const taken = await deps.db
      .selectFrom('accounts')
      .select('id')
      .where('username_key', '=', candidate.toLowerCase())
      .executeTakeFirst();
    if (!taken) return candidate;
  }
}

export interface DemoSignIn {
  url: string;
  password: string;
  accounts: Array<{ role: Role; username: string }>;
  workspaceId: string;
}

/**
 * A demo workspace with an admin coordinator, members in every role and a dozen people with
 * varied channels, languages and needs. Everything after the admin account goes through the API.
 */
export async function seedDemo(
  deps: ServerDeps,
  print: (line: string) => void,
  options: { households?: number; city?: CityRequest } = {},
): Promise<DemoSignIn> {
  const password = demoPassword();
  const passwordHash = await hashPassword(password);
  const adminUsername = await freeUsername(deps, 'demo-coordinator');
  const adminId = newId();
  // There is no API to make a server admin (the CLI does it): this one row is written directly.
  await insertAccount(deps.db, {
    id: adminId,
    username: adminUsername,
    email: null,
    phone: null,
    display_name: 'Lerato (demo coordinator)',
    locale: 'en',
    password_hash: passwordHash,
    is_admin: 1,
    now: deps.clock.now().toISOString(),
  });
  const { app } = await buildApp(deps, { serveWeb: false });
  try {
    const admin = new DemoClient(app);
    await admin.call('POST', '/api/auth/sign-in', { login: adminUsername, password });
    const workspace = await admin.call<{ id: string }>('POST', '/api/workspaces', {
      name: demoWorkspaceName,
      defaultLocale: 'en',
      timeZone: 'Africa/Johannesburg',
    });
    const people = `/api/workspaces/${workspace.id}/people`;
    const personIds = new Map<string, string>();
    for (const person of demoPeople) {
      const created = await admin.call<{ id: string }>('POST', people, person);
      personIds.set(person.displayName, created.id);
    }
    const accounts: DemoSignIn['accounts'] = [{ role: 'coordinator', username: adminUsername }];
    const clients = new Map<Role, DemoClient>();
    for (const { role, person } of memberRoles) {
      const invite = await admin.call<{ code: string }>('POST', `/api/workspaces/${workspace.id}/invites`, {
        role,
        delivery: 'code',
        personId: personIds.get(person),
        // The demo people are made up; a real link records how the person agreed (issue #6).
        linkConsent: { method: 'in_person', note: 'demo data' },
      });
      const username = await freeUsername(deps, `demo-${role}`);
      const client = new DemoClient(app);
      await client.call('POST', '/api/invites/redeem', { code: invite.code, username, password });
      clients.set(role, client);
      accounts.push({ role, username });
    }
    // Settlements on the map: Sonop by default, or a whole generated city (`demo --settlements`).
    // The first settlement's round uses the enumeration form, and some of its structures are
    // enumerated by submissions rather than written directly (enumeration.ts).
    const forms = await publishTemplates(admin, workspace.id);
    const visits: Visit[] = [];
    const bundles = firstHandedOver(
      options.city ? generateCity(options.city) : [sonopDemo(20261202)],
      (first) => visits.push(...handOverToForm(first, forms.enumeration, options.households ?? 240)),
    );
    const numberer = personIds.get('Imran Shaikh') as string;
    const places = await writeCity(
      deps,
      { workspaceId: workspace.id, accountId: adminId, personId: numberer },
      bundles,
      (totals) => {
        if (options.city && totals.settlements % 50 === 0)
          print(`  ${totals.settlements} settlements, ${totals.structures} structures written`);
      },
    );
    const collected = await seedCollection(
      {
        admin,
        staff: clients.get('staff') as DemoClient,
        researcher: clients.get('researcher') as DemoClient,
      },
      workspace.id,
      {
        researcher: personIds.get('Imran Shaikh') as string,
        staff: personIds.get('Thandeka Zulu') as string,
      },
      seeded(20261202),
      forms,
      visits,
    );
    const counts = await recordCounts(deps, workspace.id);
    const url = deps.config.publicUrl;
    print('');
    print(
      `Demo workspace "${demoWorkspaceName}" is ready with ${demoPeople.length} people and ${collected.submissions} submissions.`,
    );
    print(
      `Settlements: ${places.settlements}, with ${places.structures} structures, ${counts.households} households and ${counts.members} household members.`,
    );
    print(`Sign in at ${url} with one of these usernames (one per role) and the password below.`);
    for (const account of accounts) print(`  ${account.role.padEnd(12)} ${account.username}`);
    print(`  password     ${password}`);
    print('The password is shown only now: note it, or run `coproduce demo` again for new accounts.');
    print('');
    return { url, password, accounts, workspaceId: workspace.id };
  } finally {
    await app.close();
  }
}

/** The bundles as they come (a city is generated as it is written), the first one handed over. */
function* firstHandedOver(
  bundles: Iterable<CitySettlementBundle>,
  handOver: (b: CitySettlementBundle) => void,
) {
  let first = true;
  for (const bundle of bundles) {
    if (first) handOver(bundle);
    first = false;
    yield bundle;
  }
}

/** Households and members in the workspace: the generator's and those the submissions wrote. */
async function recordCounts(deps: ServerDeps, workspaceId: string) {
  const count = async (table: 'households' | 'household_members') =>
    Number(
      (
        await deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { households: await count('households'), members: await count('household_members') };
}

/** For `coproduce serve --demo`: seeds only a brand-new server (no account at all yet). */
export async function seedDemoIfEmpty(deps: ServerDeps, print: (line: string) => void): Promise<void> {
  if ((await countAccounts(deps.db)) > 0) return;
  await seedDemo(deps, print);
}
