// Test counts from the JSON reports vitest and Playwright write, for the one summary line CI reads.
import { existsSync, readFileSync, rmSync } from 'node:fs';

export const empty = () => ({ passed: 0, failed: 0, skipped: 0 });

function readJson(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Removes a stale report so a crashed run is never summarised with the previous run's numbers. */
export function forget(file) {
  rmSync(file, { force: true });
}

/** Vitest's json reporter (jest-compatible shape). Undefined when the run died before writing it. */
export function vitestCounts(file) {
  const report = readJson(file);
  if (!report) return undefined;
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Playwright's json reporter: flaky tests passed on retry, so they count as passed. */
export function playwrightCounts(file) {
  const stats = readJson(file)?.stats;
  if (!stats) return undefined;
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
}

export function add(total, counts) {
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}

/** The last line of `npm test`: "N passed, N failed" plus ", N skipped" when there are any. */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
