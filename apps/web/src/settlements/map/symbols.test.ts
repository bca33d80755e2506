import { describe, expect, it } from 'vitest';
import { facilitySymbol, shapePath, statusSymbols } from './symbols.ts';

describe('map symbols', () => {
  it('gives every structure status its own shape, not only its own colour', () => {
    const shapes = Object.values(statusSymbols).map((symbol) => symbol.shape);
    expect(new Set(shapes).size).toBe(shapes.length);
  });

  it('marks a facility that does not work with a slash and a red outline', () => {
    expect(facilitySymbol('tap', true).slash).toBe(false);
    expect(facilitySymbol('tap', false)).toMatchObject({ slash: true, stroke: '#a4161a', hollow: true });
  });

  it('draws the legend shapes as closed SVG paths', () => {
    expect(shapePath('square', 10, 10, 5)).toMatch(/^M.*Z$/);
    expect(shapePath('circle', 10, 10, 5)).toContain('a5,5');
  });
});
