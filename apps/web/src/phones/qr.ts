import { encode } from 'uqr';

/**
 * The dark modules of a QR code for `text`, with the four-module quiet zone scanners need.
 * Error correction M: a printed slip survives a fold or a smudge, and a settings text of about
 * 300 characters still fits a code a cheap phone's camera reads from arm's length.
 */
export function qrModules(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 4 }).data;
}

/** One SVG path of unit squares for the dark modules (one element, however large the code). */
export function qrPath(modules: boolean[][]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return parts.join('');
}
