import type { Assignment, Structure } from '@coproduce/contract';
import { describe, expect, it } from 'vitest';
import type { Form, SurveyItem } from '../forms/lib.ts';
import { type CollectCache, emptyCache } from '../offline/download.ts';
import type { Work } from '../offline/store.ts';
import {
  numberHolders,
  numberKey,
  pickedAnswers,
  searchStructures,
  structureQuestions,
  structuresOf,
} from './structure-pick.ts';

const q = (name: string, type: string, saveTo?: string): SurveyItem =>
  ({
    kind: 'question',
    name,
    type,
    label: { default: name },
    hint: {},
    media: {},
    bind: {},
    parameters: {},
    extra: {},
    ...(saveTo ? { saveTo } : {}),
  }) as unknown as SurveyItem;
const section = (kind: 'group' | 'repeat', name: string, children: SurveyItem[]): SurveyItem =>
  ({ ...q(name, `begin_${kind}`), kind, children }) as SurveyItem;

function numberingForm(lists = ['structures', 'households']): Form {
  return {
    settings: { extra: {} },
    survey: [
      section('group', 'structure', [
        q('painted_number', 'text', 'structures#number'),
        q('section', 'text', 'structures#section'),
        q('location', 'geopoint', 'structures#point'),
      ]),
      section('repeat', 'household', [q('size', 'integer', 'households#size_stated')]),
    ],
    choices: {},
    choiceColumns: [],
    entities: lists.map((list) => ({ list, extra: {} })),
    otherSheets: [],
  } as unknown as Form;
}

const structure = (id: string, number: string, over: Partial<Structure> = {}): Structure =>
  ({
    id,
    number,
    settlementId: 'sonop',
    sectionId: 'secA',
    point: { lat: -25.7, lon: 28.1 },
    status: 'numbered',
    ...over,
  }) as Structure;

const assignment = (over: Partial<Assignment> = {}): Assignment =>
  ({
    id: 'as1',
    formId: 'f1',
    settlementId: 'sonop',
    sectionId: 'secA',
    status: 'active',
    ...over,
  }) as Assignment;

function cacheWith(structures: Structure[]): CollectCache {
  const cache = emptyCache();
  for (const s of structures) cache.structures[s.id] = s;
  cache.assignments.as1 = assignment();
  cache.assignments.elsewhere = assignment({ id: 'elsewhere', settlementId: 'other' });
  return cache;
}

const work = (id: string, number: string, assignmentId = 'as1'): Work => ({
  workspaceId: 'w',
  savedAt: '2026-12-04T10:00:00Z',
  item: {
    id,
    formId: 'f1',
    formVersion: 1,
    answers: { structure: { painted_number: number } },
    files: [],
    assignmentId,
  },
});

describe('picking a numbered structure on the phone', () => {
  it('finds the questions that save to the structures list, outside repeats', () => {
    expect(structureQuestions(numberingForm())).toEqual({
      number: '/structure/painted_number',
      section: '/structure/section',
      point: '/structure/location',
    });
    expect(structureQuestions(numberingForm(['households']))).toEqual({});
  });

  it('reads a save_to without a list when structures is the only one', () => {
    const form = numberingForm(['structures']);
    form.survey = [q('n', 'text', 'number')];
    expect(structureQuestions(form)).toEqual({ number: '/n' });
  });

  it("lists the assignment's structures by number, B-2 before B-10", () => {
    const cache = cacheWith([
      structure('s10', 'B-10'),
      structure('s2', 'B-2'),
      structure('sB', 'B-1', { sectionId: 'secB' }),
    ]);
    expect(structuresOf(cache, assignment()).map((s) => s.number)).toEqual(['B-2', 'B-10']);
    expect(structuresOf(cache, assignment({ sectionId: null })).map((s) => s.number)).toEqual([
      'B-1',
      'B-2',
      'B-10',
    ]);
    expect(structuresOf(cache, assignment({ settlementId: null }))).toEqual([]);
  });

  it('searches by number ignoring case, dashes, spaces and leading zeros', () => {
    const list = [structure('a', 'B-0142'), structure('b', 'B-0143'), structure('c', 'C-0142')];
    expect(searchStructures(list, 'b 142').map((s) => s.id)).toEqual(['a']);
    expect(searchStructures(list, '14').map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(searchStructures(list, '')).toHaveLength(3);
    // The number typed comes first, then numbers starting with it, then the rest containing it.
    const near = [structure('x', 'A-0110'), structure('y', 'B-0011'), structure('z', 'A-0011')];
    expect(searchStructures(near, 'a11').map((s) => s.number)).toEqual(['A-0011', 'A-0110']);
    expect(searchStructures(near, '11').map((s) => s.number)).toEqual(['A-0110', 'B-0011', 'A-0011']);
    expect(numberKey('B-0142')).toBe(numberKey('b142'));
    expect(numberKey('B-1042')).not.toBe(numberKey('B-142'));
  });

  it('answers the number, the section code and the point as a geopoint', () => {
    const questions = structureQuestions(numberingForm());
    expect(pickedAnswers(questions, structure('a', 'B-0142'), 'A')).toEqual({
      '/structure/painted_number': 'B-0142',
      '/structure/section': 'A',
      '/structure/location': '-25.7 28.1 0 0',
    });
    expect(pickedAnswers({ number: '/n' }, structure('a', 'B-1', { point: null }), undefined)).toEqual({
      '/n': 'B-1',
    });
  });
});

describe('a painted number already used', () => {
  const form = numberingForm();
  const base = {
    settlementId: 'sonop',
    ownId: 'mine',
    drafts: [] as Work[],
    outbox: [] as Work[],
    formOf: () => form,
  };

  it('is found among the settlement’s structures on the phone, however it is written', () => {
    const cache = cacheWith([structure('a', 'B-0142'), structure('x', 'B-0142', { settlementId: 'other' })]);
    const holders = numberHolders({ ...base, cache, number: 'b142' });
    expect(holders).toEqual([{ kind: 'structure', structure: cache.structures.a }]);
  });

  it('is not a duplicate of the structure the researcher picked to visit', () => {
    const cache = cacheWith([structure('a', 'B-0142')]);
    expect(numberHolders({ ...base, cache, number: 'B-0142', pickedStructureId: 'a' })).toEqual([]);
  });

  it("is found in this person's other drafts and unsent forms for the same settlement", () => {
    const cache = cacheWith([]);
    const drafts = [work('mine', 'B-7'), work('d2', 'B-7'), work('d3', 'B-8')];
    const outbox = [work('o1', 'B-07'), work('o2', 'B-7', 'elsewhere')];
    const holders = numberHolders({ ...base, cache, drafts, outbox, number: 'B-7' });
    expect(
      holders.map((h) => (h.kind === 'structure' ? h.structure.id : `${h.kind}:${h.work.item.id}`)),
    ).toEqual(['draft:d2', 'outbox:o1']);
  });

  it('is nothing when the number is blank or new', () => {
    const cache = cacheWith([structure('a', 'B-1')]);
    expect(numberHolders({ ...base, cache, number: '  ' })).toEqual([]);
    expect(numberHolders({ ...base, cache, number: 'B-2' })).toEqual([]);
  });
});
