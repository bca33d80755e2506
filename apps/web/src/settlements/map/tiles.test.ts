import { describe, expect, it } from 'vitest';
import { isTileTemplate, setTileUrl, tileUrl } from './tiles.ts';

describe('tile URL setting', () => {
  it('keeps a tile template and forgets an empty one', () => {
    expect(setTileUrl(' https://tiles.example.org/{z}/{x}/{y}.png ')).toBe(true);
    expect(tileUrl()).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
    expect(setTileUrl('')).toBe(true);
    expect(tileUrl()).toBeNull();
  });

  it('refuses what is not a tile template', () => {
    expect(isTileTemplate('javascript:alert(1)/{z}/{x}/{y}')).toBe(false);
    expect(isTileTemplate('https://tiles.example.org/map.png')).toBe(false);
    expect(setTileUrl('ftp://x/{z}/{x}/{y}')).toBe(false);
  });
});
