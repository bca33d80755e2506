import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineField } from './fields.ts';
import { createFormEngine } from './index.ts';

/**
 * Incremental re-evaluation must end in the same state as evaluating a fresh form with the same
 * inputs: random forms (top-level fields and a repeat) under random sequences of edits.
 */
const R = '/r';

interface FormSpec {
  fields: EngineField[];
  topInputs: string[];
  repeatInputs: string[];
}

const EXPRESSIONS = [
  (a: string, b: string) => `\${${a}} + \${${b}}`,
  (a: string, b: string) => `if(\${${a}} > 3, \${${b}}, 'low')`,
  (a: string, b: string) => `concat(\${${a}}, '-', \${${b}})`,
  (a: string) => `\${${a}} * 2`,
  (a: string) => `coalesce(\${${a}}, 'none')`,
];

const formSpec: fc.Arbitrary<FormSpec> = fc
  .array(
    fc.record({
      kind: fc.constantFrom('input', 'calc', 'calc', 'relevantInput'),
      inRepeat: fc.boolean(),
      expr: fc.nat(EXPRESSIONS.length - 1),
      a: fc.nat(),
      b: fc.nat(),
    }),
    { minLength: 2, maxLength: 14 },
  )
  .map((specs) => {
    const fields: EngineField[] = [{ path: R, name: 'r', type: 'begin_repeat' }];
    const topInputs: string[] = [];
    const repeatInputs: string[] = [];
    const earlier: { name: string; inRepeat: boolean }[] = [];
    specs.forEach((spec, i) => {
      const name = `f${i}`;
      const path = spec.inRepeat ? `${R}/${name}` : `/${name}`;
      const base = { path, name, ...(spec.inRepeat ? { repeat: R } : {}) };
      // Top-level fields may only read top-level fields or aggregate the repeat with sum().
      const pick = (n: number): string | null => {
        const usable = earlier.filter((f) => spec.inRepeat || !f.inRepeat);
        return usable.length === 0 ? null : usable[n % usable.length]!.name;
      };
      const a = pick(spec.a);
      const b = pick(spec.b) ?? a;
      if (spec.kind === 'input' || a === null || b === null) {
        fields.push({ ...base, type: 'integer' });
        (spec.inRepeat ? repeatInputs : topInputs).push(path);
      } else if (spec.kind === 'relevantInput') {
        fields.push({ ...base, type: 'integer', relevant: `\${${a}} != 2` });
        (spec.inRepeat ? repeatInputs : topInputs).push(path);
      } else {
        fields.push({ ...base, type: 'calculate', calculate: EXPRESSIONS[spec.expr]!(a, b) });
      }
      earlier.push({ name, inRepeat: spec.inRepeat });
    });
    const repeated = earlier.filter((f) => f.inRepeat).map((f) => f.name);
    if (repeated.length > 0) {
      fields.push({ path: '/total', name: 'total', type: 'calculate', calculate: `sum(\${${repeated[0]}})` });
      fields.push({ path: '/n', name: 'n', type: 'calculate', calculate: 'count(${r})' });
    }
    return { fields, topInputs, repeatInputs };
  });

type Edit =
  | { op: 'set'; input: number; instance: number; value: number }
  | { op: 'add' }
  | { op: 'remove'; instance: number };

const edits: fc.Arbitrary<Edit[]> = fc.array(
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        op: fc.constant('set' as const),
        input: fc.nat(),
        instance: fc.nat(),
        value: fc.integer({ min: 0, max: 6 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('add' as const) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), instance: fc.nat() }) },
  ),
  { maxLength: 25 },
);

describe('incremental evaluation', () => {
  it('matches a fresh evaluation of the same inputs', () => {
    fc.assert(
      fc.property(formSpec, edits, ({ fields, topInputs, repeatInputs }, steps) => {
        const live = createFormEngine(fields);
        // The inputs as the person left them: top-level values and one record per repeat instance.
        const top = new Map<string, number>();
        const instances: Map<string, number>[] = [new Map()];
        for (const step of steps) {
          if (step.op === 'add') {
            live.addRepeatInstance(R);
            instances.push(new Map());
          } else if (step.op === 'remove') {
            if (instances.length === 0) continue;
            const index = step.instance % instances.length;
            live.removeRepeatInstance(R, [index]);
            instances.splice(index, 1);
          } else {
            const all = [...topInputs, ...repeatInputs];
            if (all.length === 0) continue;
            const path = all[step.input % all.length]!;
            if (topInputs.includes(path)) {
              live.setAnswer(path, step.value);
              top.set(path, step.value);
            } else if (instances.length > 0) {
              const index = step.instance % instances.length;
              live.setAnswer(path, step.value, [index]);
              instances[index]!.set(path, step.value);
            }
          }
        }
        const fresh = createFormEngine(fields, { initialRepeatInstances: 0 });
        for (const [path, value] of top) fresh.setAnswer(path, value);
        instances.forEach((values, index) => {
          fresh.addRepeatInstance(R);
          for (const [path, value] of values) fresh.setAnswer(path, value, [index]);
        });
        expect(live.answers()).toEqual(fresh.answers());
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
