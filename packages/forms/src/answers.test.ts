import { describe, expect, it } from 'vitest';
import { Answers } from './answers.ts';

describe('the answers of a submission', () => {
  it('nest by group, with repeats as arrays', () => {
    const answers = {
      consent: { purposes: ['planning', 'photos'], who_consented: 'head' },
      household: { household_size: 2, on_housing_list: 'yes', rent: null },
      member: [
        { initials: 'NM', age: 34, in_school: null },
        { initials: 'SM', age: 7, in_school: 'yes' },
      ],
      location: '-29.8587 31.0218 12 5',
    };
    expect(Answers.parse(answers)).toEqual(answers);
  });

  it('reject values that are not answers', () => {
    expect(Answers.safeParse({ when: new Date() }).success).toBe(false);
    expect(Answers.safeParse({ member: [1, 2] }).success).toBe(false);
  });
});
