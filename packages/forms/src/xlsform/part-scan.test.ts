import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowCounter, sheetNamesByPart } from './part-scan.ts';

const xmlPiece = fc.constantFrom(
  '<row r="1">',
  '<row>',
  '<rows>',
  '<rowBreaks/>',
  '<c r="A1"/>',
  '</row>',
  'ro',
  '<',
  'w ',
  'x',
);

describe('counting worksheet rows while unpacking', () => {
  it('counts the same rows however the XML is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(xmlPiece, { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (pieces, cuts) => {
          const whole = Buffer.from(pieces.join(''));
          const expected = (whole.toString().match(/<row[\s>/]/g) ?? []).length;
          const at = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
          const count = rowCounter();
          let total = count(new Uint8Array());
          let from = 0;
          for (const cut of [...at, whole.length]) {
            total = count(whole.subarray(from, cut));
            from = cut;
          }
          expect(total).toBe(expected);
        },
      ),
    );
  });
});

describe('naming the sheet a worksheet part holds', () => {
  it('follows the workbook relationships, whatever order the attributes come in', () => {
    const workbook =
      '<workbook xmlns:r="r"><sheets><sheet name="survey" sheetId="1" r:id="rId2"/>' +
      '<sheet r:id="rId1" sheetId="2" name="choices &amp; more"/></sheets></workbook>';
    const rels =
      '<Relationships><Relationship Target="worksheets/sheet2.xml" Id="rId2" Type="t"/>' +
      '<Relationship Id="rId1" Type="t" Target="/xl/worksheets/Sheet1.xml"/></Relationships>';
    expect(sheetNamesByPart(workbook, rels)).toEqual(
      new Map([
        ['xl/worksheets/sheet2.xml', 'survey'],
        ['xl/worksheets/sheet1.xml', 'choices & more'],
      ]),
    );
  });
});
