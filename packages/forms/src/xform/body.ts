import type { Form, Question, Section, SurveyItem } from '../model.ts';
import type { XFormContext } from './context.ts';
import { dynamicDefault, extraAttributes } from './model-part.ts';
import { xformType } from './types.ts';
import { el, type XmlNode } from './xml.ts';

const XML_NAME = /^[A-Za-z_][\w.-]*$/;

/** Every choice list as a secondary instance, as pyxform writes them, used or not. */
export function allListInstances(form: Form, ctx: XFormContext) {
  for (const list of Object.keys(form.choices)) listInstance(form, list, ctx);
}

/** A choice list as a secondary instance. */
function listInstance(form: Form, list: string, ctx: XFormContext): boolean {
  if (ctx.instances.has(list)) return ctx.itext.listUsesItext(form.choices[list] ?? []);
  const choices = form.choices[list] ?? [];
  const itext = ctx.itext.listUsesItext(choices);
  const orOther = [...usersOf(form.survey, list)].some((q) => q.orOther);
  // pyxform's `other` choice says "Other" in each language of the list.
  const languages = Object.keys(choices[0]?.label ?? {});
  const other = Object.fromEntries((languages.length ? languages : ['default']).map((l) => [l, 'Other']));
  const all = orOther ? [...choices, { name: 'other', label: other, media: {}, extra: {} }] : choices;
  const items = all.map((choice, index) =>
    el('item', {}, [
      itext ? el('itextId', {}, [ctx.itext.choice(list, index, choice)]) : null,
      el('name', {}, [choice.name]),
      itext ? null : el('label', {}, [Object.values(choice.label)[0] ?? '']),
      ...Object.entries(choice.extra)
        .filter(([k]) => XML_NAME.test(k) && k !== 'name' && k !== 'label')
        .map(([k, v]) => el(k, {}, [v])),
    ]),
  );
  ctx.instances.set(list, el('instance', { id: list }, [el('root', {}, items)]));
  return itext;
}

function* usersOf(items: SurveyItem[], list: string): Generator<Question> {
  for (const item of items) {
    if (item.kind === 'question' && item.list === list) yield item;
    else if (item.kind !== 'question') yield* usersOf(item.children, list);
  }
}

