// The QR code the screen draws must read back, with a real decoder, as exactly the settings text
// the server made: otherwise ODK Collect would scan something else.
import { deflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrModules, qrPath } from './qr.ts';

/** Draw the modules as pixels the way the SVG does (dark squares on white), scale 4. */
function pixels(modules: boolean[][], scale = 4) {
  const size = modules.length * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      if (modules[Math.floor(y / scale)]?.[Math.floor(x / scale)]) {
        const i = (y * size + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
  return { data, size };
}

const settingsText = (serverUrl: string) =>
  deflateSync(
    Buffer.from(
      JSON.stringify({
        general: { server_url: serverUrl, form_update_mode: 'match_exactly', autosend: 'wifi_and_cellular' },
        admin: { change_server: false },
        project: { name: 'Blue phone, section B — ख़ास' },
      }),
    ),
  ).toString('base64');

describe('the QR code of a phone’s settings', () => {
  it('decodes to the same text the server made', () => {
    const text = settingsText(
      `https://coproduce.example.org/key/cpd_${'x'.repeat(43)}/api/workspaces/0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000`,
    );
    const modules = qrModules(text);
    const { data, size } = pixels(modules);
    expect(jsQR(data, size, size)?.data).toBe(text);
  });

  it('has its quiet zone and draws one square per dark module', () => {
    const modules = qrModules('hello');
    expect(modules[0]?.every((dark) => !dark)).toBe(true);
    const dark = modules.flat().filter(Boolean).length;
    expect(qrPath(modules).match(/M/g)?.length).toBe(dark);
  });
});
