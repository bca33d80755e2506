// pyxform's `begin loop over LIST`: a group holding one group per choice of LIST, each a copy of the
// loop's questions, with `%(label)s` in their texts replaced by that choice's label in the same
// language (and `%(name)s` by its name). Expanded once here, so the XForm, the phone's renderer,
// validation and the answer tables all see the same questions.
import type { Choice, Form, SurveyItem, Translated } from './model.ts';

const fill = (text: string, choice: Choice, language: string) =>
  text
    .replaceAll(
      '%(label)s',
      choice.label[language] ?? choice.label.default ?? Object.values(choice.label)[0] ?? choice.name,
    )
    .replaceAll('%(name)s', choice.name);

const filled = (texts: Translated, choice: Choice): Translated =>
  Object.fromEntries(
    Object.entries(texts).map(([language, text]) => [language, fill(text, choice, language)]),
  );

function copyFor(item: SurveyItem, choice: Choice): SurveyItem {
  const texts = { label: filled(item.label, choice), hint: filled(item.hint, choice) };
  if (item.kind === 'question') return { ...item, ...texts };
  return { ...item, ...texts, children: item.children.map((child) => copyFor(child, choice)) };
}

export function expandLoopItems(items: SurveyItem[], choices: Form['choices']): SurveyItem[] {
  return items.map((item): SurveyItem => {
    if (item.kind === 'question') return item;
    const children = expandLoopItems(item.children, choices);
    if (item.kind !== 'loop') return { ...item, children };
    const { list, ...group } = item;
    return {
      ...group,
      kind: 'group',
      type: 'begin_group',
      children: (choices[list ?? ''] ?? []).map(
        (choice): SurveyItem => ({
          ...group,
          kind: 'group',
          type: 'begin_group',
          name: choice.name,
          label: choice.label,
          hint: {},
          bind: {},
          extra: {},
          children: children.map((child) => copyFor(child, choice)),
        }),
      ),
    };
  });
}

/**
 * The form with every loop expanded into groups; the same object when it has none. A list that an
 * `or_other` select uses gets pyxform's added "other" choice in its loops too.
 */
export function expandLoops(form: Form): Form {
  const hasLoop = (items: SurveyItem[]): boolean =>
    items.some((item) => item.kind === 'loop' || (item.kind !== 'question' && hasLoop(item.children)));
  if (!hasLoop(form.survey)) return form;
  const withOther = new Set<string>();
  const languages = new Set<string>();
  const scan = (items: SurveyItem[]) => {
    for (const item of items) {
      for (const language of Object.keys(item.label)) languages.add(language);
      if (item.kind === 'question' && item.orOther && item.list) withOther.add(item.list);
      if (item.kind !== 'question') scan(item.children);
    }
  };
  scan(form.survey);
  const choices = { ...form.choices };
  for (const list of withOther) {
    const label = Object.fromEntries([...languages].map((language) => [language, 'Other']));
    if (choices[list] && !choices[list].some((c) => c.name === 'other'))
      choices[list] = [...choices[list], { name: 'other', label, media: {}, extra: {} }];
  }
  return { ...form, survey: expandLoopItems(form.survey, choices) };
}
