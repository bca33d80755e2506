// Groups and repeats. A repeat lists its entries, each with a heading and a remove button, and an
// add button unless repeat_count decides how many there are.
import type { JSX } from 'preact';
import { useI18n } from '../../i18n/i18n.ts';
import { useFill, useWatch } from './context.ts';
import { QuestionView } from './Question.tsx';
import { type Indexes, keyOf } from './session.ts';
import { domId, isShown, type RenderNode, type SectionNode, textIn } from './tree.ts';

export function NodeView({ node, indexes }: { node: RenderNode; indexes: Indexes }): JSX.Element | null {
  if (node.kind === 'question')
    return isShown(node.item) ? <QuestionView node={node} indexes={indexes} /> : null;
  if (node.kind === 'repeat') return <RepeatView node={node} indexes={indexes} />;
  return <GroupView node={node} indexes={indexes} />;
}

function GroupView({ node, indexes }: { node: SectionNode; indexes: Indexes }): JSX.Element | null {
  const { session, language, languageCode } = useFill();
  const relevant = useWatch(keyOf(node.path, indexes), () =>
    session.engine.isRelevant(node.path, indexes)
      ? session.fill(textIn(node.item.label, language), indexes) || ' '
      : '',
  );
  if (!relevant) return null;
  const label = relevant.trim();
  return (
    <section class="fgroup" aria-labelledby={label ? `${domId(node.path, indexes)}-h` : undefined}>
      {label && (
        <h3 id={`${domId(node.path, indexes)}-h`} lang={languageCode}>
          {label}
        </h3>
      )}
      {node.children.map((child) => (
        <NodeView key={child.path} node={child} indexes={indexes} />
      ))}
    </section>
  );
}

function RepeatView({ node, indexes }: { node: SectionNode; indexes: Indexes }): JSX.Element | null {
  const { session, language, languageCode } = useFill();
  const { t } = useI18n();
  const state = useWatch(`${keyOf(node.path, indexes)}+`, () =>
    session.engine.isRelevant(node.path, indexes)
      ? String(session.engine.repeatInstanceCount(node.path, indexes))
      : '',
  );
  if (state === '') return null;
  const count = Number(state);
  const label = textIn(node.item.label, language) || node.item.name;
  const fixed = Boolean(node.item.bind.repeatCount);
  const base = domId(node.path, indexes);
  const add = () => {
    const index = session.addRepeat(node.path, indexes);
    // Take keyboard and screen-reader users to the entry they just added.
    setTimeout(() => document.getElementById(`${base}-${index}-h`)?.focus(), 0);
  };
  const remove = (i: number) => {
    if (!confirm(t('forms.fill.removeEntryConfirm', { item: label, n: i + 1 }))) return;
    session.removeRepeat(node.path, [...indexes, i]);
    setTimeout(() => document.getElementById(`${base}-add`)?.focus(), 0);
  };
  return (
    <section class="frepeat" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} lang={languageCode}>
        {label}
      </h3>
      {count === 0 && <p class="hint">{t('forms.fill.noEntries')}</p>}
      {Array.from({ length: count }, (_, i) => (
        <div class="frepeat-entry" key={i}>
          <div class="frepeat-head">
            <h4 id={`${base}-${i}-h`} tabIndex={-1} lang={languageCode}>
              {t('forms.fill.entry', { item: label, n: i + 1 })}
            </h4>
            {!fixed && (
              <button type="button" class="button button-plain" onClick={() => remove(i)}>
                {t('forms.fill.removeEntry', { item: label, n: i + 1 })}
              </button>
            )}
          </div>
          {node.children.map((child) => (
            <NodeView key={child.path} node={child} indexes={[...indexes, i]} />
          ))}
        </div>
      ))}
      {!fixed && (
        <button type="button" id={`${base}-add`} class="button button-secondary" onClick={add}>
          {t('forms.fill.addEntry', { item: label })}
        </button>
      )}
    </section>
  );
}
