// Above a form that numbers or visits structures: a list of the numbered structures this phone
// holds for the assignment (searchable by painted number, with section and status; or tapped on
// the map of the area, PhoneMap.tsx), and before finishing, a warning in words when the painted
// number is already used (structure-pick.ts).
import type { Section, Structure } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { Button, TextField } from '../ui/forms.tsx';
import { PhoneMap } from './PhoneMap.tsx';
import type { PhoneArea } from './phone-area.ts';
import { type NumberHolder, searchStructures } from './structure-pick.ts';

/** Enough to scroll a thumb's length at 360 px; typing narrows the rest. */
const shownAtOnce = 40;

export function StructurePicker({
  area,
  structures,
  sections,
  picked,
  onPick,
}: {
  /** The map of the assignment's place, when the phone holds one to draw. */
  area: PhoneArea | null;
  structures: Structure[];
  sections: Record<string, Section>;
  picked: Structure | null;
  onPick: (structure: Structure) => void;
}): JSX.Element {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [onMap, setOnMap] = useState(false);
  const [missed, setMissed] = useState(false);
  const choose = (structure: Structure) => {
    onPick(structure);
    setMissed(false);
    setOnMap(false);
  };
  const found = searchStructures(structures, query);
  const shown = found.slice(0, shownAtOnce);
  const code = (s: Structure) => (s.sectionId ? (sections[s.sectionId]?.code ?? '') : '');
  return (
    <section class="structure-pick" aria-labelledby="structure-pick-title">
      <h2 id="structure-pick-title">{t('collect.pick.title')}</h2>
      <p class="structure-pick-chosen" role="status">
        {picked
          ? t('collect.pick.chosen', { number: picked.number })
          : t('collect.pick.none', { count: structures.length })}
      </p>
      {area && (
        <p class="collect-actions">
          <Button variant="secondary" aria-expanded={onMap} onClick={() => setOnMap(!onMap)}>
            {t(onMap ? 'collect.pick.closeMap' : 'collect.pick.onMap')}
          </Button>
        </p>
      )}
      {area && onMap && (
        <>
          <PhoneMap
            area={area}
            label={t('collect.pick.mapLabel')}
            hint={t('collect.pick.mapHint')}
            marked={picked?.point ?? null}
            onStructure={choose}
            onTap={(_point, near) => (near ? choose(near) : setMissed(true))}
          />
          {missed && (
            <p class="notice" role="status">
              {t('collect.pick.nothingNear')}
            </p>
          )}
        </>
      )}
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t(picked ? 'collect.pick.change' : 'collect.pick.open')}</summary>
        <p class="hint">{t('collect.pick.hint')}</p>
        <TextField
          id="structure-pick-search"
          type="search"
          label={t('collect.pick.search')}
          value={query}
          onValue={setQuery}
          autocomplete="off"
        />
        <p class="muted" aria-live="polite">
          {found.length > shown.length
            ? t('collect.pick.more', { shown: shown.length, count: found.length })
            : t('collect.pick.found', { count: found.length })}
        </p>
        <ul class="structure-pick-list">
          {shown.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                class="structure-pick-item"
                aria-pressed={picked?.id === s.id}
                onClick={() => {
                  onPick(s);
                  setOpen(false);
                }}
              >
                <strong>{s.number}</strong>
                <span>
                  {code(s) ? `${t('collect.pick.section', { section: code(s) })} · ` : ''}
                  {t(`structure.status.${s.status}`)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** The painted number is used already: said in words, with "Finish anyway" and "Change the number". */
export function DuplicateWarning({
  number,
  holders,
  sections,
  formTitle,
  onFinish,
  onChange,
}: {
  number: string;
  holders: NumberHolder[];
  sections: Record<string, Section>;
  formTitle: (formId: string) => string;
  onFinish: () => void;
  onChange: () => void;
}): JSX.Element {
  const { t, date } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const line = (holder: NumberHolder) => {
    if (holder.kind === 'structure') {
      const { structure } = holder;
      const section = structure.sectionId ? sections[structure.sectionId]?.code : undefined;
      const status = t(`structure.status.${structure.status}`);
      return section
        ? t('collect.duplicate.structureIn', { number: structure.number, section, status })
        : t('collect.duplicate.structure', { number: structure.number, status });
    }
    const form = formTitle(holder.work.item.formId);
    return holder.kind === 'draft'
      ? t('collect.duplicate.draft', { form, when: date(holder.work.savedAt, true) })
      : t('collect.duplicate.outbox', {
          form,
          when: date(holder.work.item.finishedAt ?? holder.work.savedAt, true),
        });
  };
  return (
    <div class="notice structure-duplicate" role="alert" tabIndex={-1} ref={box}>
      <p>
        <strong>{t('collect.duplicate.title', { number })}</strong>
      </p>
      <ul>
        {holders.map((holder) => (
          <li key={holder.kind === 'structure' ? holder.structure.id : holder.work.item.id}>
            {line(holder)}
          </li>
        ))}
      </ul>
      <p>{t('collect.duplicate.hint')}</p>
      <p class="collect-actions">
        <Button onClick={onFinish}>{t('collect.duplicate.finish')}</Button>
        <Button variant="secondary" onClick={onChange}>
          {t('collect.duplicate.change')}
        </Button>
      </p>
    </div>
  );
}
