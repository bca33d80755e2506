// From the form model to what a renderer walks (nodes with their paths) and what the engine
// computes (flat EngineFields), shared by the web renderer and the server's validation so both
// read a form the same way. `or_other` gets its companion text question here, as pyxform does.
import type { EngineField } from '../engine/index.ts';
import type { Question, Section, SurveyItem } from '../model.ts';
import { xformType } from '../xform/types.ts';

export interface QuestionNode {
  kind: 'question';
  path: string;
  item: Question;
  /** Path of the "specify other" text question for `or_other`, answered in the same widget. */
  otherPath?: string;
}
export interface SectionNode {
  kind: 'group' | 'repeat';
  path: string;
  item: Section;
  children: RenderNode[];
}
export type RenderNode = QuestionNode | SectionNode;

/** Types nobody answers by hand: computed, hidden or filled in from the device. */
export const METADATA_TYPES = new Set(['start', 'end', 'today', 'deviceid', 'username', 'instanceID']);
const NOT_SHOWN = new Set([
  'calculate',
  'hidden',
  ...METADATA_TYPES,
  'audit',
  'simserial',
  'subscriberid',
  'phonenumber',
  'email',
  'start-geopoint',
  'background-audio',
  'background-geopoint',
  'xml-external',
  'csv-external',
]);

export function isShown(item: SurveyItem): boolean {
  return item.kind !== 'question' || !(NOT_SHOWN.has(item.type) || item.type.startsWith('uri:'));
}

export const OTHER = 'other';

export function buildTree(items: SurveyItem[], parent = ''): RenderNode[] {
  const nodes: RenderNode[] = [];
  for (const item of items) {
    const path = `${parent}/${item.name}`;
    if (item.kind === 'question') {
      nodes.push(
        item.orOther
          ? { kind: 'question', path, item, otherPath: `${path}_other` }
          : { kind: 'question', path, item },
      );
    } else if (item.kind === 'group' || item.kind === 'repeat') {
      nodes.push({ kind: item.kind, path, item, children: buildTree(item.children, path) });
    }
    // `begin loop` is kept by the importer but not supported: nothing to render.
  }
  return nodes;
}

const SELECTS = new Set(['select_one', 'select_multiple', 'rank']);

export function engineFields(nodes: RenderNode[], repeat?: string): EngineField[] {
  const out: EngineField[] = [];
  for (const node of nodes) {
    const { item, path } = node;
    const b = item.bind;
    const type =
      node.kind === 'group'
        ? 'begin_group'
        : node.kind === 'repeat'
          ? 'begin_repeat'
          : SELECTS.has(item.type) && 'list' in item && item.list
            ? `${item.type === 'select_multiple' ? 'select_multiple' : 'select_one'} ${item.list}`
            : item.type;
    const field: EngineField = { path, name: item.name, type };
    if (repeat) field.repeat = repeat;
    if (b.calculation) field.calculate = b.calculation;
    if (b.relevant) field.relevant = b.relevant;
    // A type may imply a constraint (phone number: digits only): joined with the row's own exactly
    // as the XForm joins them (xform/model-part.ts), so we judge an answer as ODK does.
    const implied = node.kind === 'question' ? xformType(item.type).constraint : undefined;
    const constraint = [implied, b.constraint].filter(Boolean).join(' and ');
    if (constraint) field.constraint = constraint;
    if (b.required) field.required = b.required;
    if (b.readOnly) field.readOnly = b.readOnly;
    if (b.default !== undefined && b.default !== '') field.default = b.default;
    if (b.choiceFilter) field.choiceFilter = b.choiceFilter;
    if (b.repeatCount) field.repeatCount = b.repeatCount;
    out.push(field);
    if (node.kind === 'question' && node.otherPath) {
      const other: EngineField = {
        path: node.otherPath,
        name: `${item.name}_other`,
        type: 'text',
        relevant: `selected(\${${item.name}}, '${OTHER}')`,
        required: 'yes',
      };
      if (repeat) other.repeat = repeat;
      out.push(other);
    }
    if (node.kind !== 'question')
      out.push(...engineFields(node.children, node.kind === 'repeat' ? path : repeat));
  }
  return out;
}
