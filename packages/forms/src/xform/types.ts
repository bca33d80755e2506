/** How each of our question types is written in an XForm, after pyxform's question type dictionary. */
export interface XFormType {
  /** The bind's `type`. */
  bind: string;
  /** The body control, or null for questions without one (calculations, metadata). */
  control: 'input' | 'select1' | 'select' | 'upload' | 'trigger' | 'range' | 'odk:rank' | null;
  /** `jr:preload` and `jr:preloadParams` for metadata. */
  preload?: [string, string];
  /** `accept` of an upload. */
  mediatype?: string;
  readonly?: boolean;
  /** A hint the type carries when the question has none (pyxform's old composite types). */
  hint?: string;
  /** A constraint the type carries on its own (pyxform's old composite types). */
  constraint?: string;
}

const property = (name: string): XFormType => ({
  bind: 'string',
  control: null,
  preload: ['property', name],
});

const TYPES: Record<string, XFormType> = {
  text: { bind: 'string', control: 'input' },
  integer: { bind: 'int', control: 'input' },
  decimal: { bind: 'decimal', control: 'input' },
  date: { bind: 'date', control: 'input' },
  time: { bind: 'time', control: 'input' },
  dateTime: { bind: 'dateTime', control: 'input' },
  geopoint: { bind: 'geopoint', control: 'input' },
  geotrace: { bind: 'geotrace', control: 'input' },
  geoshape: { bind: 'geoshape', control: 'input' },
  note: { bind: 'string', control: 'input', readonly: true },
  calculate: { bind: 'string', control: null },
  hidden: { bind: 'string', control: null },
  acknowledge: { bind: 'string', control: 'trigger' },
  range: { bind: 'int', control: 'range' },
  select_one: { bind: 'string', control: 'select1' },
  select_multiple: { bind: 'string', control: 'select' },
  select_one_from_file: { bind: 'string', control: 'select1' },
  select_multiple_from_file: { bind: 'string', control: 'select' },
  select_one_external: { bind: 'string', control: 'input' },
  rank: { bind: 'odk:rank', control: 'odk:rank' },
  image: { bind: 'binary', control: 'upload', mediatype: 'image/*' },
  audio: { bind: 'binary', control: 'upload', mediatype: 'audio/*' },
  video: { bind: 'binary', control: 'upload', mediatype: 'video/*' },
  file: { bind: 'binary', control: 'upload', mediatype: 'application/*' },
  barcode: { bind: 'barcode', control: 'input' },
  osm: { bind: 'binary', control: 'upload', mediatype: 'osm/*' },
  email: property('email'),
  start: { bind: 'dateTime', control: null, preload: ['timestamp', 'start'] },
  end: { bind: 'dateTime', control: null, preload: ['timestamp', 'end'] },
  today: { bind: 'date', control: null, preload: ['date', 'today'] },
  deviceid: property('deviceid'),
  username: property('username'),
  phonenumber: property('phonenumber'),
  simserial: property('simserial'),
  subscriberid: property('subscriberid'),
  'uri:deviceid': property('uri:deviceid'),
  'uri:email': property('uri:email'),
  'uri:username': property('uri:username'),
  'uri:phonenumber': property('uri:phonenumber'),
  'uri:simserial': property('uri:simserial'),
  'uri:subscriberid': property('uri:subscriberid'),
  'phone number': {
    bind: 'string',
    control: 'input',
    constraint: "regex(., '^\\d*$')",
    hint: 'Enter numbers only.',
  },
  percentage: { bind: 'int', control: 'input', constraint: '0 <= . and . <= 100' },
  'number of days in last month': { bind: 'int', control: 'input', constraint: '0 <= . and . <= 31' },
  'number of days in last six months': { bind: 'int', control: 'input', constraint: '0 <= . and . <= 183' },
  'number of days in last year': { bind: 'int', control: 'input', constraint: '0 <= . and . <= 365' },
};

/** The XForm shape of a type; a type we only keep becomes a text input. */
export function xformType(type: string): XFormType {
  return TYPES[type] ?? { bind: 'string', control: 'input' };
}
