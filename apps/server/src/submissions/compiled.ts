import type { Form } from '@coproduce/forms';
import { type CompiledForm, compileForm } from '@coproduce/forms/submission';
import type { AnswerLayout } from './answer-tables.ts';

/**
 * Published versions never change, so each is compiled (its engine and field shapes) once and
 * kept with its answer-table layout: ingest then validates and writes a batch with no query for
 * the form at all. Bounded, least recently used out first.
 */
export interface PreparedVersion {
  form: Form;
  compiled: CompiledForm;
  /** Set once the version's columns are known to exist (no DDL left to do). */
  layout: AnswerLayout | null;
}

export interface CompiledForms {
  get(versionId: string): PreparedVersion | undefined;
  put(versionId: string, form: Form): PreparedVersion;
}

export function createCompiledForms(capacity = 200): CompiledForms {
  const cache = new Map<string, PreparedVersion>();
  return {
    get(versionId) {
      const hit = cache.get(versionId);
      if (hit) {
        cache.delete(versionId);
        cache.set(versionId, hit);
      }
      return hit;
    },
    put(versionId, form) {
      const entry = { form, compiled: compileForm(form), layout: null };
      cache.set(versionId, entry);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return entry;
    },
  };
}

/** JSON with keys in sorted order: the same answers always give the same text and hash. */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      out += `${i ? ',' : ''}${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value);
}
