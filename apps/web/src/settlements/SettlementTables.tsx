// The settlement page's tables: coverage per section in the latest round, sections, facilities
// (FacilitiesSection.tsx has theirs), and every structure (the map's text alternative, opened on demand).
import type { Coverage, Section, Structure } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { paths } from '../router.ts';
import { Swatch } from './MapLegend.tsx';
import { statusSymbols } from './map/symbols.ts';
import { ScrollTable } from './ScrollTable.tsx';

export function CoverageTable({ coverage }: { coverage: Coverage }): JSX.Element {
  const { t } = useI18n();
  const columns = [
    'structures',
    'numbered',
    'enumerated',
    'households',
    'refused',
    'absent',
    'verified',
  ] as const;
  const rows = [
    ...coverage.sections.map((row) => ({ ...row, total: false })),
    { ...coverage.total, code: null, sectionId: 'total', total: true },
  ];
  return (
    <section aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('coverage.title')}</h2>
      <p>
        {coverage.round
          ? t('coverage.round', {
              name: coverage.round.name,
              status: t(`round.status.${coverage.round.status}`),
            })
          : t('coverage.noRound')}
      </p>
      <ScrollTable labelledBy="coverage-title">
        <thead>
          <tr>
            <th scope="col">{t('coverage.section')}</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`coverage.column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.sectionId ?? 'none'} class={row.total ? 'total-row' : undefined}>
              <th scope="row">{row.total ? t('coverage.total') : (row.code ?? t('map.noSection'))}</th>
              {columns.map((column) => (
                <td key={column}>{row[column]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

export function SectionsList({ sections }: { sections: Section[] }): JSX.Element {
  const { t } = useI18n();
  return (
    <section aria-labelledby="sections-title">
      <h2 id="sections-title">{t('settlement.sections')}</h2>
      {sections.length === 0 ? (
        <p>{t('sections.empty')}</p>
      ) : (
        <ul class="section-list">
          {sections.map((section) => (
            <li key={section.id}>
              <strong>{section.code}</strong> {section.name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function StructuresTable(props: {
  id: string;
  workspaceId: string;
  settlementId: string;
  structures: Structure[];
  sections: Section[];
}): JSX.Element {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const code = (id: string | null) => props.sections.find((s) => s.id === id)?.code ?? t('map.noSection');
  return (
    <section aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{t('structures.title', { count: props.structures.length })}</h2>
      <details id={props.id} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{t('structures.show')}</summary>
        {open && (
          <ScrollTable labelledBy={`${props.id}-title`}>
            <thead>
              <tr>
                <th scope="col">{t('structures.number')}</th>
                <th scope="col">{t('structures.status')}</th>
                <th scope="col">{t('coverage.section')}</th>
                <th scope="col">{t('structures.flags')}</th>
              </tr>
            </thead>
            <tbody>
              {props.structures.map((structure) => (
                <tr key={structure.id}>
                  <th scope="row">
                    <a href={paths.structure(props.workspaceId, props.settlementId, structure.id)}>
                      {structure.number}
                    </a>
                  </th>
                  <td>
                    <span class="with-swatch">
                      <Swatch symbol={statusSymbols[structure.status]} />
                      {t(`structure.status.${structure.status}`)}
                    </span>
                  </td>
                  <td>{code(structure.sectionId)}</td>
                  <td>{flags(t, structure)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </details>
    </section>
  );
}

export function flags(t: ReturnType<typeof useI18n>['t'], structure: Structure): string {
  return [
    structure.hasConflict && t('structure.flag.conflict'),
    structure.duplicateNumber && t('structure.flag.duplicate'),
    structure.outsideBoundary && t('structure.flag.outside'),
  ]
    .filter(Boolean)
    .join(', ');
}
