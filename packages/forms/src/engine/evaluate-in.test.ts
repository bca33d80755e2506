// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../expr/index.ts';
import type { EngineField } from './fields.ts';
import { createFormEngine, FormEngineError } from './index.ts';

const field = (path: string, type: string, extra: Partial<EngineField> = {}): EngineField => ({
  path,
  name: path.slice(path.lastIndexOf('/') + 1),
  type,
  ...extra,
});
const H = '/household';
const M = `${H}/member`;

// An entity's create_if is evaluated where pyxform puts its meta/entity: in the form, a group, or
// one instance of a repeat, with ${name} resolving in that instance as relevance does.
function enumeration() {
  const engine = createFormEngine([
    field('/structure', 'begin_group'),
    field('/structure/is_new', 'text'),
    field(H, 'begin_repeat'),
    field(`${H}/outcome`, 'text', { repeat: H }),
    field(M, 'begin_repeat', { repeat: H }),
    field(`${M}/age`, 'integer', { repeat: M }),
    field(`${M}/note`, 'text', { repeat: M, relevant: '${age} > 100' }),
  ]);
  engine.loadAnswers({
    structure: { is_new: 'yes' },
    household: [
      { outcome: 'enumerated', member: [{ age: '34' }, { age: '9', note: 'kept although not asked' }] },
      { outcome: 'refused', member: [] },
    ],
  });
  return engine;
}

describe('evaluating an expression inside a container', () => {
  it('reads the form, a group and each repeat instance as relevance would', () => {
    const engine = enumeration();
    expect(engine.evaluateIn("${is_new} = 'yes'")).toBe(true);
    expect(engine.evaluateIn("${is_new} = 'yes'", '/structure')).toBe(true);
    expect(engine.evaluateIn("${outcome} = 'enumerated'", H, [0])).toBe(true);
    expect(engine.evaluateIn("${outcome} = 'enumerated'", H, [1])).toBe(false);
    // Within a household, its members' ages are a node-set; within a member, one value.
    expect(engine.evaluateIn('count(${member})', H, [0])).toBe(2);
    expect(engine.evaluateIn('${age} >= 18', M, [0, 0])).toBe(true);
    expect(engine.evaluateIn('${age} >= 18', M, [0, 1])).toBe(false);
    // The outer instance's answers reach in, and relative paths start at the entity node.
    expect(engine.evaluateIn("${outcome} = 'enumerated' and ../../age > 18", M, [0, 0])).toBe(true);
    // A question that is not relevant reads as unanswered, as it does for relevance.
    expect(engine.evaluateIn("${note} = ''", M, [0, 1])).toBe(true);
  });

  it('says when the expression or the place is not one it can evaluate', () => {
    const engine = enumeration();
    expect(() => engine.evaluateIn('${age} >', M, [0, 0])).toThrow(ExpressionError);
    expect(() => engine.evaluateIn('true()', `${M}/age`, [0, 0])).toThrow(FormEngineError);
    expect(() => engine.evaluateIn('true()', H, [5])).toThrow(FormEngineError);
  });
});
