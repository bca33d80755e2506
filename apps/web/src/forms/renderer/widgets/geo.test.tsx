// A geopoint placed on a map: offered only where the screen around the form provides a map
// (collection mode), and a placed point answers in ODK's form with accuracy 0, as not measured.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Form, Question } from '../../lib.ts';
import { FormView } from '../FormView.tsx';
import type { FormSession } from '../session.ts';
import { PlaceContext, type PlaceOnMap, type PlaceProps } from './place.ts';

const where: Question = {
  kind: 'question',
  name: 'where',
  type: 'geopoint',
  label: { default: 'Where is the structure?' },
  hint: {},
  guidanceHint: {},
  constraintMessage: {},
  requiredMessage: {},
  media: {},
  parameters: {},
  extra: {},
  bind: {},
};
const form: Form = {
  settings: { formTitle: 'Numbering', extra: {} },
  survey: [where],
  choices: {},
  choiceColumns: [],
  otherSheets: [],
};

let root: HTMLElement;
let session: FormSession | null = null;
/** What the screen's map was last drawn with: the point placed so far. */
let shown: PlaceProps | null = null;
// The screen's map, as the renderer sees it: a component it draws, handing back a tapped point.
const mapOfTheArea: PlaceOnMap = (props) => {
  shown = props;
  return (
    <button
      type="button"
      class="test-map"
      onClick={() => props.onPlace({ lat: -33.9712345, lon: 18.5712345 })}
    >
      map
    </button>
  );
};

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  shown = null;
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const buttons = () => [...root.querySelectorAll('button')].map((b) => b.textContent);
const inputs = () => [...root.querySelectorAll<HTMLInputElement>('.fq-point input')].map((i) => i.value);

it('offers no map where the screen provides none', () => {
  act(() => render(<FormView form={form} onSession={(s) => (session = s)} />, root));
  expect(buttons()).toContain('Use my location');
  expect(buttons()).not.toContain('Place on the map');
});

it('places the point where the map was tapped, and shows it when the map opens again', () => {
  act(() =>
    render(
      <PlaceContext.Provider value={mapOfTheArea}>
        <FormView form={form} onSession={(s) => (session = s)} />
      </PlaceContext.Provider>,
      root,
    ),
  );
  const open = () =>
    [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Place on the map',
    ) as HTMLButtonElement;
  expect(open().getAttribute('aria-expanded')).toBe('false');
  expect(root.querySelector('.test-map')).toBeNull();
  act(() => open().click());
  expect(shown?.point).toBeNull();
  act(() => root.querySelector<HTMLButtonElement>('.test-map')!.click());
  expect(session!.engine.getAnswer('/where')).toBe('-33.9712345 18.5712345 0 0');
  expect(inputs()).toEqual(['-33.9712345', '18.5712345']);
  expect(root.querySelector('.fq-geo [role="status"]')?.textContent).toBe(
    'Placed where you tapped on the map. Tap again to move it.',
  );
  // Closed and opened again, the map is drawn with the point placed.
  const close = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Close the map')!;
  act(() => close.click());
  expect(root.querySelector('.test-map')).toBeNull();
  act(() => open().click());
  expect(shown?.point).toEqual({ lat: -33.9712345, lon: 18.5712345 });
});
