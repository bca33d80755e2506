// A failed save in isiZulu: the summary is worded from the problem's code and focused, and the
// field shows its issue in isiZulu from the code, never the server's English.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { type Catalogue, I18nContext, translator } from '../i18n/i18n.ts';
import zu from '../i18n/zu.json';
import { StatusMessage, TextField, useAction } from './forms.tsx';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const refused = new ApiError(400, {
  type: 'about:blank',
  title: 'Bad request',
  status: 400,
  code: 'request.invalid',
  detail: 'body.name: Too small: expected string to have >=1 characters',
  errors: [
    {
      path: 'body.name',
      code: 'too_small',
      params: { minimum: 1, origin: 'string' },
      message: 'Too small: expected string to have >=1 characters',
    },
  ],
});

let fail: () => Promise<void> = async () => {};
function Screen() {
  const action = useAction();
  return (
    <form>
      <StatusMessage error={action.error} />
      <TextField id="name" label="Igama" value="" onValue={() => {}} error={action.fieldErrors.name} />
      <button type="button" onClick={() => action.run(() => fail())}>
        Londoloza
      </button>
    </form>
  );
}

it('focuses the error summary and words every message in the reader’s language', async () => {
  const i18n = {
    locale: 'zu' as const,
    t: translator('zu', zu as Catalogue),
    setLocale: () => {},
    date: String,
  };
  render(
    <I18nContext.Provider value={i18n}>
      <Screen />
    </I18nContext.Provider>,
    root,
  );
  expect(root.querySelector('.notice-error')).toBeNull();
  fail = async () => {
    throw refused;
  };
  await act(async () => {
    root.querySelector('button')!.click();
  });
  const summary = root.querySelector<HTMLElement>('.notice-error');
  expect(summary?.textContent).toBe(zu['problem.request.invalid']);
  expect(document.activeElement).toBe(summary);
  expect(root.querySelector('#name-error')?.textContent).toBe('Sicela ugcwalise lokhu.');
  expect(root.textContent).not.toContain('Too small');
});
