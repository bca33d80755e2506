// Choosing a numbered structure on the phone and warning of a painted number used twice, from the
// downloaded cache alone (it works offline). Pure: the screens (StructurePicker, FillScreen) and
// their tests call these. A form takes part when its `entities` sheet names the `structures` list
// and questions outside any repeat save to its properties (`save_to` = `structures#number`, …).
import type { Assignment, Structure, SubmissionItem } from '@coproduce/contract';
import type { Form, SurveyItem } from '../forms/lib.ts';
import type { CollectCache } from '../offline/download.ts';
import type { Work } from '../offline/store.ts';

type Answers = SubmissionItem['answers'];

/** The question paths (`/structure/painted_number`) that save to each `structures` property. */
export type StructureQuestions = Partial<Record<string, string>>;

export function structureQuestions(form: Form): StructureQuestions {
  const lists = (form.entities ?? []).map((e) => e.list);
  if (!lists.includes('structures')) return {};
  const out: StructureQuestions = {};
  const visit = (items: SurveyItem[], parent: string) => {
    for (const item of items) {
      const path = `${parent}/${item.name}`;
      if (item.kind === 'group') visit(item.children, path);
      if (item.kind !== 'question' || !item.saveTo) continue;
      const [list, prop] = item.saveTo.includes('#') ? item.saveTo.split('#') : [lists[0], item.saveTo];
      if (list === 'structures' && prop) out[prop] = path;
    }
  };
  visit(form.survey, ''); // repeats are skipped: a structure is the form's own, not an entry's
  return out;
}

/** The structures an assignment's place holds on this phone, by painted number. */
export function structuresOf(cache: CollectCache, assignment: Assignment | undefined): Structure[] {
  if (!assignment?.settlementId) return [];
  return Object.values(cache.structures)
    .filter((s) =>
      assignment.sectionId
        ? s.sectionId === assignment.sectionId
        : s.settlementId === assignment.settlementId,
    )
    .sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true }));
}

/** "b 142", "B-0142" and "b0142" find the same door: case, spaces, dashes and leading zeros aside. */
export const numberKey = (number: string): string =>
  number
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/(^|\D)0+(?=\d)/g, '$1');

/** Numbers containing what was typed; the very number typed first, then those starting with it. */
export function searchStructures(structures: Structure[], query: string): Structure[] {
  const key = numberKey(query);
  if (!key) return structures;
  const rank = (s: Structure) => {
    const own = numberKey(s.number);
    return own === key ? 0 : own.startsWith(key) ? 1 : 2;
  };
  return structures
    .filter((s) => numberKey(s.number).includes(key))
    .map((s, i) => ({ s, i, r: rank(s) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ s }) => s);
}

/** An ODK geopoint answer: "lat lon altitude accuracy". */
const geopoint = (p: { lat: number; lon: number }) => `${p.lat} ${p.lon} 0 0`;

/**
 * What picking a structure answers: its number, and where the form asks them its section's code
 * and its point. Returns path → answer, only for questions the form has.
 */
export function pickedAnswers(
  questions: StructureQuestions,
  structure: Structure,
  sectionCode: string | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (questions.number) out[questions.number] = structure.number;
  if (questions.section && sectionCode) out[questions.section] = sectionCode;
  if (questions.point && structure.point) out[questions.point] = geopoint(structure.point);
  return out;
}

export function answerAt(answers: Answers, path: string): string {
  let node: unknown = answers;
  for (const name of path.split('/').filter(Boolean)) {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return '';
    node = (node as Record<string, unknown>)[name];
  }
  return typeof node === 'string' ? node : '';
}

export type NumberHolder =
  | { kind: 'structure'; structure: Structure }
  | { kind: 'draft' | 'outbox'; work: Work };

/**
 * Where else this painted number is already used: a structure of the settlement the phone holds
 * (except the one the researcher picked, which they mean to visit), or another of this person's
 * drafts or unsent forms on this phone for the same settlement. Sent work that left the phone
 * reaches the cache as a structure with the next download. The server flags true duplicates on
 * sync; this only warns.
 */
export function numberHolders(input: {
  number: string;
  settlementId: string | null;
  pickedStructureId?: string | undefined;
  ownId: string;
  cache: CollectCache;
  drafts: Work[];
  outbox: Work[];
  /** The form model a piece of work was filled on (its version), to find its number question. */
  formOf: (work: Work) => Form | null;
}): NumberHolder[] {
  const key = numberKey(input.number);
  if (!key) return [];
  const holders: NumberHolder[] = [];
  for (const structure of Object.values(input.cache.structures))
    if (
      structure.settlementId === input.settlementId &&
      structure.id !== input.pickedStructureId &&
      numberKey(structure.number) === key
    )
      holders.push({ kind: 'structure', structure });
  const settlementOf = (work: Work) =>
    work.item.assignmentId ? (input.cache.assignments[work.item.assignmentId]?.settlementId ?? null) : null;
  for (const [kind, list] of [
    ['draft', input.drafts],
    ['outbox', input.outbox],
  ] as const)
    for (const work of list) {
      if (work.item.id === input.ownId || settlementOf(work) !== input.settlementId) continue;
      const form = input.formOf(work);
      const path = form && structureQuestions(form).number;
      if (path && numberKey(answerAt(work.item.answers, path)) === key) holders.push({ kind, work });
    }
  return holders;
}
