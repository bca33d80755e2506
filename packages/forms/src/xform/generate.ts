import { expandLoops } from '../loops.ts';
import type { Form } from '../model.ts';
import { allListInstances, bodyNodes, pulldataInstances, triggers } from './body.ts';
import type { XFormContext } from './context.ts';
import { ENTITIES_VERSION } from './entities.ts';
import { Itext } from './itext.ts';
import { bindNodes, instanceNodes, metaNode } from './model-part.ts';
import { PathIndex } from './paths.ts';
import { el, serialize } from './xml.ts';

export interface XFormOptions {
  /** The instance id; the form's `form_id` setting when not given. */
  formId?: string;
  /** The instance `version`; the form's `version` setting when not given. */
  version?: string;
}

const NAMESPACES = {
  xmlns: 'http://www.w3.org/2002/xforms',
  'xmlns:h': 'http://www.w3.org/1999/xhtml',
  'xmlns:ev': 'http://www.w3.org/2001/xml-events',
  'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
  'xmlns:jr': 'http://openrosa.org/javarosa',
  'xmlns:orx': 'http://openrosa.org/xforms',
  'xmlns:odk': 'http://www.opendatakit.org/xforms',
};

/**
 * The ODK XForm of a form, shaped as pyxform 4.5 writes it for the same XLSForm (see
 * `xform.test.ts` and the conformance comparison), so ODK Collect and Enketo read it.
 */
export function generateXForm(source: Form, options: XFormOptions = {}): string {
  // Loops become a group per choice, as pyxform writes them.
  const form = expandLoops(source);
  const paths = new PathIndex(form);
  const ctx: XFormContext = { paths, itext: new Itext(form, paths), setvalues: [], instances: new Map() };
  const formId = options.formId ?? form.settings.formId ?? paths.root;
  const version = options.version ?? form.settings.version;
  const hasEntities = (form.entities?.length ?? 0) > 0;

  // The body first: it registers the choice lists and their itext in use order.
  const body = bodyNodes(form, form.survey, ctx, triggers(ctx));
  allListInstances(form, ctx);
  pulldataInstances(ctx);
  const binds = bindNodes(form, ctx);
  const primary = el('instance', {}, [
    el(paths.root, { id: formId, version }, [...instanceNodes(form.survey, ctx), metaNode(form)]),
  ]);
  const model = el(
    'model',
    {
      'odk:xforms-version': '1.0.0',
      'entities:entities-version': hasEntities ? ENTITIES_VERSION : undefined,
    },
    [ctx.itext.build(), primary, ...ctx.instances.values(), ...binds, ...ctx.setvalues],
  );
  const html = el(
    'h:html',
    {
      ...NAMESPACES,
      'xmlns:entities': hasEntities ? 'http://www.opendatakit.org/xforms/entities' : undefined,
    },
    [
      el('h:head', {}, [el('h:title', {}, [form.settings.formTitle ?? formId]), model]),
      el('h:body', {}, body),
    ],
  );
  return serialize(html);
}
