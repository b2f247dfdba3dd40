/**
 * The chronic-pain conditions as a GoRules ZEN decision graph (input → one expression node →
 * output): every keyed condition becomes a boolean expression, named conditions inlined.
 * ZEN throws when comparing null, where json-rules-engine answers false, so every comparison
 * checks its fact for null first: an unknown fact makes its comparison false, as in plain
 * json-rules-engine (two-valued, not the engine's three-valued logic).
 */
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import { collectConditions } from '../../engine/evaluate/condition-set';
import type { Condition, Pathway } from '../../engine/model/types';

const SYMBOL: Record<string, string> = {
  equal: '==',
  notEqual: '!=',
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
};

function literal(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  throw new Error(`no ZEN literal for ${JSON.stringify(value)}`);
}

function expression(c: Condition, named: ReadonlyMap<string, Condition>): string {
  if ('all' in c)
    return c.all.length === 0
      ? 'true'
      : `(${c.all.map((x) => expression(x, named)).join(' and ')})`;
  if ('any' in c)
    return c.any.length === 0
      ? 'false'
      : `(${c.any.map((x) => expression(x, named)).join(' or ')})`;
  if ('not' in c) return `(not ${expression(c.not, named)})`;
  if ('condition' in c) {
    const when = named.get(c.condition);
    if (when === undefined) throw new Error(`unknown condition ${c.condition}`);
    return expression(when, named);
  }
  const fact = c.fact;
  const value = c.value;
  const other =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? value.fact : undefined;
  const guard = other === undefined ? `${fact} != null` : `${fact} != null and ${other} != null`;
  const right = other ?? literal(value);
  const symbol = SYMBOL[c.operator];
  if (symbol !== undefined) return `(${guard} and ${fact} ${symbol} ${right})`;
  if (c.operator === 'notEmpty')
    return value === true ? `(${guard} and len(${fact}) > 0)` : `(${guard} and len(${fact}) == 0)`;
  if (c.operator === 'in') return `(${guard} and ${fact} in ${right})`;
  if (c.operator === 'notIn') return `(${guard} and not (${fact} in ${right}))`;
  if (c.operator === 'contains') return `(${guard} and ${right} in ${fact})`;
  return `(${guard} and not (${right} in ${fact}))`;
}

/** A ZEN decision evaluating every condition of `pathway` on facts given directly. */
export function zenDecision(pathway: Pathway): { decision: ZenDecision; keys: string[] } {
  const named = new Map(pathway.conditions.map((c) => [c.name, c.when] as const));
  const keyed = collectConditions(pathway);
  const content = {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'in', type: 'inputNode', name: 'facts', position: { x: 0, y: 0 } },
      {
        id: 'conditions',
        type: 'expressionNode',
        name: 'conditions',
        position: { x: 200, y: 0 },
        content: {
          expressions: keyed.map((k, i) => ({
            id: `e${i}`,
            key: `c${i}`,
            value: expression(k.condition, named),
          })),
        },
      },
      { id: 'out', type: 'outputNode', name: 'answers', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'a', sourceId: 'in', targetId: 'conditions', type: 'edge' },
      { id: 'b', sourceId: 'conditions', targetId: 'out', type: 'edge' },
    ],
  };
  const engine = new ZenEngine();
  return {
    decision: engine.createDecision(Buffer.from(JSON.stringify(content))),
    keys: keyed.map((k) => k.key),
  };
}
