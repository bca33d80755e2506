// The reader process's entry: plain JavaScript, so that it loads the same way under vitest, under
// `coproduce serve` and in CI (Node 20 cannot strip types, so it registers tsx itself, as bin/ does).
import { register } from 'tsx/esm/api';

register();
await import('./parse.ts');
