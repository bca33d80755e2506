import type { EntityDeclaration, Form } from '../model.ts';
import type { XFormContext } from './context.ts';
import { el, type XmlNode } from './xml.ts';

/** The entities spec version pyxform 4.5 writes (create and update, with offline branches). */
export const ENTITIES_VERSION = '2024.1.0';

/**
 * The form's first entity declaration, written into `meta` as pyxform does for an entity that
 * lives at the form's top level. Entities placed inside repeats are not written yet.
 */
function declaration(form: Form): EntityDeclaration | undefined {
  return form.entities?.[0];
}

export function entityMeta(form: Form): XmlNode[] {
  const entity = declaration(form);
  if (!entity) return [];
  const updates = entity.entityId !== undefined;
  const creates = !updates || entity.createIf !== undefined;
  return [
    el(
      'entity',
      {
        dataset: entity.list,
        id: '',
        create: creates ? '1' : undefined,
        update: updates ? '1' : undefined,
        baseVersion: updates ? '' : undefined,
        trunkVersion: updates ? '' : undefined,
        branchId: updates ? '' : undefined,
      },
      entity.label !== undefined ? [el('label')] : [],
    ),
  ];
}

export function entityBinds(form: Form, ctx: XFormContext): XmlNode[] {
  const entity = declaration(form);
  if (!entity) return [];
  const at = `/${ctx.paths.root}/meta/entity`;
  const expr = (text: string) => ctx.paths.expression(text);
  const binds: XmlNode[] = [];
  const calc = (node: string, calculate: string) =>
    binds.push(el('bind', { nodeset: `${at}/${node}`, calculate, type: 'string', readonly: 'true()' }));
  if (entity.createIf) calc('@create', expr(entity.createIf));
  if (entity.updateIf) calc('@update', expr(entity.updateIf));
  if (entity.entityId !== undefined) {
    calc('@id', expr(entity.entityId));
    const item = `instance('${entity.list}')/root/item[name= ${at}/@id ]`;
    calc('@baseVersion', `${item}/__version`);
    calc('@trunkVersion', `${item}/__trunkVersion`);
    calc('@branchId', `${item}/__branchId`);
  } else {
    binds.push(el('bind', { nodeset: `${at}/@id`, type: 'string', readonly: 'true()' }));
    ctx.setvalues.push(
      el('setvalue', { event: 'odk-instance-first-load', ref: `${at}/@id`, value: 'uuid()' }),
    );
  }
  if (entity.label !== undefined) calc('label', expr(entity.label));
  if (entity.entityId !== undefined && !ctx.instances.has(entity.list))
    ctx.instances.set(
      entity.list,
      el('instance', { id: entity.list, src: `jr://file-csv/${entity.list}.csv` }),
    );
  return binds;
}
