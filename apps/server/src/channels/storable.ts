// Inbound text as our databases can hold it. People's messages cannot be refused (the provider
// would retry, or the answer would be lost), so what PostgreSQL or SQLite cannot store (NUL, lone
// surrogate halves) and invisible control characters other than tab and line breaks become U+FFFD,
// and the text is NFC like every other stored string. The raw request, stored before parsing,
// keeps the bytes as they came.
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isControl = (c: number) =>
  (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);

export function storableText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      out += text[i]! + text[i + 1]!;
      i++;
    } else if (isHigh(c) || isLow(c) || isControl(c)) out += '\uFFFD';
    else out += text[i]!;
  }
  return out.normalize('NFC');
}
