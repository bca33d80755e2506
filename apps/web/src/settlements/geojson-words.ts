// What a GeoJSON import did, and what is wrong with a refused file, in the reader's language:
// counts per kind of record as sentences, and each problem with the feature it is in (numbered
// from 1, as a person counts, with its painted number or section code when the file has one).
import type { GeojsonImportResult } from '@coproduce/contract';
import type { Locale, MessageKey, Translate } from '../i18n/i18n.ts';
import { type Issue, issueMessage } from '../i18n/issues.ts';

const kinds = ['settlement', 'section', 'structure', 'facility'] as const;
type Counts = GeojsonImportResult['created'];

/** The problems shown at most; the rest are counted in one line. */
export const shownProblems = 10;

function countList(t: Translate, locale: Locale, counts: Counts): string | null {
  const parts = kinds
    .filter((kind) => counts[kind] > 0)
    .map((kind) => t(`geojson.count.${kind}` as MessageKey, { count: counts[kind] }));
  if (parts.length === 0) return null;
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts);
}

/** One sentence per thing to say: added, changed, already the same, then what to check. */
export function importSummary(t: Translate, locale: Locale, result: GeojsonImportResult): string[] {
  const lines: string[] = [];
  const created = countList(t, locale, result.created);
  const updated = countList(t, locale, result.updated);
  const unchanged = countList(t, locale, result.unchanged);
  if (created) lines.push(t('geojson.import.created', { list: created }));
  if (updated) lines.push(t('geojson.import.updated', { list: updated }));
  if (unchanged) lines.push(t('geojson.import.unchanged', { list: unchanged }));
  if (lines.length === 0) lines.push(t('geojson.import.empty'));
  if (result.duplicateNumbers > 0)
    lines.push(t('geojson.import.duplicates', { count: result.duplicateNumbers }));
  if (result.outsideBoundary > 0) lines.push(t('geojson.import.outside', { count: result.outsideBoundary }));
  return lines;
}

export interface LocatedProblem {
  where: string;
  message: string;
}

/** A feature's own name in the file: a structure's painted number, a section's code. */
function nameIn(file: unknown, index: number): string | null {
  const features = (file as { features?: unknown })?.features;
  if (!Array.isArray(features)) return null;
  const properties = (features[index] as { properties?: Record<string, unknown> } | undefined)?.properties;
  const name = properties?.number ?? properties?.code;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

/** "Feature 13 (B-0042), rooms" from `body.features.12.properties.rooms`. */
export function problemPlace(t: Translate, path: string | undefined, file: unknown): string {
  const match = /^body\.features\.(\d+)(?:\.(properties|geometry)(?:\.([^.]+))?)?/.exec(path ?? '');
  if (!match) return t('geojson.where.file');
  const index = Number(match[1]);
  const name = nameIn(file, index);
  const where = name
    ? t('geojson.where.named', { feature: index + 1, name })
    : t('geojson.where.feature', { feature: index + 1 });
  if (match[2] === 'geometry') return t('geojson.where.shape', { where });
  if (match[3]) return t('geojson.where.field', { where, field: match[3] });
  return where;
}

/**
 * The first problems of a refused file, each with its place, and a last line counting the rest
 * (those the server listed beyond the first ones shown, and those it only counted).
 */
export function problemLines(
  t: Translate,
  issues: readonly Issue[],
  file: unknown,
): { shown: LocatedProblem[]; more: string | null } {
  const counted = issues.find((issue) => issue.code === 'geojson.more_problems');
  const listed = issues.filter((issue) => issue !== counted);
  const shown = listed.slice(0, shownProblems).map((issue) => ({
    where: problemPlace(t, issue.path, file),
    message: issueMessage(t, issue),
  }));
  const rest = listed.length - shown.length + Number(counted?.params?.count ?? 0);
  return { shown, more: rest > 0 ? t('issue.geojson.more_problems', { count: rest }) : null };
}
