import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads a header and quoted cells with commas, quotes and line breaks', () => {
    const text =
      '\uFEFFname,label::English (en),ward\r\nkr,"Kennedy Road, Clare",w1\nfoe,"The ""Foreman"" road",w2\n\n';
    expect(parseCsv(text)).toEqual([
      { name: 'kr', 'label::English (en)': 'Kennedy Road, Clare', ward: 'w1' },
      { name: 'foe', 'label::English (en)': 'The "Foreman" road', ward: 'w2' },
    ]);
  });
});
