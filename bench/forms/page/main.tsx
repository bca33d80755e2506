// Benchmark page: the real renderer (FormView from the web app) on a form handed in by the
// benchmark, timed inside the page so the numbers exclude Playwright's round trips.
import '../../../apps/web/src/forms/forms.css';
import { render } from 'preact';
import type { Form } from '../../../apps/web/src/forms/lib.ts';
import { FormView } from '../../../apps/web/src/forms/renderer/FormView.tsx';
import type { FormSession } from '../../../apps/web/src/forms/renderer/session.ts';

const root = document.getElementById('app')!;

/** After Preact's rerender (a microtask) and the task after it: the DOM is what the user sees next. */
const settle = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** Opens a form from JSON text (as it arrives from storage) and returns ms to the first question in the DOM. */
async function open(json: string): Promise<number> {
  render(null, root);
  await settle();
  const start = performance.now();
  const form = JSON.parse(json) as Form;
  render(<FormView form={form} />, root);
  if (!root.querySelector('.fq')) await settle();
  if (!root.querySelector('.fq')) throw new Error('no question shown');
  return performance.now() - start;
}

let session: FormSession | null = null;

/** Opens the form and returns a function timing one typed answer until the note shows the result. */
async function openForTyping(json: string): Promise<void> {
  render(null, root);
  await settle();
  const form = JSON.parse(json) as Form;
  render(<FormView form={form} onSession={(s) => (session = s)} />, root);
  await settle();
}

/**
 * Types one answer and returns [ms until the DOM shows the recomputed result, ms until the next
 * task]. Preact re-renders in a microtask, so the first figure is the work the phone does; the
 * second adds the wait for the event loop, which on a busy machine is mostly other processes.
 */
async function type(value: string, expected: string): Promise<[number, number]> {
  const input = root.querySelector<HTMLInputElement>('input[type="number"]')!;
  const shows = () =>
    [...root.querySelectorAll('.fq-label')].some((e) => (e.textContent ?? '').includes(expected));
  const start = performance.now();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await Promise.resolve();
  const rendered = performance.now() - start;
  if (!shows()) throw new Error(`expected ${expected} on screen after the re-render`);
  await settle();
  return [rendered, performance.now() - start];
}

/** The engine alone (no DOM), to tell its share of an answer from the renderer's. */
function engineOnly(value: string): number {
  const start = performance.now();
  session?.engine.setAnswer('/n', value);
  return performance.now() - start;
}

Object.assign(window, { bench: { open, openForTyping, type, engineOnly } });
