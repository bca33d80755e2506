// A structure field's value in words: its section's code, its use in the reader's language, a
// point as latitude and longitude, a date as a date. Shared by the facts, history and conflict.
import type { Section, Structure } from '@coproduce/contract';
import { useI18n } from '../i18n/i18n.ts';

/** The fields a change or a resolution may set, in the order they are shown. */
export const structureFields = [
  'number',
  'sectionId',
  'use',
  'point',
  'wallMaterial',
  'roofMaterial',
  'rooms',
  'floorAreaM2',
  'statedOccupants',
  'statedHouseholds',
] as const;
export type StructureField = (typeof structureFields)[number];

export const isStructureField = (name: string): name is StructureField =>
  (structureFields as readonly string[]).includes(name);

const uses: readonly Structure['use'][] = [
  'residential',
  'business',
  'mixed',
  'church',
  'creche',
  'spaza',
  'vacant',
];

export function useFieldValue(sections: Section[]): (field: string, value: unknown) => string {
  const { t, date } = useI18n();
  return (field, value) => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'sectionId') return sections.find((s) => s.id === value)?.code ?? t('map.noSection');
    if (field === 'use' && uses.includes(value as Structure['use']))
      return t(`structure.use.${value as Structure['use']}`);
    if (field === 'point' && typeof value === 'object') {
      const point = value as { lat: number; lon: number };
      return t('structure.pointValue', { lat: point.lat.toFixed(6), lon: point.lon.toFixed(6) });
    }
    if ((field === 'numberedAt' || field === 'createdAt') && typeof value === 'string')
      return date(value, true);
    // Materials are typed on phones; forms' choice names (corrugated_iron) read better spaced.
    if ((field === 'wallMaterial' || field === 'roofMaterial') && typeof value === 'string')
      return value.replace(/_/g, ' ');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
}

/** The label of a field, for history and conflict tables. */
export function useFieldLabel(): (field: string) => string {
  const { t } = useI18n();
  return (field) => (isStructureField(field) ? t(`structure.field.${field}`) : field);
}
