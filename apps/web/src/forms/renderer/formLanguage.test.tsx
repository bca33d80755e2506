// The form's language follows the interface language when the form has it; a language picked on
// the form stays picked for that form (and only that form), across visits.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import { I18nContext, type Locale, translator } from '../../i18n/i18n.ts';
import type { Form } from '../lib.ts';
import { FormView } from './FormView.tsx';

const blank = {
  hint: {},
  guidanceHint: {},
  constraintMessage: {},
  requiredMessage: {},
  media: {},
  parameters: {},
  extra: {},
};
const formOf = (formId: string, defaultLanguage?: string): Form => ({
  settings: { formTitle: formId, formId, extra: {}, ...(defaultLanguage ? { defaultLanguage } : {}) },
  survey: [
    {
      kind: 'question',
      name: 'age',
      type: 'integer',
      label: { 'English (en)': 'Age', 'isiZulu (zu)': 'Iminyaka', 'Hindi (hi)': 'उम्र' },
      ...blank,
      bind: {},
    },
  ],
  choices: {},
  choiceColumns: [],
  otherSheets: [],
});

let root: HTMLElement;
beforeEach(() => {
  localStorage.clear();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const show = (form: Form, locale: Locale) =>
  act(() => {
    render(
      <I18nContext.Provider value={{ locale, t: translator('en', en), setLocale: () => {}, date: (d) => d }}>
        <FormView form={form} />
      </I18nContext.Provider>,
      root,
    );
  });
const labels = () => [...root.querySelectorAll('label')].map((l) => l.textContent);
const pick = (language: string) =>
  act(() => {
    const select = root.querySelector<HTMLSelectElement>('#fill-language')!;
    select.value = language;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });

describe('the form language', () => {
  it('follows the interface language over the form default, and as it changes', async () => {
    const form = formOf('household', 'English (en)');
    await show(form, 'zu');
    expect(labels()).toContain('Iminyaka');
    expect(root.querySelector('.fill')?.getAttribute('lang')).toBe('zu');
    await show(form, 'hi');
    expect(labels()).toContain('उम्र');
  });

  it('uses the form default when the form lacks the interface language', async () => {
    const form = formOf('two', 'isiZulu (zu)');
    form.survey[0]!.label = { 'English (en)': 'Age', 'isiZulu (zu)': 'Iminyaka' };
    await show(form, 'hi');
    expect(labels()).toContain('Iminyaka');
  });

  it('keeps a picked language for that form, across visits and interface changes', async () => {
    const form = formOf('picked');
    await show(form, 'zu');
    await pick('English (en)');
    expect(labels()).toContain('Age');
    render(null, root);
    await show(form, 'hi');
    expect(labels()).toContain('Age');
    // Another form still follows the interface.
    render(null, root);
    await show(formOf('other'), 'hi');
    expect(labels()).toContain('उम्र');
  });
});
