/**
 * A small XML writer: documents are built as trees and every text and attribute value is escaped
 * when written, so no form text (labels, expressions, names) can break the markup.
 */
import { isXmlName } from '../xlsform/names.ts';

export interface XmlNode {
  tag: string;
  attrs: [string, string][];
  children: (XmlNode | string)[];
}

type AttrInput = Record<string, string | undefined>;

/** An element; attributes left undefined are not written. */
export function el(tag: string, attrs: AttrInput = {}, children: (XmlNode | string | null)[] = []): XmlNode {
  // Names are written as they are, so a name that is not an XML name is refused, never written.
  if (!isXmlName(tag)) throw new Error(`not an XML element name: ${JSON.stringify(tag)}`);
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (!isXmlName(name)) throw new Error(`not an XML attribute name: ${JSON.stringify(name)}`);
    pairs.push([name, value]);
  }
  return { tag, attrs: pairs, children: children.filter((c): c is XmlNode | string => c !== null) };
}

// XML 1.0 forbids most control characters even as references; a cell may still hold one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to remove them
export const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeText(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** Serialises with two-space indentation; elements holding text keep their content on one line. */
export function serialize(root: XmlNode): string {
  const out: string[] = ['<?xml version="1.0"?>\n'];
  const write = (node: XmlNode, depth: number) => {
    const pad = '  '.repeat(depth);
    const attrs = node.attrs.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
    if (node.children.length === 0) {
      out.push(`${pad}<${node.tag}${attrs}/>\n`);
      return;
    }
    const mixed = node.children.some((c) => typeof c === 'string');
    if (mixed) {
      out.push(`${pad}<${node.tag}${attrs}>`);
      for (const child of node.children)
        out.push(typeof child === 'string' ? escapeText(child) : inline(child));
      out.push(`</${node.tag}>\n`);
      return;
    }
    out.push(`${pad}<${node.tag}${attrs}>\n`);
    for (const child of node.children) write(child as XmlNode, depth + 1);
    out.push(`${pad}</${node.tag}>\n`);
  };
  const inline = (node: XmlNode): string => {
    const attrs = node.attrs.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
    if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
    const inner = node.children.map((c) => (typeof c === 'string' ? escapeText(c) : inline(c))).join('');
    return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
  };
  write(root, 0);
  return out.join('');
}
