import { main } from './cli/main.ts';

// `npm run dev` runs this file under `tsx watch`: the same as `coproduce serve`.
process.exitCode = await main(['serve', ...process.argv.slice(2)]);
