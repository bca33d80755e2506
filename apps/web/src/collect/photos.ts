// The files a filling chose (photos from the camera), made ready to keep: each renamed after its
// question and repeat position so two photos never share a name, photos made smaller, and files of a
// resumed draft kept while an answer still names them.
import type { AnswerTree, SubmissionFileRef } from '@coproduce/contract';
import type { FormSession } from '../forms/renderer/session.ts';
import { keptFile, preparePhoto } from '../offline/files.ts';
import type { Work } from '../offline/store.ts';

function names(tree: AnswerTree, out = new Set<string>()): Set<string> {
  for (const value of Object.values(tree)) {
    if (typeof value === 'string') out.add(value);
    else if (Array.isArray(value)) for (const item of value) names(item, out);
    else names(value, out);
  }
  return out;
}

export async function keepFiles(
  session: FormSession,
  previous: Work | null,
): Promise<{ answers: AnswerTree; files: SubmissionFileRef[]; fileData: Record<string, string> }> {
  const chosen: Array<{ name: string; file: File }> = [];
  for (const [key, file] of session.files) {
    const [path = '', at = ''] = key.split('#');
    const indexes = at ? at.split('.').map(Number) : [];
    const name = `${path.split('/').pop()}${indexes.map((i) => `-${i + 1}`).join('')}.jpg`;
    session.engine.setAnswer(path, name, indexes);
    chosen.push({ name, file });
  }
  const answers = session.engine.answers() as AnswerTree;
  const used = names(answers);
  const files: SubmissionFileRef[] = [];
  const fileData: Record<string, string> = {};
  for (const ref of previous?.item.files ?? []) {
    const data = previous?.fileData?.[ref.name];
    if (data && used.has(ref.name) && !chosen.some((c) => c.name === ref.name)) {
      files.push(ref);
      fileData[ref.name] = data;
    }
  }
  for (const { name, file } of chosen) {
    if (!used.has(name)) continue; // the question is no longer relevant: its photo is not kept
    const { bytes, type } = await preparePhoto(file);
    const kept = await keptFile(name, bytes, type);
    files.push(kept.ref);
    fileData[name] = kept.base64;
  }
  return { answers, files, fileData };
}