/** `pulldata('fruits', …)` reads an attached CSV: pyxform declares it as an instance. */
export function pulldataInstances(ctx: XFormContext) {
  for (const item of ctx.paths.pathOf.keys()) {
    const texts = [item.bind.calculation, item.bind.constraint, item.bind.relevant, item.bind.default];
    for (const text of texts)
      for (const m of (text ?? '').matchAll(/pulldata\s*\(\s*['"]([^'"]+)['"]/g))
        fileInstance(`${m[1]}.csv`, ctx);
  }
}

/** The instance id and `src` of an attached choice file (`select_one_from_file fruits.csv`). */
function fileInstance(file: string, ctx: XFormContext): string {
  const id = file.replace(/\.[^.]+$/, '');
  if (!ctx.instances.has(id)) {
    const scheme = /\.csv$/i.test(file) ? 'jr://file-csv/' : 'jr://file/';
    ctx.instances.set(id, el('instance', { id, src: `${scheme}${file}` }));
  }
  return id;
}

function itemset(form: Form, q: Question, ctx: XFormContext): XmlNode | null {
  if (!q.list) return null;
  const filter = q.bind.choiceFilter ? `[${ctx.paths.expression(q.bind.choiceFilter)}]` : '';
  if (q.type.endsWith('_from_file')) {
    const id = fileInstance(q.list, ctx);
    return el('itemset', { nodeset: `instance('${id}')/root/item${filter}` }, [
      el('value', { ref: q.parameters.value ?? 'name' }),
      el('label', { ref: q.parameters.label ?? 'label' }),
    ]);
  }
  const itext = listInstance(form, q.list, ctx);
  return el('itemset', { nodeset: `instance('${q.list}')/root/item${filter}` }, [
    el('value', { ref: 'name' }),
    el('label', { ref: itext ? 'jr:itext(itextId)' : 'label' }),
  ]);
}

/**
 * A dynamic default (`today()`, `${x}`) inside a repeat: an action in the body, run when the form
 * opens and for every repeat instance added (ODK XForms `odk-new-repeat`).
 */
function repeatDefault(q: Question, ctx: XFormContext): XmlNode | null {
  const value = q.bind.default;
  if (value === undefined || !dynamicDefault(value) || q.bind.trigger || !ctx.paths.inRepeat.has(q))
    return null;
  return el('setvalue', {
    event: 'odk-instance-first-load odk-new-repeat',
    ref: ctx.paths.pathOf.get(q)!,
    value: ctx.paths.expression(value),
  });
}

function control(form: Form, q: Question, ctx: XFormContext, triggered: Map<string, XmlNode[]>): XmlNode[] {
  const shape = xformType(q.type);
  if (!shape.control) return [];
  const path = ctx.paths.pathOf.get(q)!;
  const attrs: Record<string, string | undefined> = {
    ref: path,
    appearance: q.bind.appearance,
    mediatype: shape.mediatype,
    autoplay: q.extra.autoplay,
    rows: q.extra.rows ?? q.parameters.rows,
    ...extraAttributes(q, 'body', ctx),
  };
  if (q.type === 'select_one_external' && q.list) {
    const filter = q.bind.choiceFilter ? `[${ctx.paths.expression(q.bind.choiceFilter)}]` : '';
    attrs.query = `instance('${q.list}')/root/item${filter}`;
  }
  if (shape.control === 'range') {
    attrs.start = q.parameters.start ?? '1';
    attrs.end = q.parameters.end ?? '10';
    attrs.step = q.parameters.step ?? '1';
  }
  const nodes = [
    el(shape.control, attrs, [
      ctx.itext.element(q, path, 'label'),
      ctx.itext.element(q, path, 'hint') ?? (shape.hint ? el('hint', {}, [shape.hint]) : null),
      ...(shape.control === 'select1' || shape.control === 'select' || shape.control === 'odk:rank'
        ? [itemset(form, q, ctx)]
        : []),
      ...(triggered.get(q.name) ?? []),
      repeatDefault(q, ctx),
    ]),
  ];
  if (q.orOther) {
    const other = `${path}_other`;
    nodes.push(el('input', { ref: other }, [el('label', {}, ['Specify other.'])]));
  }
  return nodes;
}

function section(form: Form, s: Section, ctx: XFormContext, triggered: Map<string, XmlNode[]>): XmlNode {
  const path = ctx.paths.pathOf.get(s)!;
  // A repeat without a label still gets an empty one, as pyxform writes it.
  const label = ctx.itext.element(s, path, 'label') ?? (s.kind === 'repeat' ? el('label') : null);
  const children = bodyNodes(form, s.children, ctx, triggered);
  if (s.kind !== 'repeat')
    return el('group', { ref: path, appearance: s.bind.appearance, ...extraAttributes(s, 'body', ctx) }, [
      label,
      ...children,
    ]);
  const count = s.bind.repeatCount;
  const jrCount = count
    ? /^\s*\$\{[^}]+\}\s*$/.test(count)
      ? ctx.paths.expression(count)
      : ` ${path}_count `
    : undefined;
  return el('group', { ref: path }, [
    label,
    el(
      'repeat',
      {
        nodeset: path,
        'jr:count': jrCount,
        appearance: s.bind.appearance,
        ...extraAttributes(s, 'body', ctx),
      },
      [
        // Questions without a control (calculations) keep their repeat default on the repeat.
        ...s.children
          .filter((c): c is Question => c.kind === 'question' && !xformType(c.type).control)
          .map((c) => repeatDefault(c, ctx)),
        ...children,
      ],
    ),
  ]);
}

export function bodyNodes(
  form: Form,
  items: SurveyItem[],
  ctx: XFormContext,
  triggered: Map<string, XmlNode[]>,
): XmlNode[] {
  return items.flatMap((item) =>
    item.kind === 'question' ? control(form, item, ctx, triggered) : [section(form, item, ctx, triggered)],
  );
}

/** `trigger` cells: a setvalue inside the triggering question's control, run when its answer changes. */
export function triggers(ctx: XFormContext): Map<string, XmlNode[]> {
  const byTrigger = new Map<string, XmlNode[]>();
  for (const [item, path] of ctx.paths.pathOf) {
    if (item.kind !== 'question' || !item.bind.trigger) continue;
    const name = /^\s*\$\{([^}]+)\}\s*$/.exec(item.bind.trigger)?.[1]?.trim();
    if (!name) continue;
    const value = item.bind.calculation ?? item.bind.default;
    const action = el('setvalue', {
      event: 'xforms-value-changed',
      ref: path,
      value: value ? ctx.paths.expression(value) : undefined,
    });
    byTrigger.set(name, [...(byTrigger.get(name) ?? []), action]);
  }
  return byTrigger;
}
