// Where each kind of thing may be drawn on a public map (research §2): facilities are public
// infrastructure and are shown exactly; structure and household counts only as H3 cells of at
// least k (hex-layer.ts), sections or the settlement; person attributes only by section after
// disclosure control, never on hexagons (sections and hexagons are not nested, so the two could
// not be protected jointly); sensitive attributes (eviction threat, violence, health) at
// settlement level only. No household is ever a point.
import type { InputProblem } from './input.ts';

export type MapSubject = 'facility' | 'structure' | 'household' | 'person';

export type MapGeometry = 'point' | 'hex' | 'section' | 'settlement';

export type MapLayerRequest = { subject: MapSubject; geometry: MapGeometry; sensitive?: boolean };

export function allowedGeometries(subject: MapSubject, sensitive = false): MapGeometry[] {
  if (sensitive) return ['settlement'];
  switch (subject) {
    case 'facility':
      return ['point', 'hex', 'section', 'settlement'];
    case 'structure':
    case 'household':
      return ['hex', 'section', 'settlement'];
    case 'person':
      return ['section', 'settlement'];
  }
}

/** The located problem with a map layer, or undefined when it may be published. */
export function checkMapLayer(
  layer: MapLayerRequest,
  path: (string | number)[] = [],
): InputProblem | undefined {
  const allowed = allowedGeometries(layer.subject, layer.sensitive);
  if (allowed.includes(layer.geometry)) return undefined;
  return {
    code: 'map.geometry_not_allowed',
    path: [...path, 'geometry'],
    message: `${layer.sensitive ? 'sensitive ' : ''}${layer.subject} data cannot be shown as ${layer.geometry}; allowed: ${allowed.join(', ')}`,
    params: { subject: layer.subject, geometry: layer.geometry, allowed: allowed.join(',') },
  };
}
