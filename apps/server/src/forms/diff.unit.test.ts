import type { Form, Question, Section, SurveyItem } from '@coproduce/forms';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { group, form as makeForm, question } from '../test/form-models.ts';
import { diffForms, type Rewording } from './diff.ts';

const languageSets = [['default'], ['English (en)', 'isiZulu (zu)'], ['English (en)']];

/** Random forms: questions and groups, each select with its own choice list, 1–2 languages. */
const formArb = fc
  .record({
    languages: fc.constantFrom(...languageSets),
    shape: fc.array(fc.record({ children: fc.nat({ max: 3 }), select: fc.boolean(), hint: fc.boolean() }), {
      minLength: 1,
      maxLength: 6,
    }),
    words: fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ languages, shape, words }) => {
    const texts = (seed: string) => Object.fromEntries(languages.map((l) => [l, `${seed} ${l}`]));
    const choices: Form['choices'] = {};
    let n = 0;
    const leaf = (select: boolean, hint: boolean): Question => {
      const name = `q${n++}`;
      const more: Partial<Question> = hint ? { hint: texts(`hint ${name} ${words[1]}`) } : {};
      if (!select) return question(name, 'text', texts(`${words[0]} ${name}`), more);
      choices[`list_${name}`] = ['a', 'b'].map((c) => ({
        name: c,
        label: texts(`${c} ${words[2]}`),
        media: {},
        extra: {},
      }));
      return question(name, 'select_one', texts(`${words[0]} ${name}`), { ...more, list: `list_${name}` });
    };
    const survey: SurveyItem[] = shape.map(({ children, select, hint }) =>
      children === 0
        ? leaf(select, hint)
        : group(
            `g${n++}`,
            texts(`group ${words[3]}`),
            Array.from({ length: children }, (_, i) => leaf(select && i === 0, hint)),
          ),
    );
    return { form: makeForm(survey, choices), languages };
  });

interface Op {
  kind: 'remove' | 'label' | 'hint' | 'choice' | 'add';
  target: number;
  language: number;
  text: string;
}
const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('remove', 'label', 'hint', 'choice', 'add'),
  target: fc.nat(),
  language: fc.nat(),
  text: fc.string({ minLength: 1, maxLength: 8 }),
});

function items(survey: SurveyItem[], parents: string[] = []): { item: SurveyItem; path: string }[] {
  return survey.flatMap((item) => {
    const path = `/${[...parents, item.name].join('/')}`;
    const here = { item, path };
    return item.kind === 'question' ? [here] : [here, ...items(item.children, [...parents, item.name])];
  });
}

/** Applies edits to a copy, recording each as a co-design meeting would note it. */
function edit(original: Form, languages: string[], ops: Op[]) {
  const next = structuredClone(original);
  const added: string[] = [];
  const removed = new Set<string>();
  const reworded = new Map<string, Rewording>();
  const alive = () =>
    items(next.survey).filter(
      ({ path }) => ![...removed].some((r) => path === r || path.startsWith(`${r}/`)),
    );
  const note = (r: Omit<Rewording, 'before'>, before: string | null) => {
    const key = `${r.path}|${r.field}|${r.choiceName}|${r.language}`;
    const earlier = reworded.get(key);
    const first = earlier ? earlier.before : before;
    if (first === r.after) reworded.delete(key);
    else reworded.set(key, { ...r, before: first });
  };
  let fresh = 0;
  for (const op of ops) {
    const live = alive().filter(({ path }) => !added.includes(path));
    const language = languages[op.language % languages.length] as string;
    if (op.kind === 'add') {
      const name = `new${fresh++}`;
      next.survey.push(question(name, 'text', { [language]: op.text }));
      added.push(`/${name}`);
      continue;
    }
    if (live.length === 0) continue;
    const { item, path } = live[op.target % live.length] as (typeof live)[number];
    if (op.kind === 'remove') {
      removed.add(path);
      for (const key of [...reworded.keys()])
        if (key.startsWith(`${path}|`) || key.startsWith(`${path}/`)) reworded.delete(key);
      const drop = (list: SurveyItem[]): SurveyItem[] =>
        list
          .filter((i) => i !== item)
          .map((i) => (i.kind === 'question' ? i : ({ ...i, children: drop(i.children) } as Section)));
      next.survey = drop(next.survey);
    } else if (op.kind === 'label' || op.kind === 'hint') {
      const before = item[op.kind][language] ?? null;
      item[op.kind] = { ...item[op.kind], [language]: op.text };
      note({ path, field: op.kind, choiceName: null, language, after: op.text }, before);
    } else if (item.kind === 'question' && item.list) {
      const choice = next.choices[item.list]?.[op.target % 2];
      if (!choice) continue;
      const before = choice.label[language] ?? null;
      choice.label = { ...choice.label, [language]: op.text };
      note({ path, field: 'choiceLabel', choiceName: choice.name, language, after: op.text }, before);
    }
  }
  return { next, added, removed, reworded: [...reworded.values()] };
}

const byKey = (r: Rewording) => `${r.path}|${r.field}|${r.choiceName}|${r.language}`;
const sorted = (list: Rewording[]) => [...list].sort((a, b) => byKey(a).localeCompare(byKey(b)));

describe('diffForms', () => {
  it('finds nothing between a form and itself (or a copy of it)', () => {
    fc.assert(
      fc.property(formArb, ({ form }) => {
        const diff = diffForms(form, structuredClone(form));
        expect(diff).toEqual({ added: [], removed: [], reworded: [] });
      }),
    );
  });

  it('explains every difference by the recorded edits, and nothing else', () => {
    fc.assert(
      fc.property(formArb, fc.array(opArb, { maxLength: 12 }), ({ form, languages }, ops) => {
        const { next, added, removed, reworded } = edit(form, languages, ops);
        const diff = diffForms(form, next);
        expect(diff.added.map((a) => a.path).sort()).toEqual([...added].sort());
        const gone = items(form.survey)
          .map((i) => i.path)
          .filter((p) => [...removed].some((r) => p === r || p.startsWith(`${r}/`)));
        expect(diff.removed.map((r) => r.path).sort()).toEqual(gone.sort());
        expect(sorted(diff.reworded)).toEqual(sorted(reworded));
      }),
      { numRuns: 300 },
    );
  });

  it('is symmetric: what one way adds, the other way removes', () => {
    fc.assert(
      fc.property(formArb, fc.array(opArb, { maxLength: 8 }), ({ form, languages }, ops) => {
        const { next } = edit(form, languages, ops);
        const forward = diffForms(form, next);
        const back = diffForms(next, form);
        expect(back.removed.map((r) => r.path).sort()).toEqual(forward.added.map((a) => a.path).sort());
        expect(back.reworded.length).toBe(forward.reworded.length);
      }),
    );
  });
});
