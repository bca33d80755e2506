import type { Question } from '../model.ts';
import type { ImportProblemCode } from '../problem-codes.ts';
import { because, type Coded } from '../problems.ts';

/** The `parameters` each type takes (pyxform 4.5), with a check of each value. */
type Check = (parameter: string, value: string) => Coded | null;
const unless =
  (ok: (value: string) => boolean, code: ImportProblemCode): Check =>
  (parameter, value) =>
    ok(value) ? null : because(code, { parameter, value });
const NUMBER = unless((v) => Number.isFinite(Number(v)), 'form.xlsform.parameters.not_number');
const INTEGER = unless((v) => /^\d+$/.test(v), 'form.xlsform.parameters.not_whole_number');
const BOOLEAN = unless((v) => v === 'true' || v === 'false', 'form.xlsform.parameters.not_boolean');
const SEED = unless(
  (v) => v.startsWith('${') || Number.isFinite(Number(v)),
  'form.xlsform.parameters.not_number_or_reference',
);
const ANY: Check = () => null;
const oneOf =
  (values: string[]): Check =>
  (parameter, value) =>
    values.includes(value)
      ? null
      : because('form.xlsform.parameters.not_one_of', { parameter, value, values: values.join(', ') });

const SELECT: Record<string, Check> = { randomize: BOOLEAN, seed: SEED };
const ACCURACY: Record<string, Check> = {
  'capture-accuracy': NUMBER,
  'warning-accuracy': NUMBER,
  'allow-mock-accuracy': BOOLEAN,
};

const BY_TYPE: Record<string, Record<string, Check>> = {
  range: {
    start: NUMBER,
    end: NUMBER,
    step: NUMBER,
    tick_interval: NUMBER,
    placeholder: NUMBER,
    tick_labelset: ANY,
  },
  image: { 'max-pixels': INTEGER, app: ANY },
  audio: { quality: oneOf(['normal', 'low', 'voice-only', 'external']) },
  'background-audio': { quality: oneOf(['normal', 'low', 'voice-only']) },
  geopoint: ACCURACY,
  geotrace: { 'allow-mock-accuracy': BOOLEAN },
  geoshape: { 'allow-mock-accuracy': BOOLEAN },
  text: { rows: INTEGER },
  audit: {
    'track-changes': ANY,
    'track-changes-reasons': ANY,
    'identify-user': ANY,
    'location-priority': ANY,
    'location-min-interval': ANY,
    'location-max-age': ANY,
  },
  select_one: SELECT,
  select_multiple: SELECT,
  rank: SELECT,
  select_one_from_file: { ...SELECT, value: ANY, label: ANY },
  select_multiple_from_file: { ...SELECT, value: ANY, label: ANY },
};

/**
 * Errors for bad values and for parameters a type does not take (pyxform validates these types);
 * other types take no parameters, which pyxform ignores: kept with a warning.
 */
export function checkParameters(question: Question): { errors: Coded[]; warnings: Coded[] } {
  const errors: Coded[] = [];
  const warnings: Coded[] = [];
  const accepted = BY_TYPE[question.type];
  const entries = Object.entries(question.parameters);
  if (!accepted) {
    if (entries.length > 0)
      warnings.push(because('form.xlsform.parameters.none_taken', { type: question.type }));
    return { errors, warnings };
  }
  for (const [key, value] of entries) {
    const check = accepted[key];
    if (!check) {
      const takes = Object.keys(accepted).join(', ');
      errors.push(
        because('form.xlsform.parameters.unknown', { type: question.type, parameter: key, accepted: takes }),
      );
      continue;
    }
    const refused = check(key, value);
    if (refused) errors.push(refused);
  }
  if (
    question.parameters.seed !== undefined &&
    question.parameters.randomize === undefined &&
    accepted.seed
  ) {
    errors.push(because('form.xlsform.parameters.seed_without_randomize'));
  }
  if (question.type === 'range' && Number(question.parameters.step) === 0) {
    errors.push(because('form.xlsform.parameters.step_zero'));
  }
  return { errors, warnings };
}
