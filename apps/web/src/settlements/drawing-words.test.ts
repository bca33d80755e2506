// A drawn boundary the server refused, worded by corner in English, isiZulu and Hindi; the tapped
// corners become a closed ring, longitude first.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import en from '../i18n/en.json';
import hi from '../i18n/hi.json';
import { translator } from '../i18n/i18n.ts';
import zu from '../i18n/zu.json';
import { drawnProblems } from './drawing-words.ts';
import { ringOf } from './MapDrawing.tsx';

const refused = new ApiError(400, {
  type: 'about:blank',
  title: 'Bad request',
  status: 400,
  code: 'settlement.boundary_invalid',
  errors: [
    {
      path: 'body.boundary/coordinates/0/2',
      code: 'geojson.self_intersection',
      message: 'ring 0 crosses itself',
    },
    { path: 'body.boundary', code: 'geojson.area_too_large', message: 'too big' },
  ],
} as never);

describe('a refused drawing', () => {
  it('names the line where the boundary crosses itself, counting corners from 1', () => {
    expect(drawnProblems(translator('en', en), refused)).toEqual([
      {
        where: 'The line from corner 3',
        message: 'The boundary crosses itself. Redraw it so that its lines do not cross.',
      },
      {
        where: 'The shape',
        message: 'The shape is far larger than a settlement can be. Check that it is the right file.',
      },
    ]);
  });

  it('is worded in isiZulu and Hindi', () => {
    expect(drawnProblems(translator('zu', zu), refused)[0]?.where).toBe('Ulayini osuka ekhoneni 3');
    expect(drawnProblems(translator('hi', hi), refused)[0]?.where).toBe('कोने 3 से निकलने वाली रेखा');
  });

  it('says nothing for other errors', () => {
    expect(drawnProblems(translator('en', en), new Error('x'))).toEqual([]);
  });
});

describe('the ring of tapped corners', () => {
  it('is closed, longitude first', () => {
    const ring = ringOf([
      { lat: -33.9, lon: 18.6 },
      { lat: -33.9, lon: 18.61 },
      { lat: -33.91, lon: 18.61 },
    ]);
    expect(ring).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [18.6, -33.9],
          [18.61, -33.9],
          [18.61, -33.91],
          [18.6, -33.9],
        ],
      ],
    });
  });
});
