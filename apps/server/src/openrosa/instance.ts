// A submission instance as ODK Collect sends it, read safely: no DTD (so no entities, external or
// exponential), bounded depth, element count and text length. saxes only checks well-formedness
// and never fetches anything.
import { SaxesParser } from 'saxes';
import { AppError } from '../errors.ts';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export const instanceLimits = {
  bytes: 10 * 1024 * 1024,
  depth: 32,
  elements: 100_000,
  textLength: 100_000,
} as const;

const invalid = (detail: string) =>
  new AppError('openrosa.instance_invalid', 400, `The submission's XML cannot be read: ${detail}.`, [
    { path: 'xml_submission_file', message: detail, code: 'openrosa.instance_invalid' },
  ]);

/** The document's root element, or a located 400 saying what is wrong with the XML. */
export function readXml(xml: string): XmlElement {
  if (xml.length > instanceLimits.bytes) throw invalid(`larger than ${instanceLimits.bytes} bytes`);
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let count = 0;
  let failure: AppError | null = null;
  const fail = (error: AppError) => {
    failure ??= error;
    throw error;
  };
  parser.on('doctype', () => fail(invalid('a DOCTYPE is not allowed (entities are refused)')));
  parser.on('opentag', (tag) => {
    count += 1;
    if (count > instanceLimits.elements) fail(invalid(`more than ${instanceLimits.elements} elements`));
    if (stack.length >= instanceLimits.depth) fail(invalid(`nested deeper than ${instanceLimits.depth}`));
    const element: XmlElement = {
      name: tag.name,
      attributes: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])),
      children: [],
      text: '',
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else if (root) fail(invalid('more than one root element'));
    else root = element;
    stack.push(element);
  });
  const addText = (text: string) => {
    const current = stack.at(-1);
    if (!current) return;
    current.text += text;
    if (current.text.length > instanceLimits.textLength)
      fail(invalid(`<${current.name}> holds more than ${instanceLimits.textLength} characters`));
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (error) => {
    throw failure ?? invalid(error.message.replace(/^undefined:/, 'line '));
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(error instanceof Error ? error.message : String(error));
  }
  if (!root) throw invalid('there is no root element');
  return root;
}

/** The element's name without a namespace prefix (`orx:meta` → `meta`). */
export const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export const childNamed = (element: XmlElement, name: string) =>
  element.children.find((child) => localName(child.name) === name);
