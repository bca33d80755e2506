import type { Choice, Form, Media, MediaKind, SurveyItem, Translated } from '../model.ts';
import { DEFAULT_LANGUAGE_KEY, formLanguages, MEDIA_KINDS } from '../survey-tree.ts';
import type { PathIndex } from './paths.ts';
import { el, type XmlNode } from './xml.ts';

const MEDIA_PREFIX: Record<MediaKind, string> = {
  image: 'jr://images/',
  'big-image': 'jr://images/',
  audio: 'jr://audio/',
  video: 'jr://video/',
};

/** Which texts of an element are written, and the suffix of their itext id. */
export type ItextField = 'label' | 'hint' | 'constraintMessage' | 'requiredMessage';
const SUFFIX: Record<ItextField, string> = {
  label: 'label',
  hint: 'hint',
  constraintMessage: 'jr:constraintMsg',
  requiredMessage: 'jr:requiredMsg',
};

const translated = (texts: Translated) => Object.keys(texts).some((l) => l !== DEFAULT_LANGUAGE_KEY);
const hasMedia = (media: Media) => MEDIA_KINDS.some((k) => Object.keys(media[k] ?? {}).length > 0);

/**
 * The `itext` block. As pyxform does, a text goes to itext when its column named a language (or,
 * for labels, the element has media); otherwise it is written inline. A language missing a text
 * that another language has gets `-`, pyxform's placeholder.
 */
export class Itext {
  private readonly entries = new Map<string, Map<string, XmlNode[]>>();
  /** Our language keys in the XForm's order; `default` is named after the default language. */
  readonly languages: string[];
  private readonly defaultName: string;

  constructor(
    form: Form,
    private readonly paths: PathIndex,
  ) {
    this.languages = formLanguages(form);
    this.defaultName = form.settings.defaultLanguage ?? DEFAULT_LANGUAGE_KEY;
  }

  /** The language name in the XForm of one of our keys. */
  xformLanguage(key: string): string {
    return key === DEFAULT_LANGUAGE_KEY ? this.defaultName : key;
  }

  /** The `<label>`, `<hint>`… element of an item, or null when it has no such text. */
  element(item: SurveyItem, path: string, field: 'label' | 'hint'): XmlNode | null {
    const texts = item[field];
    const media = field === 'label' ? item.media : {};
    const guidance = field === 'hint' ? item.guidanceHint : {};
    if (Object.keys(texts).length === 0 && !hasMedia(media) && Object.keys(guidance).length === 0)
      return null;
    if (!translated(texts) && !hasMedia(media) && Object.keys(guidance).length === 0)
      return el(field, {}, this.paths.textParts(texts[DEFAULT_LANGUAGE_KEY] ?? ''));
    const id = `${path}:${SUFFIX[field]}`;
    this.add(id, texts, media, guidance);
    return el(field, { ref: `jr:itext('${id}')` });
  }

  /** A bind's message attribute: the text itself, or an itext reference. */
  message(
    texts: Translated,
    path: string,
    field: 'constraintMessage' | 'requiredMessage',
  ): string | undefined {
    if (Object.keys(texts).length === 0) return undefined;
    if (!translated(texts)) return texts[DEFAULT_LANGUAGE_KEY];
    const id = `${path}:${SUFFIX[field]}`;
    this.add(id, texts, {});
    return `jr:itext('${id}')`;
  }

  /** Whether a choice list is labelled through itext (any choice translated or with media). */
  listUsesItext(choices: Choice[]): boolean {
    return choices.some((c) => translated(c.label) || hasMedia(c.media));
  }

  choice(list: string, index: number, choice: Choice): string {
    const id = `${list}-${index}`;
    this.add(id, choice.label, choice.media);
    return id;
  }

  private add(id: string, texts: Translated, media: Media, guidance: Translated = {}) {
    const perLanguage = new Map<string, XmlNode[]>();
    const anyText = Object.keys(texts).length > 0;
    for (const lang of this.languages.length ? this.languages : [DEFAULT_LANGUAGE_KEY]) {
      const values: XmlNode[] = [];
      for (const kind of MEDIA_KINDS) {
        const file = media[kind]?.[lang];
        if (file) values.push(el('value', { form: kind }, [`${MEDIA_PREFIX[kind]}${file}`]));
      }
      if (guidance[lang] !== undefined) values.push(el('value', { form: 'guidance' }, [guidance[lang]!]));
      const text = texts[lang];
      if (text !== undefined) values.push(el('value', {}, this.paths.textParts(text)));
      else if (anyText) values.push(el('value', {}, ['-']));
      perLanguage.set(lang, values);
    }
    this.entries.set(id, perLanguage);
  }

  /** The `<itext>` element, or null when nothing needed it. */
  build(): XmlNode | null {
    if (this.entries.size === 0) return null;
    const langs = this.languages.length ? this.languages : [DEFAULT_LANGUAGE_KEY];
    const defaultKey = langs.includes(DEFAULT_LANGUAGE_KEY)
      ? DEFAULT_LANGUAGE_KEY
      : langs.find((l) => l === this.defaultName);
    return el(
      'itext',
      {},
      langs.map((lang) =>
        el(
          'translation',
          { lang: this.xformLanguage(lang), default: lang === defaultKey ? 'true()' : undefined },
          [...this.entries].map(([id, values]) => el('text', { id }, values.get(lang) ?? [])),
        ),
      ),
    );
  }
}
