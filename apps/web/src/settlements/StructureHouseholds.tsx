// The households found in a structure, each with its members and what its consent allows. Names
// are never kept: a household is its code, a member their relationship, sex and age.
import type { HouseholdDetail } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { StatusMessage, useAction } from '../ui/forms.tsx';
import { ScrollTable } from './ScrollTable.tsx';

const relationships = new Set([
  'head',
  'spouse',
  'child',
  'grandchild',
  'parent',
  'other_relative',
  'not_related',
]);

export function StructureHouseholds(props: { workspaceId: string; structureId: string }): JSX.Element {
  const { workspaceId, structureId } = props;
  const { t, date } = useI18n();
  const [households, setHouseholds] = useState<HouseholdDetail[] | null>(null);
  const action = useAction();
  useEffect(() => {
    void action.run(async () => {
      const list = await call('listStructureHouseholds', { params: { workspaceId, structureId } });
      setHouseholds(
        await Promise.all(
          list.items.map((h) => call('getHousehold', { params: { workspaceId, householdId: h.id } })),
        ),
      );
    });
  }, [workspaceId, structureId]);

  const known = (value: string | number | null) => (value === null ? t('household.unknown') : String(value));
  // The enumeration template's relationship choices are worded; any other text is shown as given.
  const relationship = (value: string | null) => {
    if (value === null) return t('household.unknown');
    return relationships.has(value)
      ? t(`household.relationship.${value}` as 'household.relationship.head')
      : value;
  };
  return (
    <section aria-labelledby="households-title">
      <h2 id="households-title">{t('household.title')}</h2>
      <StatusMessage error={action.error} />
      {households?.length === 0 && <p>{t('household.none')}</p>}
      {households?.map((h) => {
        const agreed = h.consent
          ? Object.entries(h.consent.purposes)
              .filter(([, yes]) => yes)
              .map(([purpose]) => t(`household.purpose.${purpose}` as 'household.purpose.recontact'))
          : [];
        const caption = `household-${h.id}`;
        return (
          <article key={h.id} class="card household-card">
            <h3 id={caption}>
              {t('household.heading', { code: h.pseudoId })} · {t(`household.outcome.${h.outcome}`)}
            </h3>
            <dl class="summary">
              <div>
                <dt>{t('household.size')}</dt>
                <dd>{known(h.sizeStated)}</dd>
              </div>
              <div>
                <dt>{t('household.years')}</dt>
                <dd>{known(h.yearsInSettlement)}</dd>
              </div>
              <div>
                <dt>{t('household.verification')}</dt>
                <dd>{t(`household.verification.${h.verificationStatus}`)}</dd>
              </div>
              <div>
                <dt>{t('household.consent')}</dt>
                <dd>
                  {!h.consent
                    ? t('household.consent.none')
                    : h.consent.withdrawnAt
                      ? t('household.consent.withdrawn', { date: date(h.consent.withdrawnAt) })
                      : agreed.length
                        ? agreed.join(', ')
                        : t('household.consent.nothing')}
                </dd>
              </div>
            </dl>
            {h.members.length > 0 && (
              <ScrollTable labelledBy={caption}>
                <thead>
                  <tr>
                    <th scope="col">{t('household.member.position')}</th>
                    <th scope="col">{t('household.member.relationship')}</th>
                    <th scope="col">{t('household.member.sex')}</th>
                    <th scope="col">{t('household.member.age')}</th>
                  </tr>
                </thead>
                <tbody>
                  {h.members.map((m) => (
                    <tr key={m.id}>
                      <td>{m.position}</td>
                      <td>{relationship(m.relationship)}</td>
                      <td>{m.sex ? t(`household.sex.${m.sex}`) : t('household.unknown')}</td>
                      <td>{known(m.age)}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            )}
          </article>
        );
      })}
    </section>
  );
}
