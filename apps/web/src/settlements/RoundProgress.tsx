// A round's progress: its six steps with the current one said in words, and per section how far
// enumeration has come (counts, a percentage and a text bar with its number beside it).
import type { Coverage, HouseholdCounts } from '@coproduce/contract';
import { roundStatuses } from '@coproduce/contract/constants';
import type { JSX } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import { percentEnumerated, type RoundStatus, textBar } from './round-steps.ts';
import { ScrollTable } from './ScrollTable.tsx';

export function RoundSteps({ status }: { status: RoundStatus }): JSX.Element {
  const { t } = useI18n();
  const at = roundStatuses.indexOf(status);
  return (
    <section aria-labelledby="round-steps-title">
      <h2 id="round-steps-title">{t('round.steps')}</h2>
      <ol class="round-steps">
        {roundStatuses.map((step, index) => {
          const state = index < at ? 'done' : index === at ? 'current' : 'later';
          return (
            <li
              key={step}
              class={`round-step round-step-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span class="round-step-name">{t(`round.status.${step}`)}</span>{' '}
              <span class="round-step-state">{t(`round.step.${state}`)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const columns = [
  'structures',
  'numbered',
  'enumerated',
  'households',
  'refused',
  'absent',
  'verified',
] as const;

export function RoundCoverage({ coverage }: { coverage: Coverage }): JSX.Element {
  const { t } = useI18n();
  const rows = [
    ...coverage.sections.map((row) => ({ ...row, total: false })),
    { ...coverage.total, code: null, sectionId: 'total', total: true },
  ];
  return (
    <section aria-labelledby="round-progress-title">
      <h2 id="round-progress-title">{t('round.progress')}</h2>
      <p class="hint">{t('round.progressHint')}</p>
      <ScrollTable labelledBy="round-progress-title">
        <thead>
          <tr>
            <th scope="col">{t('coverage.section')}</th>
            <th scope="col">{t('round.percentEnumerated')}</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`coverage.column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const percent = percentEnumerated(row);
            return (
              <tr key={row.sectionId ?? 'none'} class={row.total ? 'total-row' : undefined}>
                <th scope="row">{row.total ? t('coverage.total') : (row.code ?? t('map.noSection'))}</th>
                <td class="round-percent">
                  <span class="text-bar" aria-hidden="true">
                    {textBar(percent)}
                  </span>{' '}
                  <span>{t('round.percent', { percent })}</span>
                </td>
                {columns.map((column) => (
                  <td key={column}>{row[column]}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </section>
  );
}

export function RoundHouseholdCounts(props: { counts: HouseholdCounts; coverage: Coverage }): JSX.Element {
  const { t } = useI18n();
  // In the coverage table's order (by section code), whatever order the counts come in.
  const order = props.coverage.sections.map((s) => s.sectionId);
  const place = (id: string | null) => (order.includes(id) ? order.indexOf(id) : order.length);
  const code = (id: string | null) =>
    props.coverage.sections.find((s) => s.sectionId === id)?.code ?? t('map.noSection');
  const sections = [...props.counts.sections].sort((a, b) => place(a.sectionId) - place(b.sectionId));
  const rows = [
    ...sections.map((row) => ({ ...row, label: code(row.sectionId), total: false })),
    { ...props.counts.total, sectionId: 'total', label: t('coverage.total'), total: true },
  ];
  const keys = ['households', 'persons', 'refused', 'absent', 'vacant'] as const;
  return (
    <section aria-labelledby="round-counts-title">
      <h2 id="round-counts-title">{t('round.counts')}</h2>
      {props.counts.purpose && (
        <p>{t('round.countsPurpose', { purpose: t(`household.purpose.${props.counts.purpose}`) })}</p>
      )}
      <ScrollTable labelledBy="round-counts-title">
        <thead>
          <tr>
            <th scope="col">{t('coverage.section')}</th>
            {keys.map((key) => (
              <th key={key} scope="col">
                {t(`round.count.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.sectionId ?? 'none'} class={row.total ? 'total-row' : undefined}>
              <th scope="row">{row.label}</th>
              {keys.map((key) => (
                <td key={key}>{row[key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
