// What the phone's maps draw of an assignment's place, from the downloaded copy alone. Pure: the
// screens (FillScreen, StructurePicker) and their tests call it.
import type { Assignment, Boundary, Section, Structure } from '@coproduce/contract';
import type { CollectCache } from '../offline/download.ts';

/** What the phone can draw of an assignment's place; null when it holds nothing to draw. */
export interface PhoneArea {
  boundary: Boundary | null;
  sections: Section[];
  structures: Structure[];
  /** The assigned section's outline, which the first view shows; else the whole settlement. */
  focus: Boundary | null;
}

export function areaOf(
  cache: CollectCache,
  assignment: Assignment | undefined,
  structures: Structure[],
): PhoneArea | null {
  const settlement = assignment?.settlementId ? cache.settlements[assignment.settlementId] : undefined;
  if (!settlement) return null;
  const sections = Object.values(cache.sections).filter((s) => s.settlementId === settlement.id);
  const section = assignment?.sectionId ? cache.sections[assignment.sectionId] : undefined;
  const drawable = settlement.boundary || sections.some((s) => s.boundary) || structures.some((s) => s.point);
  if (!drawable) return null;
  return {
    boundary: settlement.boundary,
    sections,
    structures,
    focus: section?.boundary ?? null,
  };
}
