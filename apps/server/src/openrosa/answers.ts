// An XForm instance turned into the answer tree our phones send, so XML from Collect and JSON from
// the web go through one ingest: groups become objects, repeats arrays (even with one entry),
// questions strings. Nodes the XForm generator adds that are not questions (a repeat's `_count`)
// are left out; anything else unknown is kept, so validation can flag it rather than lose it.
import type { AnswerTree } from '@coproduce/contract';
import type { Form, SurveyItem } from '@coproduce/forms';
import { localName, type XmlElement } from './instance.ts';

/** Question types whose answer is the name of a file sent beside the XML. */
const fileTypes = new Set(['image', 'audio', 'video', 'file', 'background-audio']);

interface Shape {
  repeats: Set<string>;
  generated: Set<string>;
  files: Set<string>;
  questions: Set<string>;
}

function shapeOf(items: SurveyItem[], parent: string, shape: Shape) {
  for (const item of items) {
    const path = `${parent}/${item.name}`;
    if (item.kind === 'question') {
      shape.questions.add(path);
      if (fileTypes.has(item.type)) shape.files.add(path);
      continue;
    }
    if (item.kind === 'repeat') {
      shape.repeats.add(path);
      shape.generated.add(`${path}_count`);
    }
    shapeOf(item.children, path, shape);
  }
}

export interface InstanceAnswers {
  answers: AnswerTree;
  /** File names the answers point at (photos, recordings): the attachments to expect. */
  fileNames: string[];
}

// A form's shape is worked out once per model object (the compiled-version cache keeps them).
const shapes = new WeakMap<Form, Shape>();

function shapeFor(form: Form): Shape {
  let shape = shapes.get(form);
  if (!shape) {
    shape = { repeats: new Set(), generated: new Set(), files: new Set(), questions: new Set() };
    shapeOf(form.survey, '', shape);
    shapes.set(form, shape);
  }
  return shape;
}

export function answersFrom(root: XmlElement, form: Form): InstanceAnswers {
  const shape = shapeFor(form);
  const fileNames = new Set<string>();
  const walk = (element: XmlElement, path: string): AnswerTree => {
    const tree: AnswerTree = {};
    for (const child of element.children) {
      const name = localName(child.name);
      const at = `${path}/${name}`;
      if (shape.generated.has(at) && !shape.questions.has(at)) continue;
      const value = child.children.length || shape.repeats.has(at) ? walk(child, at) : child.text.trim();
      if (typeof value === 'string' && shape.files.has(at) && value) fileNames.add(value);
      const before = tree[name];
      if (shape.repeats.has(at) || Array.isArray(before)) {
        const entries = Array.isArray(before) ? before : [];
        entries.push(typeof value === 'string' ? {} : value);
        tree[name] = entries;
      } else if (before !== undefined) {
        // The same name twice where the form has no repeat: kept as a list, for review to flag.
        tree[name] = [before, value].map((v) => (typeof v === 'string' ? { value: v } : v)) as AnswerTree[];
      } else tree[name] = value;
    }
    return tree;
  };
  return { answers: walk(root, ''), fileNames: [...fileNames] };
}
