import { z } from 'zod';

/**
 * The answers of one submission: nested like the form, groups as objects, repeats as arrays
 * of objects. `select_multiple` answers are arrays of choice names; geo answers are strings in
 * ODK's `lat lon alt acc` form (`;`-separated points for traces and shapes).
 */
export type AnswerValue = string | number | boolean | null | string[];
export type Answers = { [name: string]: AnswerValue | Answers | Answers[] };

export const AnswerValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export const Answers: z.ZodType<Answers> = z.lazy(() =>
  z.record(z.string(), z.union([AnswerValue, Answers, z.array(Answers)])),
);
