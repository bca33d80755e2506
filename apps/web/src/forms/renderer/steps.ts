// How a form is cut into screens. "Pages": each top-level group or repeat is a screen, and runs of
// top-level questions share one. "One question per screen": every question alone, except that a
// `field-list` group stays together (as in ODK Collect); a top-level repeat is one step that
// repeatSteps.ts pages through entry by entry, question by question.
import type { FormSession, Indexes } from './session.ts';
import { isShown, type RenderNode, type SectionNode } from './tree.ts';

export type Mode = 'pages' | 'single';

export interface Step {
  nodes: RenderNode[];
  /** Groups around the nodes (outermost first), shown as context headings. */
  context: SectionNode[];
}

const isFieldList = (node: SectionNode) => /\bfield-list\b/.test(node.item.bind.appearance ?? '');

export function buildSteps(tree: RenderNode[], mode: Mode): Step[] {
  const steps: Step[] = [];
  if (mode === 'pages') {
    let run: RenderNode[] = [];
    for (const node of tree) {
      if (node.kind === 'question') {
        if (isShown(node.item)) run.push(node);
        continue;
      }
      if (run.length) steps.push({ nodes: run, context: [] });
      run = [];
      steps.push({ nodes: [node], context: [] });
    }
    if (run.length) steps.push({ nodes: run, context: [] });
    return steps;
  }
  const visit = (nodes: RenderNode[], context: SectionNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'question') {
        if (isShown(node.item)) steps.push({ nodes: [node], context });
      } else if (node.kind === 'repeat' || isFieldList(node)) steps.push({ nodes: [node], context });
      else visit(node.children, [...context, node]);
    }
  };
  visit(tree, []);
  return steps;
}

/** A step is skipped when nothing on it is relevant (skip logic). Steps sit outside repeats. */
export function stepRelevant(session: FormSession, step: Step): boolean {
  return step.nodes.some((n) => session.engine.isRelevant(n.path, []));
}

/** Every answerable field instance on a step, in screen order, for checking before moving on. */
export function fieldInstances(
  session: FormSession,
  nodes: RenderNode[],
  indexes: Indexes,
): { path: string; indexes: Indexes }[] {
  const out: { path: string; indexes: Indexes }[] = [];
  for (const node of nodes) {
    if (!session.engine.isRelevant(node.path, indexes)) continue;
    if (node.kind === 'question') {
      if (!isShown(node.item) || node.item.type === 'note') continue;
      out.push({ path: node.path, indexes });
      if (node.otherPath) out.push({ path: node.otherPath, indexes });
    } else if (node.kind === 'group') out.push(...fieldInstances(session, node.children, indexes));
    else {
      const count = session.engine.repeatInstanceCount(node.path, indexes);
      for (let i = 0; i < count; i++) out.push(...fieldInstances(session, node.children, [...indexes, i]));
    }
  }
  return out;
}

/** The step holding a path (for jumping to the first problem before sending). */
export function stepOf(steps: Step[], path: string): number {
  return steps.findIndex((s) => s.nodes.some((n) => path === n.path || path.startsWith(`${n.path}/`)));
}
