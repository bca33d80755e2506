import { createHash } from 'node:crypto';
import type { AnswerTree, SubmissionItem } from '@coproduce/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './compiled.ts';
import { contentHash } from './ingest-items.ts';

// Hashes stored by earlier releases must still recognise a retry: the hash built around the
// answers' canonical text has to be the one of canonicalJson over the whole object, as it was.
const reference = (item: SubmissionItem) =>
  createHash('sha256')
    .update(
      canonicalJson({
        formId: item.formId,
        formVersion: item.formVersion,
        answers: item.answers,
        files: item.files.map((f) => [f.name, f.sha256]),
      }),
    )
    .digest('hex');

const tree: fc.Arbitrary<AnswerTree> = fc.letrec<{ tree: AnswerTree }>((tie) => ({
  tree: fc.dictionary(
    fc.string({ minLength: 1, maxLength: 6 }),
    fc.oneof(
      { depthSize: 'small' },
      fc.string({ maxLength: 8 }),
      tie('tree'),
      fc.array(tie('tree'), { maxLength: 3 }),
    ),
    { maxKeys: 6 },
  ) as fc.Arbitrary<AnswerTree>,
})).tree;

describe('content hash', () => {
  it('equals the hash over the canonical JSON of the whole submission, for any answers and files', () => {
    fc.assert(
      fc.property(
        tree,
        fc.string({ maxLength: 10 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.array(fc.record({ name: fc.string({ maxLength: 8 }), sha256: fc.string({ maxLength: 64 }) }), {
          maxLength: 3,
        }),
        (answers, formId, formVersion, files) => {
          const item = {
            id: 'x',
            formId,
            formVersion,
            answers,
            files: files.map((f) => ({ ...f, contentType: 'image/jpeg', size: 1 })),
          } as unknown as SubmissionItem;
          expect(contentHash(item, canonicalJson(answers))).toBe(reference(item));
        },
      ),
    );
  });

  it('reads back as the same answers, and is the same text whatever order the keys came in', () => {
    fc.assert(
      fc.property(tree, (answers) => {
        const text = canonicalJson(answers);
        expect(JSON.parse(text)).toEqual(answers);
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        expect(canonicalJson(reversed)).toBe(text);
      }),
    );
  });

  it('sorts keys at every depth and keeps arrays in order', () => {
    expect(canonicalJson({ b: '1', a: [{ d: '2', c: '3' }, '4'] })).toBe(
      '{"a":[{"c":"3","d":"2"},"4"],"b":"1"}',
    );
  });
});
