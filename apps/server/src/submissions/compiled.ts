import type { Form } from '@coproduce/forms';
import { type CompiledForm, compileForm } from '@coproduce/forms/submission';

/**
 * Published versions never change, so each is compiled (its engine and field shapes) once and
 * kept: ingest validates every submission with it. Bounded, least recently used out first.
 */
export interface CompiledForms {
  get(versionId: string, model: () => Form): CompiledForm;
}

export function createCompiledForms(capacity = 200): CompiledForms {
  const cache = new Map<string, CompiledForm>();
  return {
    get(versionId, model) {
      const hit = cache.get(versionId);
      if (hit) {
        cache.delete(versionId);
        cache.set(versionId, hit);
        return hit;
      }
      const compiled = compileForm(model());
      cache.set(versionId, compiled);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return compiled;
    },
  };
}

/** JSON with keys in sorted order: the same answers always give the same text and hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
