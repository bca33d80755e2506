import { closest } from '../problems.ts';

/** How far we support a type: fully, or kept in the model with a warning (pyxform accepts it). */
export type Support = 'supported' | 'kept';

/** Canonical question types (pyxform's names) and our support. */
export const QUESTION_TYPES: Record<string, Support> = {
  text: 'supported',
  integer: 'supported',
  decimal: 'supported',
  date: 'supported',
  time: 'supported',
  dateTime: 'supported',
  geopoint: 'supported',
  geotrace: 'supported',
  geoshape: 'supported',
  image: 'supported',
  audio: 'supported',
  video: 'supported',
  file: 'supported',
  note: 'supported',
  calculate: 'supported',
  acknowledge: 'supported',
  hidden: 'supported',
  range: 'supported',
  start: 'supported',
  end: 'supported',
  today: 'supported',
  deviceid: 'supported',
  username: 'supported',
  barcode: 'kept',
  email: 'kept',
  phonenumber: 'kept',
  simserial: 'kept',
  subscriberid: 'kept',
  audit: 'kept',
  'start-geopoint': 'kept',
  'background-audio': 'kept',
  'background-geopoint': 'kept',
  'xml-external': 'kept',
  'csv-external': 'kept',
  'uri:deviceid': 'kept',
  'uri:email': 'kept',
  'uri:username': 'kept',
  'uri:phonenumber': 'kept',
  'uri:simserial': 'kept',
  'uri:subscriberid': 'kept',
  // Old composite types from pyxform's question type dictionary (inputs with a built-in constraint).
  'phone number': 'kept',
  percentage: 'kept',
  'number of days in last month': 'kept',
  'number of days in last six months': 'kept',
  'number of days in last year': 'kept',
};

/** Types that take a list (or a file) after them. */
export const SELECT_TYPES: Record<string, Support> = {
  select_one: 'supported',
  select_multiple: 'supported',
  rank: 'supported',
  select_one_from_file: 'supported',
  select_multiple_from_file: 'supported',
  select_one_external: 'kept',
  osm: 'kept',
};

/** pyxform's type aliases (its question type dictionary and aliases.py), lower case. */
const TYPE_ALIASES: Record<string, string> = {
  string: 'text',
  'q string': 'text',
  'add text prompt': 'text',
  int: 'integer',
  'q int': 'integer',
  'add integer prompt': 'integer',
  'q decimal': 'decimal',
  'add decimal prompt': 'decimal',
  'q date': 'date',
  'add date prompt': 'date',
  datetime: 'dateTime',
  'date time': 'dateTime',
  'q datetime': 'dateTime',
  'q date time': 'dateTime',
  'add datetime prompt': 'dateTime',
  'add date time prompt': 'dateTime',
  gps: 'geopoint',
  location: 'geopoint',
  'q geopoint': 'geopoint',
  'q location': 'geopoint',
  'add location prompt': 'geopoint',
  'q geotrace': 'geotrace',
  'q geoshape': 'geoshape',
  photo: 'image',
  'q picture': 'image',
  'q image': 'image',
  'add image prompt': 'image',
  'add photo prompt': 'image',
  'q audio': 'audio',
  'add audio prompt': 'audio',
  'q video': 'video',
  'add video prompt': 'video',
  'add file prompt': 'file',
  'q note': 'note',
  'add note prompt': 'note',
  'q calculate': 'calculate',
  'add calculate prompt': 'calculate',
  trigger: 'acknowledge',
  'q acknowledge': 'acknowledge',
  'add acknowledge prompt': 'acknowledge',
  'q barcode': 'barcode',
  'add barcode prompt': 'barcode',
  'get start time': 'start',
  'start time': 'start',
  'get end time': 'end',
  'end time': 'end',
  'get today': 'today',
  imei: 'deviceid',
  'device id': 'deviceid',
  'get device id': 'deviceid',
  'get phone number': 'phonenumber',
  'sim id': 'simserial',
  'get sim id': 'simserial',
  'subscriber id': 'subscriberid',
  'get subscriber id': 'subscriberid',
};

