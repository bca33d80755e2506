// Plausible answers for a demo submission, filled in with the form's own engine so relevance and
// repeat counts hold as a researcher's phone would have them: questions the form would not ask are
// left out, numbers stay inside simple "between" constraints, choices come from their lists.
import type { Form } from '@coproduce/forms';
import {
  type AnswerTree,
  buildTree,
  compileForm,
  expandLoops,
  type RenderNode,
} from '@coproduce/forms/submission';
import type { Random } from './city/random.ts';

const phrases = [
  'The tap near the church has been broken since Tuesday.',
  'We share the toilet with four other families.',
  'Water comes in the morning only.',
  'Our shack flooded in the last rains.',
  'The children walk far to the crèche.',
];

/** The bounds of `. >= a and . <= b` style constraints, else a small default range. */
function bounds(constraint: string | undefined): [number, number] {
  const low = /\.\s*>=?\s*(\d+)/.exec(constraint ?? '');
  const high = /\.\s*<=?\s*(\d+)/.exec(constraint ?? '');
  const min = low ? Number(low[1]) + (low[0].includes('>=') ? 0 : 1) : 0;
  const max = high ? Number(high[1]) - (high[0].includes('<=') ? 0 : 1) : 12;
  return [min, Math.max(min, Math.min(max, min + 12))];
}

/** A known answer for a question (by path and repeat indexes): null leaves it unanswered. */
export type Given = (path: string, indexes: number[]) => string | null | undefined;

export function fillAnswers(
  form: Form,
  random: Random,
  at = new Date('2026-11-20T09:00:00Z'),
  given: Given = () => undefined,
): AnswerTree {
  const { engine } = compileForm(form);
  engine.loadAnswers({});
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const fill = (nodes: RenderNode[], indexes: number[]) => {
    for (const node of nodes) {
      if (!engine.isRelevant(node.path, indexes)) continue;
      if (node.kind === 'group') {
        fill(node.children, indexes);
        continue;
      }
      if (node.kind === 'repeat') {
        if (!node.item.bind.repeatCount) {
          const wanted = int(1, 4);
          while (engine.repeatInstanceCount(node.path, indexes) < wanted)
            engine.addRepeatInstance(node.path, indexes);
        }
        const count = engine.repeatInstanceCount(node.path, indexes);
        for (let i = 0; i < count; i++) fill(node.children, [...indexes, i]);
        continue;
      }
      const item = node.item;
      if (item.bind.calculation || item.bind.readOnly === 'yes') continue;
      const list = item.list ? (form.choices[item.list] ?? []).map((c) => c.name) : [];
      const known = given(node.path, indexes);
      let value: string | null = null;
      // A known answer that is not one of the question's choices is no answer a phone would send.
      if (
        known !== undefined &&
        (!list.length || known === null || known.split(' ').every((k) => list.includes(k)))
      )
        value = known;
      else if (item.type === 'integer') value = String(int(...bounds(item.bind.constraint)));
      else if (item.type === 'decimal') value = String(int(...bounds(item.bind.constraint)) + 0.5);
      else if (item.type === 'select_one' && list.length) value = pick(list);
      else if (item.type === 'select_multiple' && list.length)
        value = [...new Set([pick(list), pick(list)])].join(' ');
      else if (item.type === 'text')
        value =
          item.name.includes('number') || item.name.includes('code') ? `S-${int(1, 999)}` : pick(phrases);
      else if (item.type === 'acknowledge') value = 'OK';
      else if (item.type === 'date')
        value = new Date(at.getTime() - int(0, 3000) * 86_400_000).toISOString().slice(0, 10);
      else if (item.type === 'geopoint')
        value = `${(-26.2 + random() * 0.01).toFixed(6)} ${(28.1 + random() * 0.01).toFixed(6)} 1500 5`;
      if (value !== null) engine.setAnswer(node.path, value, indexes);
    }
  };
  fill(buildTree(expandLoops(form).survey), []);
  return engine.answers();
}
