// A few line icons, drawn inline so they cost no request. Always shown beside a text label:
// icons help people who read little, the label is what a screen reader says.
import type { JSX, SVGAttributes } from 'preact';

const shapes = {
  people:
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1M17 11a3 3 0 1 0 0-6M22 21v-1a5 5 0 0 0-4-4.9',
  members: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21v-1a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v1M19 8v6M16 11h6',
  audit:
    'M9 4h6M9 2h6v4H9zM6 4H5a1 1 0 0 0-1 1v15a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1V5a1 1 0 0 0-1-1h-1M8 11h8M8 15h8M8 19h5',
  account: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  home: 'M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10',
  forms: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7M9 8h3',
  language: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  plus: 'M12 5v14M5 12h14',
  map: 'M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2zM9 4v14M15 6v14',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5',
  print: 'M7 9V3h10v6M7 17H4v-7h16v7h-3M7 14h10v7H7z',
  up: 'M12 19V5M6 11l6-6 6 6',
  down: 'M12 5v14M6 13l6 6 6-6',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  back: 'M15 18l-6-6 6-6',
  signOut: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10',
  key: 'M8 20a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM10.8 13.2 20 4M17 7l3 3M14.5 9.5l2 2',
  check: 'M5 12l5 5L20 7',
  save: 'M5 3h11l3 3v15H5zM8 3v6h8M8 21v-7h8v7',
  join: 'M15 3h4v18h-4M10 8l4 4-4 4M4 12h10',
  download: 'M12 3v12M7 10l5 5 5-5M5 21h14',
  speaker: 'M4 9v6h4l5 4V5L8 9zM16 8a5 5 0 0 1 0 8M18.5 5.5a8.5 8.5 0 0 1 0 13',
  stop: 'M6 6h12v12H6z',
} as const;

export type IconName = keyof typeof shapes;

export function Icon({ name, ...rest }: { name: IconName } & SVGAttributes<SVGSVGElement>): JSX.Element {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      {...rest}
    >
      <path d={shapes[name]} />
    </svg>
  );
}
