// XForm benchmark (issue 9): generating the ODK XForm of a 1,000-question form (target < 100 ms),
// beside JSON.stringify of the same model as a same-run baseline.
import { generateXForm } from '../packages/forms/src/index.ts';
import { benchArgs, latency, note, report, round, sample } from './_lib.ts';
import { mixedForm } from './forms/models.ts';

const args = benchArgs();
const runs = args.quick ? 7 : 30;
const form = mixedForm(1000);
let bytes = 0;
note(`generating the XForm of a 1,000-question form ${runs} times…`);
const xform = latency(
  await sample(() => {
    bytes = generateXForm(form).length;
  }, runs),
);
const baseline = latency(await sample(() => JSON.stringify(form), runs));
note(`XForm: p50 ${xform.p50_ms} ms (${bytes} characters); JSON.stringify: p50 ${baseline.p50_ms} ms`);

const target = 100;
report('xform', args, {
  questions: 1000,
  /** Median of the runs, in milliseconds. */
  xformMs: xform.p50_ms,
  xform,
  xformChars: bytes,
  jsonStringify: baseline,
  x_baseline: round(xform.p50_ms / Math.max(baseline.p50_ms, 0.001)),
  target_ms: target,
  met: xform.p50_ms < target,
});
