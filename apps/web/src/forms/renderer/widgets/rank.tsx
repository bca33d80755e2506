// Rank: every choice in order, moved with buttons (keyboard and screen-reader friendly, no drag).
// Until the person touches the order the question stays unanswered, as in ODK.
import type { JSX } from 'preact';
import { useI18n } from '../../../i18n/i18n.ts';
import { useFill } from '../context.ts';
import { optionsOf } from './choices.tsx';
import type { WidgetProps } from './types.ts';

export function RankWidget(p: WidgetProps): JSX.Element {
  const { session, language, fileLists, languageCode } = useFill();
  const { t } = useI18n();
  const options = optionsOf(session, p.node, p.indexes, language, fileLists, t('forms.fill.other'));
  const given = p.value.split(' ').filter((n) => options.some((o) => o.name === n));
  const order = [...given, ...options.map((o) => o.name).filter((n) => !given.includes(n))];
  const label = (name: string) => options.find((o) => o.name === name)?.label ?? name;
  const move = (from: number, to: number) => {
    const next = [...order];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    p.setValue(next);
  };
  return (
    <div>
      <ol
        class="fq-rank"
        id={p.id}
        tabIndex={-1}
        aria-labelledby={p.labelId}
        aria-describedby={p.describedBy}
      >
        {order.map((name, i) => (
          <li key={name}>
            <span class="fq-rank-label" lang={languageCode}>
              {label(name)}
            </span>
            <button
              type="button"
              class="button button-secondary"
              disabled={p.readOnly || i === 0}
              aria-label={t('forms.fill.moveUp', { item: label(name) })}
              onClick={() => move(i, i - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              class="button button-secondary"
              disabled={p.readOnly || i === order.length - 1}
              aria-label={t('forms.fill.moveDown', { item: label(name) })}
              onClick={() => move(i, i + 1)}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      {p.value === '' && !p.readOnly && (
        <button type="button" class="button button-secondary" onClick={() => p.setValue(order)}>
          {t('forms.fill.rankKeep')}
        </button>
      )}
    </div>
  );
}
