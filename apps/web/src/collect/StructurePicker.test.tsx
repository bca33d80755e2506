// The structure list on the phone and the duplicate warning, rendered: searching narrows the list,
// a tap picks, the pick is said in words, and the warning takes the focus with both ways on.
import type { Section, Structure } from '@coproduce/contract';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import type { Work } from '../offline/store.ts';
import { DuplicateWarning, StructurePicker } from './StructurePicker.tsx';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const sections = { secA: { id: 'secA', code: 'A' } as Section };
const structures = Array.from(
  { length: 45 },
  (_, i) =>
    ({
      id: `s${i + 1}`,
      number: `B-${String(i + 1).padStart(4, '0')}`,
      sectionId: 'secA',
      settlementId: 'sonop',
      status: i === 6 ? 'enumerated' : 'numbered',
    }) as Structure,
);
const text = (selector: string) => root.querySelector(selector)?.textContent ?? '';
const items = () => [...root.querySelectorAll<HTMLButtonElement>('.structure-pick-item')];

it('lists the first 40, narrows by typed number, and picks with a tap', async () => {
  const picked: Structure[] = [];
  const show = (chosen: Structure | null) =>
    render(
      <StructurePicker
        area={null}
        structures={structures}
        sections={sections}
        picked={chosen}
        onPick={(s) => picked.push(s)}
      />,
      root,
    );
  act(() => show(null));
  expect(text('.structure-pick-chosen')).toBe(
    '45 numbered structures on this phone: choose the one you are visiting, or type a new painted number in the form.',
  );
  expect(items()).toHaveLength(40);
  expect(text('[aria-live]')).toContain('The first 40 of 45 structures');
  const search = root.querySelector<HTMLInputElement>('#structure-pick-search')!;
  await act(async () => {
    search.value = 'b 7';
    search.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(items().map((b) => b.textContent)).toEqual(['B-0007Section A · Enumerated']);
  expect(text('[aria-live]')).toBe('1 structure');
  await act(async () => items()[0]!.click());
  expect(picked.map((s) => s.id)).toEqual(['s7']);
  act(() => show(structures[6]!));
  expect(text('.structure-pick-chosen')).toBe(
    'Structure B-0007 chosen: its number, section and place are filled in below.',
  );
  expect(items()[0]!.getAttribute('aria-pressed')).toBe('true');
});

it('warns of each holder of the number in words and takes the focus', async () => {
  const choices: string[] = [];
  const outbox = {
    workspaceId: 'w',
    savedAt: '2026-12-04T10:00:00Z',
    item: {
      id: 'o1',
      formId: 'f1',
      formVersion: 1,
      answers: {},
      files: [],
      finishedAt: '2026-12-04T10:00:00Z',
    },
  } as Work;
  act(() =>
    render(
      <DuplicateWarning
        number="B-0007"
        holders={[
          { kind: 'structure', structure: structures[6]! },
          { kind: 'outbox', work: outbox },
        ]}
        sections={sections}
        formTitle={() => 'Numbering'}
        onFinish={() => choices.push('finish')}
        onChange={() => choices.push('change')}
      />,
      root,
    ),
  );
  const alert = root.querySelector<HTMLElement>('[role="alert"]')!;
  expect(document.activeElement).toBe(alert);
  expect(alert.textContent).toContain('The painted number B-0007 is already used');
  expect(alert.textContent).toContain('Structure B-0007 in section A (Enumerated), on this phone');
  expect(alert.textContent).toContain('Another of your forms waiting to send: Numbering, finished');
  for (const button of alert.querySelectorAll('button')) await act(async () => button.click());
  expect(choices).toEqual(['finish', 'change']);
});
