import type { Itext } from './itext.ts';
import type { PathIndex } from './paths.ts';
import type { XmlNode } from './xml.ts';

/** What the parts of the generator share while writing one XForm. */
export interface XFormContext {
  paths: PathIndex;
  itext: Itext;
  /** `<setvalue>` actions that run when the form is first opened (dynamic defaults, entity ids). */
  setvalues: XmlNode[];
  /** Secondary instances by id, in the order first used. */
  instances: Map<string, XmlNode>;
}
