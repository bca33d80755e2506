// One question per screen inside a repeat: entry by entry, question by question, then the
// entries screen (add another, or move on); Back walks the same way in reverse.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Form, Question } from '../lib.ts';
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
const q = (name: string, type: string, label: string, bind: Question['bind'] = {}): Question => ({
  kind: 'question',
  name,
  type,
  label: { default: label },
  ...blank,
  bind,
});
const form: Form = {
  settings: { formTitle: 'Household', extra: {} },
  survey: [
    q('head', 'text', 'Head of household'),
    {
      kind: 'repeat',
      name: 'members',
      type: 'begin_repeat',
      label: { default: 'Member' },
      ...blank,
      bind: {},
      children: [q('member_name', 'text', 'Name', { required: 'yes' }), q('member_age', 'integer', 'Age')],
    },
    q('notes', 'text', 'Notes'),
  ],
  choices: {},
  choiceColumns: [],
  otherSheets: [],
};

let root: HTMLElement;
let session: FormSession;
beforeEach(() => {
  localStorage.clear();
  globalThis.confirm = () => true;
  root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(<FormView form={form} initialMode="single" onSession={(s) => (session = s)} />, root);
  });
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const labels = () => [...root.querySelectorAll('.fq-label')].map((l) => l.textContent);
const heading = () => root.querySelector('.frepeat h3')?.textContent;
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
const click = async (el: HTMLElement) => {
  await act(async () => el.click());
};
const next = async () => {
  await act(async () => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
};
const type = async (value: string) => {
  const el = root.querySelector<HTMLInputElement>('.fq input')!;
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
};

it('pages through each entry question by question, then the entries screen', async () => {
  expect(labels()).toEqual(['Head of household']);
  await next();
  expect(heading()).toBe('Member 1');
  expect(labels()).toEqual(['Name *']);
  await next();
  expect(heading()).toBe('Member 1');
  expect(root.textContent).toContain('needs an answer');
  await type('Thandi');
  await next();
  expect(labels()).toEqual(['Age']);
  await next();
  expect(heading()).toBe('Member');
  expect(button('Member 1')).toBeDefined();
  await click(button('Add Member'));
  expect(heading()).toBe('Member 2');
  expect(labels()).toEqual(['Name *']);
  expect(session.engine.repeatInstanceCount('/members')).toBe(2);
  await type('Sipho');
  await next();
  await next();
  expect(heading()).toBe('Member');
  await next();
  expect(labels()).toEqual(['Notes']);
});

it('walks back into the repeat from its end, and back out of it', async () => {
  await next();
  await type('Thandi');
  await next();
  await next();
  await next();
  expect(labels()).toEqual(['Notes']);
  await click(button('Back'));
  expect(heading()).toBe('Member');
  await click(button('Back'));
  expect(labels()).toEqual(['Age']);
  await click(button('Back'));
  expect(labels()).toEqual(['Name *']);
  await click(button('Back'));
  expect(labels()).toEqual(['Head of household']);
});

it('removes an entry from its screen and shows the entries screen', async () => {
  await next();
  await click(button('Remove Member 1'));
  expect(session.engine.repeatInstanceCount('/members')).toBe(0);
  expect(heading()).toBe('Member');
  expect(root.textContent).toContain('No entries yet.');
});
