const NCNAME = '[\\p{L}_][\\p{L}\\p{N}_.\\u00b7\\u0300-\\u036f\\u203f\\u2040-]*';
const XML_NAME = new RegExp(`^${NCNAME}(?::${NCNAME})?$`, 'u');

/** pyxform's is_xml_tag: an XML element name, optionally with one namespace prefix (`odk:x`). */
export function isXmlName(name: string): boolean {
  return XML_NAME.test(name);
}

/** pyxform's to_snake_case for headers: lower case, runs of white space to one underscore. */
export function snakeCase(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '_');
}
