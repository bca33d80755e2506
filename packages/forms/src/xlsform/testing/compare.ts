import { type Form, type Question, type Translated, walkSurvey } from '../../model.ts';
import type { XChoice, XFormSummary } from './xform.ts';

/** The bind type and body element pyxform writes for each of our types (null: no body control). */
const EXPECTED: Record<string, [string, string | null]> = {
  text: ['string', 'input'],
  integer: ['int', 'input'],
  decimal: ['decimal', 'input'],
  date: ['date', 'input'],
  time: ['time', 'input'],
  dateTime: ['dateTime', 'input'],
  geopoint: ['geopoint', 'input'],
  geotrace: ['geotrace', 'input'],
  geoshape: ['geoshape', 'input'],
  note: ['string', 'input'],
  calculate: ['string', null],
  hidden: ['string', null],
  acknowledge: ['string', 'trigger'],
  select_one: ['string', 'select1'],
  select_multiple: ['string', 'select'],
  rank: ['odk:rank', 'odk:rank'],
  image: ['binary', 'upload'],
  audio: ['binary', 'upload'],
  video: ['binary', 'upload'],
  file: ['binary', 'upload'],
  barcode: ['barcode', 'input'],
  start: ['dateTime', null],
  end: ['dateTime', null],
  today: ['date', null],
  deviceid: ['string', null],
  username: ['string', null],
  phonenumber: ['string', null],
  simserial: ['string', null],
  'uri:deviceid': ['string', null],
};
const METADATA = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'username',
  'phonenumber',
  'simserial',
  'uri:deviceid',
]);

/** Expressions compared with references reduced to names (`${age}`, ` /form/g/age `, `../age` → §age). */
export function normalizeExpression(text: string): string {
  return text
    .replace(/\$\{\s*([^}]+?)\s*\}/g, '§$1')
    .replace(/(current\(\)\/)?(\.\.\/)+([\w.-]+)/g, '§$3')
    .replace(/(?<![\w)\]'"])\/[\w.-]+(\/[\w.-]+)+/g, (path) => `§${path.split('/').pop()}`)
    .replace(/\s+/g, '');
}

function normalizeRequired(text: string | undefined): string {
  if (text === undefined || /^(no|false|false\(\))$/i.test(text.trim())) return 'false()';
  if (/^(yes|true|true\(\))$/i.test(text.trim())) return 'true()';
  return normalizeExpression(text);
}

const normalizeLabel = (text: string) =>
  text
    .replace(/\$\{\s*([^}]+?)\s*\}/g, '§$1')
    .replace(/\s+/g, ' ')
    .trim();

export interface Comparison {
  mismatches: string[];
  fieldsCompared: number;
}

