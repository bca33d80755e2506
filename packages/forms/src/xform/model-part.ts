import type { Form, Question, SurveyItem } from '../model.ts';
import type { XFormContext } from './context.ts';
import { entityBinds, entityMeta } from './entities.ts';
import { xformType } from './types.ts';
import { el, type XmlNode } from './xml.ts';

/** `yes`/`no` cells as XPath; anything else is an expression. */
export function booleanExpression(cell: string | undefined, ctx: XFormContext): string | undefined {
  if (cell === undefined || cell.trim() === '') return undefined;
  if (/^(yes|true|true\(\))$/i.test(cell.trim())) return 'true()';
  if (/^(no|false|false\(\))$/i.test(cell.trim())) return 'false()';
  return ctx.paths.expression(cell);
}

/** A default is static unless it refers to a question or calls a function (pyxform's rule). */
export const dynamicDefault = (text: string) => /\$\{|\(/.test(text);

/** A repeat count that is one `${name}` is used as is; anything else gets a generated `_count` node. */
export const countIsReference = (count: string) => /^\s*\$\{[^}]+\}\s*$/.test(count);

/** The primary instance's children for a list of items. */
export function instanceNodes(items: SurveyItem[], ctx: XFormContext): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    if (item.kind === 'question') {
      if (item.bind.trigger) {
        nodes.push(el(item.name));
      } else {
        const value = item.bind.default;
        nodes.push(el(item.name, {}, value !== undefined && !dynamicDefault(value) ? [value] : []));
      }
      if (item.orOther) nodes.push(el(`${item.name}_other`));
      continue;
    }
    const children = instanceNodes(item.children, ctx);
    if (item.kind === 'repeat') {
      if (item.bind.repeatCount && !countIsReference(item.bind.repeatCount))
        nodes.push(el(`${item.name}_count`));
      nodes.push(el(item.name, { 'jr:template': '' }, children));
      nodes.push(el(item.name, {}, instanceNodes(item.children, ctx)));
    } else nodes.push(el(item.name, {}, children));
  }
  return nodes;
}

/** `bind::x` and `body::x` columns, written as attributes as pyxform does. */
export function extraAttributes(item: SurveyItem, prefix: 'bind' | 'body', ctx: XFormContext) {
  const attrs: Record<string, string> = {};
  for (const [header, value] of Object.entries(item.extra)) {
    const m = new RegExp(`^${prefix}::?(.+)$`, 'i').exec(header);
    if (m && /^[A-Za-z_][\w:.-]*$/.test(m[1]!)) attrs[m[1]!] = ctx.paths.expression(value);
  }
  return attrs;
}

function questionBind(q: Question, path: string, ctx: XFormContext): XmlNode {
  const shape = xformType(q.type);
  const constraints = [shape.constraint, q.bind.constraint && ctx.paths.expression(q.bind.constraint)].filter(
    Boolean,
  );
  const relevant = q.bind.relevant ? ctx.paths.expression(q.bind.relevant) : undefined;
  const calculation =
    q.bind.calculation && !q.bind.trigger ? ctx.paths.expression(q.bind.calculation) : undefined;
  const readonly = shape.readonly ? 'true()' : booleanExpression(q.bind.readOnly, ctx);
  const decimalRange = q.type === 'range' && Object.values(q.parameters).some((v) => v.includes('.'));
  return el('bind', {
    nodeset: path,
    type: decimalRange ? 'decimal' : shape.bind,
    'jr:preload': shape.preload?.[0],
    'jr:preloadParams': shape.preload?.[1],
    relevant,
    constraint: constraints.length ? constraints.join(' and ') : undefined,
    'jr:constraintMsg': ctx.itext.message(q.constraintMessage, path, 'constraintMessage'),
    calculate: calculation,
    required: booleanExpression(q.bind.required, ctx),
    'jr:requiredMsg': ctx.itext.message(q.requiredMessage, path, 'requiredMessage'),
    readonly,
    'entities:saveto': q.saveTo?.replace(/^[^#]*#/, ''),
    'jr:noAppErrorString': q.extra.noAppErrorString,
    ...extraAttributes(q, 'bind', ctx),
  });
}

/** Binds and first-load setvalues of every item, in survey order, then meta's. */
export function bindNodes(form: Form, ctx: XFormContext): XmlNode[] {
  const binds: XmlNode[] = [];
  const visit = (items: SurveyItem[], inRepeat: boolean) => {
    for (const item of items) {
      const path = ctx.paths.pathOf.get(item)!;
      if (item.kind === 'question') {
        binds.push(questionBind(item, path, ctx));
        if (item.orOther)
          binds.push(
            el('bind', {
              nodeset: `${path}_other`,
              type: 'string',
              relevant: `selected(../${item.name}, 'other')`,
            }),
          );
        const value = item.bind.default;
        if (value !== undefined && dynamicDefault(value) && !item.bind.trigger && !inRepeat)
          ctx.setvalues.push(
            el('setvalue', {
              event: 'odk-instance-first-load',
              ref: path,
              value: ctx.paths.expression(value),
            }),
          );
        continue;
      }
      if (item.kind === 'repeat' && item.bind.repeatCount && !countIsReference(item.bind.repeatCount))
        binds.push(
          el('bind', {
            nodeset: `${path}_count`,
            type: 'string',
            readonly: 'true()',
            calculate: ctx.paths.expression(item.bind.repeatCount),
          }),
        );
      const attrs = {
        relevant: item.bind.relevant ? ctx.paths.expression(item.bind.relevant) : undefined,
        readonly: booleanExpression(item.bind.readOnly, ctx),
        ...extraAttributes(item, 'bind', ctx),
      };
      if (Object.values(attrs).some((v) => v !== undefined))
        binds.push(el('bind', { nodeset: path, ...attrs }));
      visit(item.children, inRepeat || item.kind === 'repeat');
    }
  };
  visit(form.survey, false);
  const meta = `/${ctx.paths.root}/meta`;
  binds.push(...entityBinds(form, ctx));
  binds.push(
    el('bind', { nodeset: `${meta}/instanceID`, type: 'string', readonly: 'true()', 'jr:preload': 'uid' }),
  );
  if (form.settings.instanceName)
    binds.push(
      el('bind', {
        nodeset: `${meta}/instanceName`,
        type: 'string',
        calculate: ctx.paths.expression(form.settings.instanceName),
      }),
    );
  return binds;
}

/** The `meta` block: instanceID, instanceName when the form names its submissions, entities. */
export function metaNode(form: Form): XmlNode {
  // pyxform writes the entity first.
  return el('meta', {}, [
    ...entityMeta(form),
    el('instanceID'),
    form.settings.instanceName ? el('instanceName') : null,
  ]);
}
