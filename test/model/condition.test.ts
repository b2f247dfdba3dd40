import { describe, expect, it } from 'vitest';
import {
  conditionChildren,
  conditionKind,
  conditionLeaves,
  foldCondition,
  groupKind,
  isAll,
  isAny,
  isGroup,
  isLeaf,
  isNot,
  isReference,
  makeGroup,
  mapCondition,
  namedConditions,
  referencedConditions,
  referencedFacts,
  walkCondition,
  type ConditionFold,
} from '../../engine/model/condition';
import type { Condition } from '../../engine/model/types';

const painLong: Condition = { fact: 'painMonths', operator: 'greaterThanInclusive', value: 3 };
const improved: Condition = { fact: 'improved', operator: 'equal', value: true };
const scoreAbove: Condition = {
  fact: 'score',
  operator: 'greaterThan',
  value: { fact: 'baseline' },
};

/** Every node kind once: all / any / not / reference / leaf. */
const tree: Condition = {
  all: [painLong, { any: [{ not: improved }, { condition: 'redFlag' }] }, scoreAbove],
};

const named = namedConditions({
  conditions: [
    { name: 'redFlag', when: { fact: 'caudaEquina', operator: 'equal', value: true } },
    { name: 'redFlag', when: { fact: 'ignored', operator: 'equal', value: true } },
    { name: 'loopA', when: { any: [{ condition: 'loopB' }, improved] } },
    { name: 'loopB', when: { condition: 'loopA' } },
  ],
});

/** A fold that writes each visit into `log` and renders the tree as text. */
function loggingFold(log: string[]): ConditionFold<string> {
  return {
    all: (parts) => (log.push('all'), `all(${parts.join(', ')})`),
    any: (parts) => (log.push('any'), `any(${parts.join(', ')})`),
    not: (part) => (log.push('not'), `not(${part})`),
    reference: (name, expanded) => (
      log.push(`ref:${name}`),
      expanded === undefined ? `@${name}` : `@${name}[${expanded}]`
    ),
    leaf: (leaf) => (log.push(`leaf:${leaf.fact}`), leaf.fact),
  };
}

