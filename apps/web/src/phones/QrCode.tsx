import type { JSX } from 'preact';
import { qrModules, qrPath } from './qr.ts';

/** A QR code as one SVG path: crisp at any size and in print, no image data, nothing inline to run. */
export function QrCode({ text, label }: { text: string; label: string }): JSX.Element {
  const modules = qrModules(text);
  const size = modules.length;
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
      data-qr-text={text}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={qrPath(modules)} fill="#000" />
    </svg>
  );
}
