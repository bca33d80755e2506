import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineField } from './fields.ts';
import { createFormEngine, type FormEngine } from './index.ts';

/** Like incremental.test.ts, with a repeat nested in a repeat: levels 0 (top), 1 (/r) and 2 (/r/s). */
const R = '/r';
const S = '/r/s';
const LEVEL_PATH = ['', R, S];

interface Field {
  name: string;
  level: number;
  path: string;
  input: boolean;
}

interface FieldSpec {
  level: number;
  kind: 'input' | 'calc' | 'aggregate' | 'relevant' | 'indexed';
  a: number;
  b: number;
}

const spec: fc.Arbitrary<FieldSpec[]> = fc.array(
  fc.record({
    level: fc.nat(2),
    kind: fc.constantFrom<FieldSpec['kind']>('input', 'calc', 'aggregate', 'relevant', 'indexed'),
    a: fc.nat(),
    b: fc.nat(),
  }),
  { minLength: 2, maxLength: 12 },
);

function buildForm(specs: FieldSpec[]): { engineFields: EngineField[]; fields: Field[] } {
  const engineFields: EngineField[] = [
    { path: R, name: 'r', type: 'begin_repeat' },
    { path: S, name: 's', type: 'begin_repeat', repeat: R },
  ];
  const fields: Field[] = [];
  specs.forEach((f, i) => {
    const name = `f${i}`;
    const path = `${LEVEL_PATH[f.level]}/${name}`;
    const base: EngineField = { path, name, type: 'integer' };
    if (f.level > 0) base.repeat = LEVEL_PATH[f.level]!;
    const visible = fields.filter((x) => x.level <= f.level);
    const deeper = fields.filter((x) => x.level > f.level);
    const a = visible[f.a % Math.max(1, visible.length)];
    const b = visible[f.b % Math.max(1, visible.length)] ?? a;
    const deep = deeper[f.a % Math.max(1, deeper.length)];
    let input = false;
    if (f.kind === 'calc' && a && b) {
      engineFields.push({ ...base, type: 'calculate', calculate: `\${${a.name}} + \${${b.name}} * 2` });
    } else if (f.kind === 'aggregate' && deep) {
      engineFields.push({
        ...base,
        type: 'calculate',
        calculate: `concat(sum(\${${deep.name}}), '/', count(\${s}))`,
      });
    } else if (f.kind === 'indexed' && fields.some((x) => x.level === 1)) {
      const inR = fields.filter((x) => x.level === 1);
      const target = inR[f.a % inR.length]!;
      engineFields.push({
        ...base,
        type: 'calculate',
        calculate: `indexed-repeat(\${${target.name}}, \${r}, 1)`,
      });
    } else if (f.kind === 'relevant' && a) {
      engineFields.push({ ...base, relevant: `\${${a.name}} != 1` });
      input = true;
    } else {
      engineFields.push(base);
      input = true;
    }
    fields.push({ name, level: f.level, path, input });
  });
  return { engineFields, fields };
}

interface RInstance {
  values: Map<string, number>;
  s: Map<string, number>[];
}

const edit = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constant('set' as const), fc.nat(), fc.nat(), fc.nat(), fc.nat(5)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('addR' as const), fc.nat(), fc.nat(), fc.nat(), fc.nat()) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('removeR' as const), fc.nat(), fc.nat(), fc.nat(), fc.nat()) },
  { weight: 2, arbitrary: fc.tuple(fc.constant('addS' as const), fc.nat(), fc.nat(), fc.nat(), fc.nat()) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('removeS' as const), fc.nat(), fc.nat(), fc.nat(), fc.nat()) },
);

function rebuild(engineFields: EngineField[], top: Map<string, number>, rs: RInstance[]): FormEngine {
  const fresh = createFormEngine(engineFields, { initialRepeatInstances: 0 });
  for (const [path, value] of top) fresh.setAnswer(path, value);
  rs.forEach((r, ri) => {
    fresh.addRepeatInstance(R);
    for (const [path, value] of r.values) fresh.setAnswer(path, value, [ri]);
    r.s.forEach((values, si) => {
      fresh.addRepeatInstance(S, [ri]);
      for (const [path, value] of values) fresh.setAnswer(path, value, [ri, si]);
    });
  });
  return fresh;
}

describe('incremental evaluation with nested repeats', () => {
  it('matches a fresh evaluation of the same inputs', () => {
    fc.assert(
      fc.property(spec, fc.array(edit, { maxLength: 25 }), (specs, edits) => {
        const { engineFields, fields } = buildForm(specs);
        const inputs = fields.filter((f) => f.input);
        const live = createFormEngine(engineFields, { initialRepeatInstances: 0 });
        const top = new Map<string, number>();
        const rs: RInstance[] = [];
        for (const [op, x, y, z, value] of edits) {
          const r = rs.length > 0 ? x % rs.length : -1;
          const sCount = r >= 0 ? rs[r]!.s.length : 0;
          if (op === 'addR') {
            live.addRepeatInstance(R);
            rs.push({ values: new Map(), s: [] });
          } else if (op === 'removeR' && r >= 0) {
            live.removeRepeatInstance(R, [r]);
            rs.splice(r, 1);
          } else if (op === 'addS' && r >= 0) {
            live.addRepeatInstance(S, [r]);
            rs[r]!.s.push(new Map());
          } else if (op === 'removeS' && sCount > 0) {
            live.removeRepeatInstance(S, [r, y % sCount]);
            rs[r]!.s.splice(y % sCount, 1);
          } else if (op === 'set' && inputs.length > 0) {
            const field = inputs[z % inputs.length]!;
            if (field.level === 0) {
              live.setAnswer(field.path, value);
              top.set(field.path, value);
            } else if (field.level === 1 && r >= 0) {
              live.setAnswer(field.path, value, [r]);
              rs[r]!.values.set(field.path, value);
            } else if (field.level === 2 && sCount > 0) {
              live.setAnswer(field.path, value, [r, y % sCount]);
              rs[r]!.s[y % sCount]!.set(field.path, value);
            }
          }
        }
        expect(live.answers()).toEqual(rebuild(engineFields, top, rs).answers());
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