const SELECT_ALIASES: Record<string, string> = {
  select_one: 'select_one',
  'select one': 'select_one',
  'select one from': 'select_one',
  select1: 'select_one',
  'add select one prompt using': 'select_one',
  select_multiple: 'select_multiple',
  'select all that apply': 'select_multiple',
  'select all that apply from': 'select_multiple',
  'add select multiple prompt using': 'select_multiple',
  rank: 'rank',
  select_one_from_file: 'select_one_from_file',
  'select one from file': 'select_one_from_file',
  select_multiple_from_file: 'select_multiple_from_file',
  'select multiple from file': 'select_multiple_from_file',
  select_one_external: 'select_one_external',
  osm: 'osm',
};

const SECTION_ALIASES: Record<string, 'group' | 'repeat'> = {
  group: 'group',
  repeat: 'repeat',
  'looped group': 'repeat',
  lgroup: 'repeat',
};

export type ParsedType =
  | { kind: 'question'; type: string; support: Support; list?: string; orOther?: boolean }
  | { kind: 'begin'; section: 'group' | 'repeat' | 'loop'; list?: string }
  | { kind: 'end'; section: 'group' | 'repeat' | 'loop' }
  | { kind: 'include' }
  | { kind: 'unknown'; suggestion: string | null }
  | { kind: 'missingList'; type: string };

const OR_OTHER = /\s+(or_other|or specify other|or other)$/i;

function lookup<T>(table: Record<string, T>, word: string): T | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}

/** Reads a type cell as pyxform does: aliases, any case, extra spaces, `begin group`/`begin_group`. */
export function parseType(cell: string): ParsedType {
  const text = cell.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const control = /^(begin|end)[ _](.+?)(?: over (\S+))?$/.exec(lower);
  if (control) {
    const word = control[2]!;
    const section = word === 'loop' ? 'loop' : lookup(SECTION_ALIASES, word);
    if (section) {
      if (control[1] === 'end') return { kind: 'end', section };
      const list = section === 'loop' ? text.split(' ').at(-1) : undefined;
      return list && control[3] ? { kind: 'begin', section, list } : { kind: 'begin', section };
    }
  }
  if (lower === 'include') return { kind: 'include' };
  const plain = lookup(QUESTION_TYPES, text) ? text : lookup(TYPE_ALIASES, lower);
  const canonical = plain ?? Object.keys(QUESTION_TYPES).find((t) => t.toLowerCase() === lower);
  if (canonical) return { kind: 'question', type: canonical, support: QUESTION_TYPES[canonical]! };

  const orOther = OR_OTHER.test(text);
  const withoutOther = text.replace(OR_OTHER, '');
  const words = withoutOther.split(' ');
  for (let cut = words.length - 1; cut >= 1; cut--) {
    const type = lookup(SELECT_ALIASES, words.slice(0, cut).join(' ').toLowerCase());
    if (type && cut === words.length - 1) {
      const parsed: ParsedType = { kind: 'question', type, support: SELECT_TYPES[type]!, list: words[cut]! };
      return orOther ? { ...parsed, orOther } : parsed;
    }
  }
  // A bare `osm` is an OpenStreetMap question without tags.
  if (lower === 'osm') return { kind: 'question', type: 'osm', support: 'kept' };
  const bareSelect = lookup(SELECT_ALIASES, withoutOther.toLowerCase());
  if (bareSelect) return { kind: 'missingList', type: bareSelect };
  const first = lower.split(' ')[0]!;
  const known = [...Object.keys(QUESTION_TYPES), ...Object.keys(SELECT_TYPES), 'begin_group', 'begin_repeat'];
  return { kind: 'unknown', suggestion: closest(first, known) };
}

/** The text written back on export: canonical, so it re-imports to the same model. */
export function typeCell(type: string, list?: string, orOther?: boolean): string {
  if (list === undefined) return type;
  if (type === 'loop') return `begin_loop over ${list}`;
  return `${type} ${list}${orOther ? ' or_other' : ''}`;
}