describe('condition kinds', () => {
  it('tells each of the five node kinds apart', () => {
    expect(conditionKind({ all: [painLong] })).toBe('all');
    expect(conditionKind({ any: [painLong] })).toBe('any');
    expect(conditionKind({ not: painLong })).toBe('not');
    expect(conditionKind({ condition: 'redFlag' })).toBe('reference');
    expect(conditionKind(painLong)).toBe('leaf');
  });

  it('answers undefined for values of a half-typed document instead of throwing', () => {
    for (const value of [null, undefined, 3, 'all', [], {}, { all: 'x' }, { condition: 4 }]) {
      expect(conditionKind(value)).toBeUndefined();
    }
    expect(conditionKind({ fact: 'x', operator: 'equal' })).toBeUndefined();
  });

  it('has one type guard per kind and one for groups', () => {
    expect([isAll, isAny, isNot, isReference, isLeaf].map((g) => g(tree))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(isGroup({ any: [painLong] })).toBe(true);
    expect(isGroup({ not: painLong })).toBe(false);
    expect(groupKind({ not: painLong })).toBe('not');
    expect(groupKind(painLong)).toBeUndefined();
  });
});

describe('children', () => {
  it('lists a group’s parts, a not’s one part, and nothing below a leaf or reference', () => {
    expect(conditionChildren(tree)).toHaveLength(3);
    expect(conditionChildren({ not: improved })).toEqual([improved]);
    expect(conditionChildren({ condition: 'redFlag' })).toEqual([]);
    expect(conditionChildren(painLong)).toEqual([]);
  });

  it('builds groups of each kind and refuses an empty not', () => {
    expect(makeGroup('all', [painLong])).toEqual({ all: [painLong] });
    expect(makeGroup('any', [painLong, improved])).toEqual({ any: [painLong, improved] });
    expect(makeGroup('not', [improved, painLong])).toEqual({ not: improved });
    expect(() => makeGroup('not', [])).toThrow(RangeError);
  });
});

describe('foldCondition', () => {
  it('folds children before their parent, in document order', () => {
    const log: string[] = [];
    const text = foldCondition(tree, loggingFold(log));
    expect(text).toBe('all(painMonths, any(not(improved), @redFlag), score)');
    expect(log).toEqual([
      'leaf:painMonths',
      'leaf:improved',
      'not',
      'ref:redFlag',
      'any',
      'leaf:score',
      'all',
    ]);
  });

  it('expands references through the named conditions when asked, first definition winning', () => {
    const log: string[] = [];
    const text = foldCondition(tree, loggingFold(log), { named });
    expect(text).toBe('all(painMonths, any(not(improved), @redFlag[caudaEquina]), score)');
    expect(log.indexOf('leaf:caudaEquina')).toBe(log.indexOf('ref:redFlag') - 1);
  });

  it('leaves a reference unexpanded when its name is unknown', () => {
    expect(foldCondition({ condition: 'nowhere' }, loggingFold([]), { named })).toBe('@nowhere');
  });

  it('stops at a name met again inside its own expansion instead of overflowing the stack', () => {
    expect(foldCondition({ condition: 'loopA' }, loggingFold([]), { named })).toBe(
      '@loopA[any(@loopB[@loopA], improved)]',
    );
  });
});

describe('walkCondition', () => {
  it('visits parents before children with each node’s schema path', () => {
    const seen: string[] = [];
    walkCondition(tree, ({ kind, path }) => seen.push(`${kind} ${path.join('.')}`), [
      'alerts',
      0,
      'when',
    ]);
    expect(seen).toEqual([
      'all alerts.0.when',
      'leaf alerts.0.when.all.0',
      'any alerts.0.when.all.1',
      'not alerts.0.when.all.1.any.0',
      'leaf alerts.0.when.all.1.any.0.not',
      'reference alerts.0.when.all.1.any.1',
      'leaf alerts.0.when.all.2',
    ]);
  });

  it('skips malformed nodes of a half-typed document and keeps walking their siblings', () => {
    const seen: string[] = [];
    walkCondition({ any: [{ fact: 3 }, null, { not: 'x' }, improved] }, ({ kind, path }) =>
      seen.push(`${kind} ${path.join('.')}`),
    );
    expect(seen).toEqual(['any ', 'not any.2', 'leaf any.3']);
  });
});

describe('mapCondition', () => {
  it('rebuilds an equal tree with the identity, every node kind included', () => {
    expect(mapCondition(tree, (node) => node)).toEqual(tree);
    expect(mapCondition(tree, (node) => node)).not.toBe(tree);
  });

  it('rebuilds from mapped children, so a change below shows in every ancestor', () => {
    const raised = mapCondition(tree, (node) =>
      isLeaf(node) && node.fact === 'painMonths' ? { ...node, value: 6 } : node,
    );
    expect(raised).toEqual({
      all: [
        { ...painLong, value: 6 },
        { any: [{ not: improved }, { condition: 'redFlag' }] },
        scoreAbove,
      ],
    });
  });

  it('inlines named conditions when asked, leaving no reference behind', () => {
    const inlined = mapCondition({ not: { condition: 'redFlag' } }, (node) => node, { named });
    expect(inlined).toEqual({ not: { fact: 'caudaEquina', operator: 'equal', value: true } });
  });
});

describe('what a tree refers to', () => {
  it('lists its leaves in document order', () => {
    expect(conditionLeaves(tree).map((l) => l.fact)).toEqual(['painMonths', 'improved', 'score']);
  });

  it('lists the named conditions referred to, each once, through definitions when asked', () => {
    const twice: Condition = { any: [{ condition: 'loopA' }, { condition: 'loopA' }] };
    expect(referencedConditions(twice)).toEqual(['loopA']);
    expect(referencedConditions(twice, { named })).toEqual(['loopA', 'loopB']);
  });

  it('lists the facts read, compared-with facts included, through definitions when asked', () => {
    expect(referencedFacts(tree)).toEqual(['painMonths', 'improved', 'score', 'baseline']);
    expect(referencedFacts(tree, { named })).toEqual([
      'painMonths',
      'improved',
      'caudaEquina',
      'score',
      'baseline',
    ]);
  });
});
