// The renderer in happy-dom, driven by the real engine: screens, skip logic, messages and focus,
// repeats, choice filters, "other", the form language, and re-rendering only what changed.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Form, Question, Section, SurveyItem } from '../lib.ts';
import { FormView } from './FormView.tsx';
import type { FormSession } from './session.ts';

const blank = {
  hint: {},
  guidanceHint: {},
  constraintMessage: {},
  requiredMessage: {},
  media: {},
  parameters: {},
  extra: {},
};
const q = (
  name: string,
  type: string,
  en: string,
  bind: Question['bind'] = {},
  more: Partial<Question> = {},
): Question => ({
  kind: 'question',
  name,
  type,
  label: { 'English (en)': en, 'isiZulu (zu)': `zu:${en}` },
  ...blank,
  bind,
  ...more,
});
const group = (
  kind: 'group' | 'repeat',
  name: string,
  children: SurveyItem[],
  bind: Section['bind'] = {},
): Section => ({
  kind,
  name,
  type: kind === 'group' ? 'begin_group' : 'begin_repeat',
  label: { 'English (en)': name, 'isiZulu (zu)': `zu:${name}` },
  ...blank,
  bind,
  children,
});
const choice = (name: string, en: string, extra: Record<string, string> = {}) => ({
  name,
  label: { 'English (en)': en, 'isiZulu (zu)': `zu:${en}` },
  media: {},
  extra,
});

const form: Form = {
  settings: { formTitle: 'Test', formId: 'test', extra: {} },
  survey: [
    q('start', 'start', ''),
    group(
      'group',
      'about',
      [
        q(
          'age',
          'integer',
          'Age',
          { required: 'yes', constraint: '. < 130' },
          { constraintMessage: { 'English (en)': 'Too old' } },
        ),
        q('adult_note', 'note', 'Adult: ${age}', { relevant: '${age} >= 18' }),
        q('ward', 'select_one', 'Ward', {}, { list: 'wards' }),
        q('street', 'select_one', 'Street', { choiceFilter: 'ward = ${ward}' }, { list: 'streets' }),
        q('water', 'select_one', 'Water', {}, { list: 'yes_no', orOther: true }),
        q('other1', 'text', 'Other 1'),
      ],
      { appearance: 'field-list' },
    ),
    group('repeat', 'members', [q('member_name', 'text', 'Member name')]),
  ],
  choices: {
    wards: [choice('w1', 'Ward 1'), choice('w2', 'Ward 2')],
    streets: [choice('s1', 'Long St', { ward: 'w1' }), choice('s2', 'Short St', { ward: 'w2' })],
    yes_no: [choice('yes', 'Yes'), choice('no', 'No')],
  },
  choiceColumns: ['ward'],
  otherSheets: [],
};

let root: HTMLElement;
let session: FormSession;
beforeEach(() => {
  localStorage.clear();
  root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(<FormView form={form} onSession={(s) => (session = s)} />, root);
  });
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const input = (label: string) => {
  const labelEl = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  return root.querySelector<HTMLInputElement>(`#${CSS.escape(labelEl?.htmlFor ?? 'none')}`);
};
const type = async (el: HTMLInputElement | null, value: string) => {
  await act(async () => {
    el!.value = value;
    el!.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
const click = async (el: Element | null) => {
  await act(async () => {
    (el as HTMLElement).click();
  });
};
const text = () => root.textContent ?? '';
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;

describe('FormView', () => {
  it('shows a field-list group on one screen and fills metadata', () => {
    expect(input('Age')).not.toBeNull();
    expect(input('Member name')).toBeNull();
    expect(session.value('/start', [])).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('applies skip logic and fills ${name} in labels', async () => {
    expect(text()).not.toContain('Adult:');
    await type(input('Age'), '40');
    expect(text()).toContain('Adult: 40');
    await type(input('Age'), '12');
    expect(text()).not.toContain('Adult:');
  });

  it('re-renders only the widgets an answer affects', async () => {
    await type(input('Other 1'), 'x');
    expect(session.lastWoken).toBe(1);
    await type(input('Age'), '40');
    // The age question itself and the note that appears.
    expect(session.lastWoken).toBe(2);
  });

  it('announces required answers, focuses the first, and shows the constraint message', async () => {
    await click(button('Next'));
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/1 question needs/);
    // Focus moves after the render settles; wait for it rather than for a fixed time.
    await vi.waitFor(() => expect(document.activeElement).toBe(input('Age')));
    expect(text()).toContain('This question needs an answer.');
    await type(input('Age'), '200');
    await click(button('Next'));
    expect(text()).toContain('Too old');
    expect(input('Age')?.getAttribute('aria-invalid')).toBe('true');
    await type(input('Age'), '20');
    expect(text()).not.toContain('Too old');
    await click(button('Next'));
    expect(input('Member name')).not.toBeNull();
  });

  it('filters choices and offers "other" with its text box', async () => {
    const radios = () =>
      [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((r) => r.value);
    expect(radios()).not.toContain('s1');
    await click(root.querySelector('input[value="w1"]'));
    expect(radios()).toContain('s1');
    expect(radios()).not.toContain('s2');
    await click(root.querySelector('input[value="other"]'));
    expect(input('Say what other')).not.toBeNull();
  });

  it('switches the form language without touching answers', async () => {
    await type(input('Age'), '33');
    const select = root.querySelector<HTMLSelectElement>('#fill-language')!;
    await act(async () => {
      select.value = 'isiZulu (zu)';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(input('zu:Age')?.value).toBe('33');
    expect(root.querySelector('.fill')?.getAttribute('lang')).toBe('zu');
  });

  it('adds and removes repeat entries', async () => {
    await type(input('Age'), '20');
    await click(button('Next'));
    expect(root.querySelectorAll('.frepeat-entry')).toHaveLength(1);
    await click(button('Add members'));
    expect(root.querySelectorAll('.frepeat-entry')).toHaveLength(2);
    globalThis.confirm = () => true;
    await click(button('Remove members 1'));
    expect(root.querySelectorAll('.frepeat-entry')).toHaveLength(1);
    expect(session.engine.repeatInstanceCount('/members')).toBe(1);
  });

  it('puts each question on its own screen in one-at-a-time mode, except field-lists', async () => {
    await click(root.querySelector('#fill-single'));
    expect(input('Age')).not.toBeNull();
    expect(input('Other 1')).not.toBeNull();
  });

  it('goes Back from the finished screen to the last one, answers kept', async () => {
    await type(input('Age'), '20');
    await click(button('Next'));
    await type(input('Member name'), 'Ayanda');
    await click(button('Finish'));
    expect(text()).toContain('Finished. Thank you.');
    await click(button('Back'));
    expect(text()).not.toContain('Finished. Thank you.');
    expect(input('Member name')?.value).toBe('Ayanda');
  });
});
