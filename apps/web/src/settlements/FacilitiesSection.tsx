// A settlement's facilities: how many of each type work and how many do not (what a meeting with
// the municipality needs first), then every facility with its section and when it was last seen.
import type { Facility, Section } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import { Swatch } from './MapLegend.tsx';
import { facilityGroups, facilitySymbol } from './map/symbols.ts';
import { ScrollTable } from './ScrollTable.tsx';

const typeOrder: readonly Facility['type'][] = facilityGroups.flat();

export function FacilitiesSection({
  facilities,
  sections,
}: {
  facilities: Facility[];
  sections: Section[];
}): JSX.Element {
  const { t, date } = useI18n();
  const code = (id: string | null) => sections.find((s) => s.id === id)?.code ?? t('map.noSection');
  const sorted = [...facilities].sort(
    (a, b) =>
      typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) ||
      code(a.sectionId).localeCompare(code(b.sectionId)),
  );
  const byType = typeOrder
    .map((type) => {
      const of = facilities.filter((f) => f.type === type);
      return {
        type,
        working: of.filter((f) => f.functional).length,
        notWorking: of.filter((f) => !f.functional).length,
        units: of.reduce((sum, f) => sum + f.units, 0),
      };
    })
    .filter((row) => row.working + row.notWorking > 0);
  return (
    <section aria-labelledby="facilities-title">
      <h2 id="facilities-title">{t('settlement.facilities')}</h2>
      {facilities.length === 0 ? (
        <p>{t('facilities.empty')}</p>
      ) : (
        <>
          <ScrollTable labelledBy="facilities-title">
            <thead>
              <tr>
                <th scope="col">{t('facilities.type')}</th>
                <th scope="col">{t('facility.working')}</th>
                <th scope="col">{t('facility.notWorking')}</th>
                <th scope="col">{t('facilities.units')}</th>
              </tr>
            </thead>
            <tbody>
              {byType.map((row) => (
                <tr key={row.type}>
                  <th scope="row">
                    <span class="with-swatch">
                      <Swatch symbol={facilitySymbol(row.type, true)} />
                      {t(`facility.type.${row.type}`)}
                    </span>
                  </th>
                  <td>{row.working}</td>
                  <td>{row.notWorking}</td>
                  <td>{row.units}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <details class="facility-details">
            <summary id="facility-list-title">
              {t('facilities.showAll', { count: facilities.length })}
            </summary>
            <ScrollTable labelledBy="facility-list-title">
              <thead>
                <tr>
                  <th scope="col">{t('facilities.type')}</th>
                  <th scope="col">{t('facilities.state')}</th>
                  <th scope="col">{t('coverage.section')}</th>
                  <th scope="col">{t('facilities.units')}</th>
                  <th scope="col">{t('facilities.observed')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((facility) => (
                  <tr key={facility.id}>
                    <th scope="row">
                      <span class="with-swatch">
                        <Swatch symbol={facilitySymbol(facility.type, facility.functional)} />
                        {t(`facility.type.${facility.type}`)}
                      </span>
                    </th>
                    <td>{facility.functional ? t('facility.working') : t('facility.notWorking')}</td>
                    <td>{code(facility.sectionId)}</td>
                    <td>{facility.units}</td>
                    <td>{facility.observedAt ? date(facility.observedAt) : t('settlement.unknown')}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </details>
        </>
      )}
    </section>
  );
}
