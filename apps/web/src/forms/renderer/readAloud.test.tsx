// "Read aloud" on a question, through the real renderer and engine, with the browser's speech
// API replaced by a recorder (happy-dom has none): the question, its hint and its choices are read
// in order by a voice of the form language, and never by a voice of another language.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import { I18nContext, translator } from '../../i18n/i18n.ts';
import type { Form } from '../lib.ts';
import { FormView } from './FormView.tsx';

const blank = {
  guidanceHint: {},
  constraintMessage: {},
  requiredMessage: {},
  media: {},
  parameters: {},
  extra: {},
};
const form: Form = {
  settings: { formTitle: 'Water', formId: 'water', extra: {} },
  survey: [
    {
      kind: 'question',
      name: 'water',
      type: 'select_one',
      list: 'source',
      orOther: true,
      label: { 'English (en)': 'Where do you get water?', 'isiZulu (zu)': 'Amanzi niwathathaphi?' },
      hint: { 'English (en)': 'Choose one.', 'isiZulu (zu)': 'Khetha okukodwa.' },
      ...blank,
      bind: {},
    },
  ],
  choices: {
    source: [
      { name: 'tap', label: { 'English (en)': 'Tap', 'isiZulu (zu)': 'Umpompi' }, media: {}, extra: {} },
      { name: 'river', label: { 'English (en)': 'River', 'isiZulu (zu)': 'Umfula' }, media: {}, extra: {} },
    ],
  },
  choiceColumns: [],
  otherSheets: [],
};

interface Spoken {
  text: string;
  lang: string;
}
let spoken: Spoken[];
let root: HTMLElement;
const g = globalThis as Record<string, unknown>;

function deviceWithVoices(...langs: string[]) {
  g.SpeechSynthesisUtterance = class {
    voice: { lang: string } | null = null;
    lang = '';
    rate = 1;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(public text: string) {}
  };
  g.speechSynthesis = {
    getVoices: () => langs.map((lang) => ({ lang, name: lang })),
    speak: (u: { text: string; voice: { lang: string } }) =>
      spoken.push({ text: u.text, lang: u.voice.lang }),
    cancel: () => {},
  };
}

beforeEach(() => {
  spoken = [];
  localStorage.clear();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  delete g.speechSynthesis;
  delete g.SpeechSynthesisUtterance;
});

const show = (locale: 'en' | 'zu') =>
  act(() => {
    render(
      <I18nContext.Provider value={{ locale, t: translator('en', en), setLocale: () => {}, date: (d) => d }}>
        <FormView form={form} />
      </I18nContext.Provider>,
      root,
    );
  });
const readAloud = () =>
  act(async () => {
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Read aloud'));
    if (!button) throw new Error('no Read aloud button');
    button.click();
    // Choosing the voice is asynchronous (voices may still be loading).
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
const status = () => root.querySelector('.fq [role="status"]')?.textContent ?? '';

describe('Read aloud on a question', () => {
  it('reads the question, its hint and its choices in order, in the form language', async () => {
    deviceWithVoices('en-US', 'zu-ZA');
    await show('zu');
    await readAloud();
    expect(spoken).toEqual(
      ['Amanzi niwathathaphi?', 'Khetha okukodwa.', 'Umpompi', 'Umfula', 'Other'].map((text) => ({
        text,
        lang: 'zu-ZA',
      })),
    );
    expect(root.querySelector('.read-aloud')?.textContent).toBe('Stop reading');
  });

  it('says there is no isiZulu voice rather than reading isiZulu in English', async () => {
    deviceWithVoices('en-US', 'en-GB');
    await show('zu');
    await readAloud();
    expect(spoken).toEqual([]);
    expect(status()).toBe('This device has no isiZulu voice, so it cannot read this aloud.');
  });

  it('waits for voices that the browser is still loading before saying there are none', async () => {
    deviceWithVoices('zu-ZA');
    const synth = g.speechSynthesis as Record<string, unknown>;
    const getVoices = synth.getVoices as () => unknown[];
    let loaded = false;
    synth.getVoices = () => (loaded ? getVoices() : []);
    synth.addEventListener = (_: string, listener: () => void) =>
      setTimeout(() => {
        loaded = true;
        listener();
      }, 10);
    synth.removeEventListener = () => {};
    await show('zu');
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.read-aloud')?.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(spoken.map((s) => s.text)[0]).toBe('Amanzi niwathathaphi?');
    expect(status()).toBe('');
  });

  it('says so when the browser cannot read aloud at all', async () => {
    await show('en');
    await readAloud();
    expect(status()).toBe('This device cannot read aloud.');
  });

  it('the button is named by its words and described by the question it reads', async () => {
    deviceWithVoices();
    await show('en');
    const button = root.querySelector('.read-aloud');
    expect(button?.textContent).toBe('Read aloud');
    expect(button?.hasAttribute('aria-label')).toBe(false);
    const described = root.querySelector(`#${button?.getAttribute('aria-describedby')}`);
    expect(described?.textContent).toBe('Where do you get water?');
  });
});
