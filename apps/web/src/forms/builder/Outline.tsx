// The list of questions, groups and repeats, indented by nesting. Each row selects its item for
// editing and has buttons to move it, group it and delete it: all reachable by keyboard.
import type { JSX } from 'preact';
import { useI18n } from '../../i18n/i18n.ts';
import { Icon } from '../../ui/icons.tsx';
import type { Form } from '../lib.ts';
import { textIn } from '../renderer/tree.ts';
import { type Address, addressKey, outline } from './edit.ts';

export function Outline({
  form,
  language,
  selected,
  onSelect,
  onMove,
  onRemove,
}: {
  form: Form;
  language: string;
  selected: string;
  onSelect: (address: Address) => void;
  /** Without these (a reader, not an editor) the rows have no move or delete buttons. */
  onMove?: (address: Address, by: -1 | 1) => void;
  onRemove?: (address: Address) => void;
}): JSX.Element {
  const { t } = useI18n();
  const rows = outline(form.survey);
  return (
    <ol class="outline">
      {rows.map(({ item, address, last }) => {
        const key = addressKey(address);
        const name = textIn(item.label, language) || item.name;
        return (
          <li
            key={key}
            class={key === selected ? 'outline-row outline-selected' : 'outline-row'}
            data-depth={Math.min(address.length - 1, 4)}
          >
            <button
              type="button"
              class="outline-pick"
              aria-current={key === selected ? 'true' : undefined}
              onClick={() => onSelect(address)}
            >
              <span class="outline-type">
                {t(`forms.type.${typeKey(item.kind === 'question' ? item.type : item.kind)}`)}
              </span>
              <span class="outline-label">{name}</span>
            </button>
            {onMove && onRemove && (
              <span class="outline-actions">
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t('forms.builder.moveUp', { name })}
                  disabled={address[address.length - 1] === 0}
                  onClick={() => onMove(address, -1)}
                >
                  <Icon name="up" />
                </button>
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t('forms.builder.moveDown', { name })}
                  disabled={last}
                  onClick={() => onMove(address, 1)}
                >
                  <Icon name="down" />
                </button>
                <button
                  type="button"
                  class="icon-button icon-danger"
                  aria-label={t('forms.builder.delete', { name })}
                  onClick={() => onRemove(address)}
                >
                  <Icon name="trash" />
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** Types we have words for; others (kept from a spreadsheet) show as "other type". */
export const TYPE_KEYS = [
  'text',
  'integer',
  'decimal',
  'select_one',
  'select_multiple',
  'rank',
  'range',
  'date',
  'time',
  'dateTime',
  'geopoint',
  'geotrace',
  'geoshape',
  'image',
  'audio',
  'video',
  'file',
  'note',
  'acknowledge',
  'calculate',
  'hidden',
  'select_one_from_file',
  'select_multiple_from_file',
  'start',
  'end',
  'today',
  'deviceid',
  'username',
  'instanceID',
  'group',
  'repeat',
] as const;
export type TypeKey = (typeof TYPE_KEYS)[number] | 'other';

export function typeKey(type: string): TypeKey {
  return (TYPE_KEYS as readonly string[]).includes(type) ? (type as TypeKey) : 'other';
}
