import type { Question } from '../model.ts';

/** The `parameters` each type takes (pyxform 4.5), with a check of each value. */
const NUMBER = (v: string) => (Number.isFinite(Number(v)) ? null : 'must be a number');
const INTEGER = (v: string) => (/^\d+$/.test(v) ? null : 'must be a whole number');
const BOOLEAN = (v: string) => (v === 'true' || v === 'false' ? null : 'must be true or false');
const SEED = (v: string) =>
  v.startsWith('${') || Number.isFinite(Number(v)) ? null : 'must be a number or a ${reference}';
const ANY = () => null;
const oneOf = (values: string[]) => (v: string) =>
  values.includes(v) ? null : `must be one of ${values.join(', ')}`;

type Check = (value: string) => string | null;
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
export function checkParameters(question: Question): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const accepted = BY_TYPE[question.type];
  const entries = Object.entries(question.parameters);
  if (!accepted) {
    if (entries.length > 0) warnings.push(`"${question.type}" takes no parameters; they are kept as written`);
    return { errors, warnings };
  }
  for (const [key, value] of entries) {
    const check = accepted[key];
    if (!check) {
      errors.push(
        `"${question.type}" does not take the parameter "${key}" (it takes ${Object.keys(accepted).join(', ')})`,
      );
      continue;
    }
    const problem = check(value);
    if (problem) errors.push(`the parameter ${key}=${value} ${problem}`);
  }
  if (
    question.parameters.seed !== undefined &&
    question.parameters.randomize === undefined &&
    accepted.seed
  ) {
    errors.push('the parameter seed needs randomize=true too');
  }
  if (question.type === 'range' && Number(question.parameters.step) === 0) {
    errors.push('the parameter step=0 must not be zero');
  }
  return { errors, warnings };
}
