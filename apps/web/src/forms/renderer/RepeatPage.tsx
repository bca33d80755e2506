// One screen of a repeat in one-question-per-screen mode: a question (or field-list group) of
// one entry, or the entries screen where people add another entry, go back to one, or move on.
import type { JSX } from 'preact';
import { useI18n } from '../../i18n/i18n.ts';
import { useFill } from './context.ts';
import { innerSteps, type RepeatPos, repeatPositions } from './repeatSteps.ts';
import { NodeView } from './Sections.tsx';
import { domId, type SectionNode, textIn } from './tree.ts';

export function RepeatPage({
  node,
  pos,
  onPos,
}: {
  node: SectionNode;
  pos: RepeatPos;
  onPos: (pos: RepeatPos) => void;
}): JSX.Element {
  const { session, language, languageCode } = useFill();
  const { t } = useI18n();
  const label = textIn(node.item.label, language) || node.item.name;
  const fixed = Boolean(node.item.bind.repeatCount);
  const base = domId(node.path, []);
  const count = session.engine.repeatInstanceCount(node.path, []);
  const first = (entry: number): RepeatPos =>
    repeatPositions(session, node).find((p) => 'entry' in p && p.entry === entry) ?? { end: true };
  const add = () => onPos(first(session.addRepeat(node.path, [])));
  const remove = (entry: number) => {
    if (!confirm(t('forms.fill.removeEntryConfirm', { item: label, n: entry + 1 }))) return;
    session.removeRepeat(node.path, [entry]);
    onPos({ end: true });
  };
  if ('entry' in pos) {
    const step = innerSteps(node)[pos.inner];
    return (
      <section class="frepeat frepeat-paged" aria-labelledby={`${base}-${pos.entry}-h`}>
        <div class="frepeat-head">
          <h3 id={`${base}-${pos.entry}-h`} lang={languageCode}>
            {t('forms.fill.entry', { item: label, n: pos.entry + 1 })}
          </h3>
          {!fixed && (
            <button type="button" class="button button-plain" onClick={() => remove(pos.entry)}>
              {t('forms.fill.removeEntry', { item: label, n: pos.entry + 1 })}
            </button>
          )}
        </div>
        {step?.nodes.map((child) => (
          <NodeView key={`${child.path}#${pos.entry}`} node={child} indexes={[pos.entry]} />
        ))}
      </section>
    );
  }
  return (
    <section class="frepeat" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} lang={languageCode}>
        {label}
      </h3>
      {count === 0 ? (
        <p class="hint">{t('forms.fill.noEntries')}</p>
      ) : (
        <ul class="frepeat-entries">
          {Array.from({ length: count }, (_, i) => (
            <li key={i}>
              <button type="button" class="button button-plain" onClick={() => onPos(first(i))}>
                {t('forms.fill.entry', { item: label, n: i + 1 })}
              </button>
              <button type="button" class="button button-plain" onClick={() => remove(i)}>
                {t('forms.fill.removeEntry', { item: label, n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" id={`${base}-add`} class="button button-secondary" onClick={add}>
        {t('forms.fill.addEntry', { item: label })}
      </button>
    </section>
  );
}
