// Small sections are merged before anything is counted, so that no published area is smaller than
// the minimum. They go into one "other sections" group rather than into a neighbour: the engine
// needs no geometry for that, the result does not depend on how polygons touch, and the group is
// published as one area (so no subtraction isolates any of its members). When the group itself is
// still too small, the smallest remaining section joins it, until it is big enough or it is the
// whole settlement.
import type { DisclosureRules, Section } from './input.ts';

export type PublishedArea = {
  /** A section's id, or `OTHER_SECTIONS` for the group. */
  id: string;
  kind: 'section' | 'other-sections';
  /** The sections it covers, in input order. */
  sections: string[];
  households: number;
  persons: number;
};

export const OTHER_SECTIONS = '_other_sections';

const smallerFirst = (a: Section, b: Section) =>
  a.households - b.households || a.persons - b.persons || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Areas in section-id order (the group last), whatever order the sections came in. */
export function mergeSmallSections(given: Section[], rules: DisclosureRules): PublishedArea[] {
  const sections = [...given].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tooSmall = (households: number, persons: number) =>
    households < rules.minHouseholds || persons < rules.minPersons;
  const group = new Set(
    sections.filter((section) => tooSmall(section.households, section.persons)).map((s) => s.id),
  );
  if (group.size > 0) {
    const total = (key: 'households' | 'persons') =>
      sections.reduce((sum, section) => sum + (group.has(section.id) ? section[key] : 0), 0);
    const rest = sections.filter((section) => !group.has(section.id)).sort(smallerFirst);
    while (tooSmall(total('households'), total('persons')) && rest.length > 0) group.add(rest.shift()!.id);
  }
  const areas: PublishedArea[] = sections
    .filter((section) => !group.has(section.id))
    .map((section) => ({
      id: section.id,
      kind: 'section',
      sections: [section.id],
      households: section.households,
      persons: section.persons,
    }));
  if (group.size > 0) {
    const members = sections.filter((section) => group.has(section.id));
    areas.push({
      id: OTHER_SECTIONS,
      kind: 'other-sections',
      sections: members.map((section) => section.id),
      households: members.reduce((sum, section) => sum + section.households, 0),
      persons: members.reduce((sum, section) => sum + section.persons, 0),
    });
  }
  return areas;
}
