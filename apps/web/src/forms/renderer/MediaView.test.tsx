// Question and choice media from the form's attachments, and the guidance hint disclosure.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Form, Question } from '../lib.ts';
import { FormView } from './FormView.tsx';

const blank = { hint: {}, constraintMessage: {}, requiredMessage: {}, parameters: {}, extra: {}, bind: {} };
const question = (name: string, type: string, label: string, more: Partial<Question>): Question => ({
  kind: 'question',
  name,
  type,
  label: { 'English (en)': label, 'isiZulu (zu)': `zu:${label}` },
  guidanceHint: {},
  media: {},
  ...blank,
  ...more,
});

const form: Form = {
  settings: { formTitle: 'Media', formId: 'media', extra: {} },
  survey: [
    {
      kind: 'group',
      name: 'all',
      type: 'begin_group',
      label: { 'English (en)': 'All' },
      guidanceHint: {},
      media: {},
      ...blank,
      bind: { appearance: 'field-list' },
      children: [
        question('tap', 'note', 'Tap water', {
          media: {
            image: { 'English (en)': 'tap.jpg', 'isiZulu (zu)': 'tap-zu.jpg' },
            audio: { 'English (en)': 'tap.mp3' },
            video: { 'English (en)': 'tap.mp4' },
          },
          guidanceHint: { 'English (en)': 'Ask about the last week only.' },
        }),
        question('source', 'select_one', 'Source', { list: 'sources' }),
      ],
    },
  ],
  choices: {
    sources: [
      {
        name: 'well',
        label: { 'English (en)': 'Well' },
        media: { image: { 'English (en)': 'well.png' } },
        extra: {},
      },
      { name: 'river', label: { 'English (en)': 'River' }, media: {}, extra: {} },
    ],
  },
  choiceColumns: [],
  otherSheets: [],
};

let root: HTMLElement;
beforeEach(() => {
  localStorage.clear();
  root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(
      <FormView
        form={form}
        mediaUrls={{ 'tap.jpg': '/files/1', 'tap.mp3': '/files/2', 'well.png': '/files/3' }}
      />,
      root,
    );
  });
});
afterEach(() => {
  render(null, root);
  root.remove();
});

it('shows question media from the attachments, with the label as alt text', () => {
  const img = root.querySelector<HTMLImageElement>('img[alt="Tap water"]');
  expect(img?.getAttribute('src')).toBe('/files/1');
  const audio = root.querySelector('audio');
  expect(audio?.hasAttribute('controls')).toBe(true);
  expect(audio?.getAttribute('src')).toBe('/files/2');
});

it('shows a note instead of a broken file when the attachment is missing', () => {
  expect(root.querySelector('video')).toBeNull();
  expect(root.textContent).toContain('The file tap.mp4 is not attached to this form yet.');
});

it('shows choice images', () => {
  expect(root.querySelector('img[alt="Well"]')?.getAttribute('src')).toBe('/files/3');
  expect(root.querySelectorAll('img')).toHaveLength(2);
});

it('puts the guidance hint behind a "More guidance" disclosure', () => {
  const details = root.querySelector('details.fq-guidance');
  expect(details?.querySelector('summary')?.textContent).toBe('More guidance');
  expect(details?.textContent).toContain('Ask about the last week only.');
  expect(details?.hasAttribute('open')).toBe(false);
});

it('follows the form language: a missing isiZulu file is a note', async () => {
  const select = root.querySelector<HTMLSelectElement>('select');
  expect(select).not.toBeNull();
  await act(async () => {
    select!.value = 'isiZulu (zu)';
    select!.dispatchEvent(new Event('change', { bubbles: true }));
  });
  expect(root.querySelector('img[alt="zu:Tap water"]')).toBeNull();
  expect(root.textContent).toContain('tap-zu.jpg');
});
