// How the map draws each structure and facility: a shape as well as a colour, so the status is
// never told by colour alone (the legend and the canvas draw from these same shapes). Colours
// are from the Okabe–Ito palette, told apart by most people with colour-blindness.
import type { Facility, Structure } from '@coproduce/contract';

export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'hexagon';

export interface SymbolStyle {
  shape: Shape;
  fill: string;
  stroke: string;
  /** Drawn hollow (white inside), as facilities are, so they stand apart from structures. */
  hollow: boolean;
  /** A slash across: a facility that does not work. */
  slash: boolean;
}

/** The contract's statuses in their order (the contract's list would bring zod into the bundle). */
export const statusOrder = [
  'numbered',
  'enumerated',
  'verified',
  'disputed',
] as const satisfies readonly Structure['status'][];

export const statusSymbols: Record<Structure['status'], SymbolStyle> = {
  numbered: { shape: 'circle', fill: '#0072b2', stroke: '#003a5c', hollow: false, slash: false },
  enumerated: { shape: 'square', fill: '#e69f00', stroke: '#5c3f00', hollow: false, slash: false },
  verified: { shape: 'triangle', fill: '#009e73', stroke: '#004d38', hollow: false, slash: false },
  disputed: { shape: 'diamond', fill: '#d55e00', stroke: '#1a1a1a', hollow: false, slash: false },
};

const facilityShapes: Record<Facility['type'], { shape: Shape; colour: string }> = {
  tap: { shape: 'circle', colour: '#0b57d0' },
  standpipe: { shape: 'circle', colour: '#0b57d0' },
  toilet: { shape: 'square', colour: '#6a1b9a' },
  toilet_block: { shape: 'square', colour: '#6a1b9a' },
  skip: { shape: 'triangle', colour: '#4e342e' },
  light: { shape: 'hexagon', colour: '#8d6e00' },
};

/** Facility types as the legend groups them: taps with standpipes, toilets with toilet blocks. */
export const facilityGroups = [
  ['tap', 'standpipe'],
  ['toilet', 'toilet_block'],
  ['skip'],
  ['light'],
] as const;

export function facilitySymbol(type: Facility['type'], functional: boolean): SymbolStyle {
  const { shape, colour } = facilityShapes[type];
  return { shape, fill: colour, stroke: functional ? colour : '#a4161a', hollow: true, slash: !functional };
}

/** The corners of a shape centred on (x, y) with "radius" r; null for a circle. */
export function shapeCorners(shape: Shape, x: number, y: number, r: number): [number, number][] | null {
  switch (shape) {
    case 'circle':
      return null;
    case 'square': {
      const s = r * 0.85;
      return [
        [x - s, y - s],
        [x + s, y - s],
        [x + s, y + s],
        [x - s, y + s],
      ];
    }
    case 'triangle':
      return [
        [x, y - r * 1.15],
        [x + r, y + r * 0.75],
        [x - r, y + r * 0.75],
      ];
    case 'diamond':
      return [
        [x, y - r * 1.2],
        [x + r * 1.2, y],
        [x, y + r * 1.2],
        [x - r * 1.2, y],
      ];
    case 'hexagon':
      return Array.from({ length: 6 }, (_, i): [number, number] => {
        const angle = (Math.PI / 3) * i;
        return [x + r * Math.cos(angle), y + r * Math.sin(angle)];
      });
  }
}

/** The same shape as an SVG path, for the legend. */
export function shapePath(shape: Shape, x: number, y: number, r: number): string {
  const corners = shapeCorners(shape, x, y, r);
  if (!corners) return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
  return `M${corners.map(([cx, cy]) => `${round(cx)},${round(cy)}`).join('L')}Z`;
}

const round = (n: number) => Math.round(n * 100) / 100;
