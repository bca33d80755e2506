// ODK's own engine (the engine of ODK Web Forms), for tests: it reads XForms with the browser's XML
// DOM, so jsdom's classes are lent to it as globals, leaving Node's own (Blob, URL, fetch, FormData).
import { JSDOM } from 'jsdom';

export async function odkEngine() {
  const dom = new JSDOM('').window;
  for (const name of [
    'DOMParser',
    'XMLSerializer',
    'Node',
    'Element',
    'Attr',
    'Document',
    'XMLDocument',
    'Text',
  ])
    (globalThis as Record<string, unknown>)[name] = dom[name as keyof typeof dom];
  (globalThis as Record<string, unknown>).document = dom.document;
  // The engine's bundled tree-sitter (its XPath parser, inlined as WebAssembly) reads `__dirname` when
  // it sees Node, which an ES module does not have; the value is unused because the binary is inlined.
  (globalThis as { __dirname?: string }).__dirname = import.meta.dirname;
  return import('@getodk/xforms-engine');
}
