// A settlement's profile as facts: where it is, who owns the land, since when, how big.
import type { Settlement } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import { StatusCounts } from './StatusCounts.tsx';

export function SettlementFacts({ settlement }: { settlement: Settlement }): JSX.Element {
  const { t } = useI18n();
  const unknown = t('settlement.unknown');
  const facts: [string, string][] = [
    [t('settlement.municipality'), settlement.municipality || unknown],
    [t('settlement.ward'), settlement.ward || unknown],
    [t('settlement.landOwner'), t(`settlement.landOwner.${settlement.landOwner}`)],
    [
      t('settlement.yearEstablished'),
      settlement.yearEstablished ? String(settlement.yearEstablished) : unknown,
    ],
    [
      t('settlement.area'),
      settlement.areaHa === null
        ? unknown
        : t('settlement.hectares', { area: Math.round(settlement.areaHa * 10) / 10 }),
    ],
    [t('settlement.numberPrefix'), settlement.numberPrefix || unknown],
  ];
  if (settlement.aliases.length > 0) facts.push([t('settlement.aliases'), settlement.aliases.join(', ')]);
  facts.push([t('settlement.sections'), String(settlement.sections)]);
  facts.push([t('settlement.facilities'), String(settlement.facilities)]);
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{t('settlement.profile')}</h2>
      <dl class="summary">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>{t('settlement.structures')}</dt>
          <dd>
            <StatusCounts counts={settlement.structures} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