/** Compares an imported form with pyxform's XForm, field by field. */
export function compareWithXForm(form: Form, xform: XFormSummary): Comparison {
  const mismatches: string[] = [];
  let fieldsCompared = 0;
  const same = (where: string, ours: unknown, theirs: unknown) => {
    fieldsCompared++;
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
      mismatches.push(`${where}: ours ${JSON.stringify(ours)}, pyxform ${JSON.stringify(theirs)}`);
    }
  };
  const xLang = (lang: string) => (lang === 'default' ? (form.settings.defaultLanguage ?? 'default') : lang);
  const sameLabels = (where: string, ours: Translated, theirs: Record<string, string>) => {
    if (theirs['*'] !== undefined) {
      const only = Object.values(ours);
      return same(`${where} label`, only.length ? normalizeLabel(only[0]!) : '', theirs['*']);
    }
    for (const [lang, text] of Object.entries(ours))
      same(`${where} label[${lang}]`, normalizeLabel(text), theirs[xLang(lang)]);
  };

  const modelPaths = new Set<string>();
  const flat = /^(true|yes)$/i.test(
    Object.entries(form.settings.extra).find(([k]) => k.toLowerCase() === 'flat')?.[1] ?? '',
  );
  // Nodes pyxform adds on its own: `x_other` for or_other, `x_count` for a computed repeat_count,
  // and the label row of a table-list group.
  const generated = new Set<string>();
  for (const { item, parents } of walkSurvey(form.survey)) {
    // The `flat` setting makes pyxform put every question at the top level, without groups.
    if (flat && item.kind !== 'question') continue;
    const path = `/${[xform.root, ...(flat ? [] : parents.map((p) => p.name)), item.name].join('/')}`;
    modelPaths.add(path);
    if (item.kind === 'question' && item.orOther) generated.add(`${path}_other`);
    if (item.kind === 'repeat' && item.bind.repeatCount) generated.add(`${path}_count`);
    const node = xform.nodes.get(path);
    if (!node) {
      mismatches.push(`${path}: not in pyxform's instance`);
      continue;
    }
    same(`${path} repeat`, item.kind === 'repeat', node.repeat);
    const bind = xform.binds.get(path) ?? {};
    // Flattened questions carry their groups' relevance.
    const relevants = [...(flat ? parents.map((p) => p.bind.relevant) : []), item.bind.relevant].filter(
      Boolean,
    );
    const ours = relevants.length === 0 ? null : normalizeExpression(relevants.join(' and '));
    same(`${path} relevant`, ours, bind.relevant ? normalizeExpression(bind.relevant) : null);
    if (item.kind !== 'question') {
      const control = xform.controls.get(path);
      if (control && Object.keys(item.label).length > 0) sameLabels(path, item.label, control.label);
      continue;
    }
    compareQuestion(item, path, bind, xform, same, sameLabels, form);
  }
  for (const path of xform.nodes.keys()) {
    const inMeta = path.startsWith(`/${xform.root}/meta`);
    const labelRow = /\/reserved_name_for_field_list_labels_\d+$/.test(path);
    if (!inMeta && !labelRow && !modelPaths.has(path) && !generated.has(path)) {
      mismatches.push(`${path}: missing from our model`);
    }
  }
  return { mismatches, fieldsCompared };
}

function compareQuestion(
  question: Question,
  path: string,
  bind: Record<string, string>,
  xform: XFormSummary,
  same: (where: string, ours: unknown, theirs: unknown) => void,
  sameLabels: (where: string, ours: Translated, theirs: Record<string, string>) => void,
  form: Form,
) {
  const expected = EXPECTED[question.type];
  const control = xform.controls.get(path);
  if (expected) {
    same(`${path} type`, expected[0], bind.type);
    same(`${path} control`, expected[1], control?.tag ?? null);
  }
  if (METADATA.has(question.type)) same(`${path} preload`, question.type, bind['jr:preloadParams']);
  const expr = (text: string | undefined) => (text ? normalizeExpression(text) : null);
  same(`${path} constraint`, expr(question.bind.constraint), expr(bind.constraint));
  same(`${path} calculate`, expr(question.bind.calculation), expr(bind.calculate));
  same(`${path} required`, normalizeRequired(question.bind.required), normalizeRequired(bind.required));
  if (control && Object.keys(question.label).length > 0) sameLabels(path, question.label, control.label);
  if (question.list && form.choices[question.list]) {
    const theirs: XChoice[] = control?.items ?? xform.lists.get(question.list) ?? [];
    const ours = form.choices[question.list]!;
    // pyxform appends `other` to a list when any question uses it with or_other.
    const listHasOther = [...walkSurvey(form.survey)].some(
      ({ item }) => item.kind === 'question' && item.list === question.list && item.orOther,
    );
    const withoutOther = listHasOther ? theirs.filter((c) => c.name !== 'other') : theirs;
    same(
      `${path} choices of ${question.list}`,
      ours.map((c) => c.name),
      withoutOther.map((c) => c.name),
    );
    ours.forEach((choice, i) => {
      const their = withoutOther[i];
      if (their && Object.keys(choice.label).length > 0)
        sameLabels(`${path} choice ${choice.name}`, choice.label, their.label);
    });
  }
}
