// The attachments panel against a stubbed server: list, missing files, upload, delete, and the
// server's issue worded from its code (a 413 names the limit); the archive button asks first.
import type { FormDetail } from '@coproduce/contract';
import { formLimits } from '@coproduce/contract';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { useAction } from '../../ui/forms.tsx';
import type { Form } from '../lib.ts';
import { ArchiveButton } from './ArchiveButton.tsx';
import { AttachmentsPanel, maxAttachmentBytes, referencedFiles } from './AttachmentsPanel.tsx';

const base = '/api/workspaces/w1/forms/f1';
const attachment = (id: string, fileName: string) => ({
  id,
  fileName,
  contentType: 'image/png',
  size: 2048,
  sha256: 'x',
  createdAt: '2026-11-25T00:00:00.000Z',
  deletedAt: null,
  revision: '1',
});
const blank = {
  hint: {},
  guidanceHint: {},
  constraintMessage: {},
  requiredMessage: {},
  parameters: {},
  extra: {},
  bind: {},
};
const form: Form = {
  settings: { extra: {} },
  survey: [
    {
      kind: 'question',
      name: 'a',
      type: 'note',
      label: {},
      ...blank,
      media: { image: { default: 'tap.png' } },
    },
    {
      kind: 'question',
      name: 'b',
      type: 'select_one_from_file',
      list: 'wards.csv',
      label: {},
      ...blank,
      media: {},
    },
  ],
  choices: {},
  choiceColumns: [],
  otherSheets: [],
};

let root: HTMLElement;
let stored: ReturnType<typeof attachment>[];
let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  stored = [attachment('a1', 'tap.png')];
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (url === `${base}/attachments` && method === 'GET') return Response.json({ items: stored });
    if (url === `${base}/attachments` && method === 'POST') {
      const body = JSON.parse(String(init?.body)) as { fileName: string };
      if (body.fileName === 'big.csv')
        return Response.json(
          {
            type: 'about:blank',
            title: 'Too large',
            status: 413,
            code: 'request.too_large',
            detail: 'too big',
          },
          { status: 413 },
        );
      if (body.fileName === 'bad.csv')
        return Response.json(
          {
            type: 'about:blank',
            title: 'Bad',
            status: 400,
            code: 'form.attachment.invalid',
            detail: 'contentBase64: the file is empty',
            errors: [{ path: 'body.contentBase64', message: 'the file is empty', code: 'file.empty' }],
          },
          { status: 400 },
        );
      stored = [...stored, attachment('a2', body.fileName)];
      return Response.json(stored.at(-1), { status: 201 });
    }
    if (url === `${base}/attachments/a1` && method === 'DELETE') {
      stored = stored.filter((a) => a.id !== 'a1');
      return new Response(null, { status: 204 });
    }
    if (url === `${base}/archive`) return Response.json({});
    return new Response(null, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('confirm', () => true);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
});

const flush = () => act(async () => new Promise((r) => setTimeout(r, 10)));
const show = async () => {
  act(() => render(<AttachmentsPanel workspaceId="w1" formId="f1" form={form} canEdit />, root));
  await flush();
};
const choose = async (file: File) => {
  const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
};

it('knows the contract limit and the files the form refers to', () => {
  expect(maxAttachmentBytes).toBe(formLimits.fileBytes);
  expect(referencedFiles(form)).toEqual(['tap.png', 'wards.csv']);
});

it('lists attachments with download links and the files still missing', async () => {
  await show();
  const link = root.querySelector('a[download="tap.png"]');
  expect(link?.getAttribute('href')).toBe(`${base}/attachments/a1`);
  expect(link?.getAttribute('aria-label')).toBe('Download tap.png');
  expect(root.textContent).toContain('not uploaded yet');
  expect(root.querySelector('.notice li')?.textContent).toBe('wards.csv');
});

it('uploads as JSON base64 and refreshes the list', async () => {
  await show();
  await choose(new File(['name,label\nw1,Ward 1\n'], 'wards.csv', { type: 'text/csv' }));
  const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
  const body = JSON.parse(String(post?.[1]?.body)) as { fileName: string; contentBase64: string };
  expect(body.fileName).toBe('wards.csv');
  expect(atob(body.contentBase64)).toBe('name,label\nw1,Ward 1\n');
  await vi.waitFor(() => expect(root.textContent).toContain('1 file uploaded.'));
  expect(root.querySelector('a[download="wards.csv"]')).not.toBeNull();
});

it('words the server’s issue from its code, and a 413 as the size limit', async () => {
  await show();
  // Reading a file and the reply are asynchronous: on a busy machine they outlast a fixed pause.
  await choose(new File(['x'], 'bad.csv'));
  await vi.waitFor(() =>
    expect(root.querySelector('[role=alert]')?.textContent).toBe('The file is empty. Choose another file.'),
  );
  await choose(new File(['x'], 'big.csv'));
  await vi.waitFor(() =>
    expect(root.querySelector('[role=alert]')?.textContent).toBe(
      'The file is too big. Each file can be up to 10.0 MB.',
    ),
  );
});

it('refuses a file over the limit before sending it', async () => {
  await show();
  const big = new File(['x'], 'huge.mp4');
  Object.defineProperty(big, 'size', { value: maxAttachmentBytes + 1 });
  await choose(big);
  await vi.waitFor(() =>
    expect(root.querySelector('[role=alert]')?.textContent).toContain('huge.mp4 is too big'),
  );
  expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
});

it('deletes after confirming', async () => {
  await show();
  const remove = root.querySelector<HTMLButtonElement>('button[aria-label="Delete tap.png"]')!;
  await act(async () => remove.click());
  await flush();
  expect(root.querySelector('a[download="tap.png"]')).toBeNull();
  expect(root.textContent).toContain('tap.png deleted.');
});

it('archives only with the ability, and only after confirming', async () => {
  const detail = { id: 'f1', title: 'Survey', status: 'draft', abilities: { archive: true } } as FormDetail;
  const onArchived = vi.fn();
  const Harness = ({ d }: { d: FormDetail }) => (
    <ArchiveButton workspaceId="w1" detail={d} action={useAction()} onArchived={onArchived} />
  );
  act(() => render(<Harness d={{ ...detail, abilities: { ...detail.abilities, archive: false } }} />, root));
  expect(root.querySelector('button')).toBeNull();
  act(() => render(<Harness d={detail} />, root));
  vi.stubGlobal('confirm', () => false);
  await act(async () => root.querySelector('button')!.click());
  expect(fetchMock).not.toHaveBeenCalled();
  vi.stubGlobal('confirm', () => true);
  await act(async () => root.querySelector('button')!.click());
  await flush();
  expect(fetchMock.mock.calls[0]?.[0]).toBe(`${base}/archive`);
  expect(onArchived).toHaveBeenCalledWith('“Survey” is archived.');
});
