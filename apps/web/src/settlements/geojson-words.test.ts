// What an import did and where a refused file is wrong, read right in English, isiZulu and Hindi.
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import hi from '../i18n/hi.json';
import { translator } from '../i18n/i18n.ts';
import zu from '../i18n/zu.json';
import { importSummary, problemLines, problemPlace } from './geojson-words.ts';

const english = translator('en', en);
const none = { settlement: 0, section: 0, structure: 0, facility: 0 };
const copied = {
  created: { settlement: 0, section: 3, structure: 412, facility: 1 },
  updated: { ...none, settlement: 1 },
  unchanged: none,
  duplicateNumbers: 2,
  outsideBoundary: 1,
};

describe('import summary', () => {
  it('says what was added, changed and what to check, leaving out kinds with none', () => {
    expect(importSummary(english, 'en', copied)).toEqual([
      'Added: 3 sections, 412 structures, and 1 facility.',
      'Changed: the settlement.',
      '2 structures share a painted number with another; check them on the ground.',
      "1 structure is outside the settlement's outline.",
    ]);
    const same = { ...copied, created: none, updated: none, unchanged: { ...none, structure: 4 } };
    expect(importSummary(english, 'en', { ...same, duplicateNumbers: 0, outsideBoundary: 0 })).toEqual([
      'Already the same: 4 structures.',
    ]);
    const empty = { ...same, unchanged: none, duplicateNumbers: 0, outsideBoundary: 0 };
    expect(importSummary(english, 'en', empty)).toEqual(['The file held nothing to import.']);
  });

  it('counts one and many in isiZulu and Hindi', () => {
    const one = { ...copied, created: { ...none, section: 1, structure: 5 } };
    expect(importSummary(translator('zu', zu), 'zu', one)[0]).toContain('isigaba esi-1');
    expect(importSummary(translator('zu', zu), 'zu', one)[0]).toContain('izakhiwo ezingu-5');
    expect(importSummary(translator('hi', hi), 'hi', one)[0]).toContain('5 ढाँचे');
  });
});

describe('a refused file', () => {
  const file = {
    type: 'FeatureCollection',
    features: [{ properties: { kind: 'structure', number: 'N-1' } }, { properties: { kind: 'shack' } }],
  };

  it('names the feature as a person counts, with its painted number, and the field', () => {
    expect(problemPlace(english, 'body.features.0.properties.rooms', file)).toBe('Feature 1 (N-1), rooms');
    expect(problemPlace(english, 'body.features.1.properties.kind', file)).toBe('Feature 2, kind');
    expect(problemPlace(english, 'body.features.1.geometry.coordinates', file)).toBe('Feature 2, its shape');
    expect(problemPlace(english, 'body.type', file)).toBe('The file');
  });

  it('lists the first ten problems in words and counts the rest', () => {
    const issues = Array.from({ length: 12 }, (_, i) => ({
      path: `body.features.${i}.properties.kind`,
      code: 'geojson.kind_unknown',
      message: 'unknown kind',
    }));
    issues.push({
      path: 'body',
      code: 'geojson.more_problems',
      message: 'and 5 more',
      params: { count: 5 },
    } as never);
    const { shown, more } = problemLines(english, issues, file);
    expect(shown).toHaveLength(10);
    expect(shown[1]).toEqual({
      where: 'Feature 2, kind',
      message:
        'Say what this feature is: properties.kind must be settlement, section, structure or facility.',
    });
    expect(more).toBe('…and 7 more problems.');
    expect(problemLines(english, issues.slice(0, 2), file).more).toBeNull();
  });
});
