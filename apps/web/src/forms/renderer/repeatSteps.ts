// One question per screen inside a repeat: a top-level repeat's step is paged through entry by
// entry and, within each entry, screen by screen (a question, or a field-list group), then an
// "entries" screen to add another or move on (left out when repeat_count fixes the number).
// Positions are recomputed from the session each time, since answers change what is relevant.
import type { FormSession } from './session.ts';
import { buildSteps, type Mode, type Step } from './steps.ts';
import type { SectionNode } from './tree.ts';

export type RepeatPos = { entry: number; inner: number } | { end: true };

/** The repeat a step pages through in one-question-per-screen mode, if it is one. */
export function pagedRepeat(step: Step | undefined, mode: Mode): SectionNode | null {
  const node = step?.nodes.length === 1 ? step.nodes[0] : undefined;
  return mode === 'single' && node?.kind === 'repeat' ? node : null;
}

const inner = new WeakMap<SectionNode, Step[]>();

/** The screens of one entry: the repeat's children cut as in one-question-per-screen mode. */
export function innerSteps(node: SectionNode): Step[] {
  let steps = inner.get(node);
  if (!steps) {
    steps = buildSteps(node.children, 'single');
    inner.set(node, steps);
  }
  return steps;
}

export function repeatPositions(session: FormSession, node: SectionNode): RepeatPos[] {
  const e = session.engine;
  if (!e.isRelevant(node.path, [])) return [];
  const steps = innerSteps(node);
  const out: RepeatPos[] = [];
  const count = e.repeatInstanceCount(node.path, []);
  for (let entry = 0; entry < count; entry++) {
    steps.forEach((s, i) => {
      if (s.nodes.some((n) => e.isRelevant(n.path, [entry]))) out.push({ entry, inner: i });
    });
  }
  if (!node.item.bind.repeatCount) out.push({ end: true });
  return out;
}

const order = (p: RepeatPos): number => ('end' in p ? Number.POSITIVE_INFINITY : p.entry * 1e6 + p.inner);

/** The position after `from`, or null when the repeat is done. */
export function nextPos(positions: RepeatPos[], from: RepeatPos): RepeatPos | null {
  return positions.find((p) => order(p) > order(from)) ?? null;
}

/** The position before `from`, or null at the start of the repeat. */
export function prevPos(positions: RepeatPos[], from: RepeatPos): RepeatPos | null {
  return positions.findLast((p) => order(p) < order(from)) ?? null;
}

/** Where a problem at `path` in entry `entry` is shown. */
export function posOf(node: SectionNode, path: string, entry: number): RepeatPos {
  const i = innerSteps(node).findIndex((s) =>
    s.nodes.some((n) => path === n.path || path.startsWith(`${n.path}/`)),
  );
  return { entry, inner: Math.max(0, i) };
}
