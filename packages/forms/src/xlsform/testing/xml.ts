/** A small XML reader for the conformance test: elements, attributes, text; no DTDs or CDATA needed. */
export interface XmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** Text and `<output value="…"/>` in document order, for labels. */
  parts: (string | XmlElement)[];
}

export function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e]) return named[e];
    return String.fromCodePoint(
      e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10),
    );
  });
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { tag: '#document', attrs: {}, children: [], text: '', parts: [] };
  const stack = [root];
  const tokens =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(tokens)) {
    const top = stack.at(-1)!;
    if (m[5] !== undefined) {
      const text = decodeEntities(m[5]);
      top.text += text;
      top.parts.push(text);
      continue;
    }
    if (!m[2]) continue;
    if (m[1] === '/') {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g))
      attrs[a[1]!] = decodeEntities(a[2]!);
    const element: XmlElement = { tag: m[2], attrs, children: [], text: '', parts: [] };
    top.children.push(element);
    top.parts.push(element);
    if (m[4] !== '/') stack.push(element);
  }
  return root;
}

export function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

export function find(element: XmlElement, tag: string): XmlElement | undefined {
  for (const e of descendants(element)) if (e.tag === tag) return e;
  return undefined;
}
