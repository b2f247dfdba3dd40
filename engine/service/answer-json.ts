/**
 * An evaluation result as JSON text, byte for byte what `JSON.stringify(result)` writes, but
 * with the trace written by serialisers generated once per pathway version from its condition
 * trees. The trace is about three quarters of an answer's bytes and most of its
 * `JSON.stringify` time: each node's keys, names and operators are constants of its
 * condition, so only the truths and the fact values are written per answer.
 *
 * Every writer checks that the node in front of it has the shape its condition gives (kind,
 * fact, operator, number of children); a node that does not is written by `JSON.stringify`
 * itself, so an unexpected node costs time, never a different byte. The nodes' keys are
 * assumed in the order the trace view builds them (engine/fast/trace-view.ts);
 * test/service/answer-json.test.ts compares the text with `JSON.stringify` over generated
 * patients of every pathway.
 */
import { collectConditions } from '../evaluate/condition-set';
import type { EvaluationResult, TraceEntry, TraceNode } from '../evaluate/result';
import { foldCondition, valueFact } from '../model/condition';
import type { Condition, LeafCondition, Pathway } from '../model/types';

/** Writes one node of a known condition (or, for a node of another shape, JSON.stringify's text). */
type Write = (node: TraceNode) => string;

/** `"result":…}` for each truth, the end of every node. */
const RESULT_END: Readonly<Record<string, string>> = {
  true: ',"result":"true"}',
  false: ',"result":"false"}',
  unknown: ',"result":"unknown"}',
};

/** `"result":…` without the closing brace, for nodes with children after it. */
const RESULT: Readonly<Record<string, string>> = {
  true: '"result":"true"',
  false: '"result":"false"',
  unknown: '"result":"unknown"',
};

/** A value as JSON.stringify writes it inside an object: undefined when the key is left out. */
function valueText(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value) as string | undefined;
}

function leafWriter(condition: LeafCondition): Write {
  const { fact, operator } = condition;
  const expectedFact = valueFact(condition);
  const head = `{"kind":"leaf","fact":${JSON.stringify(fact)}`;
  const op = `,"operator":${JSON.stringify(operator)}`;
  const other = expectedFact === undefined ? '' : `,"expectedFact":${JSON.stringify(expectedFact)}`;
  return (node) => {
    const end = RESULT_END[node.result];
    if (
      node.kind !== 'leaf' ||
      node.fact !== fact ||
      node.operator !== operator ||
      node.expectedFact !== expectedFact ||
      end === undefined
    )
      return JSON.stringify(node);
    const value = valueText(node.value);
    const expected = valueText(node.expected);
    return (
      head +
      (value === undefined ? '' : `,"value":${value}`) +
      op +
      (expected === undefined ? '' : `,"expected":${expected}`) +
      other +
      end
    );
  };
}

function groupWriter(kind: 'all' | 'any', parts: readonly Write[]): Write {
  const head = `{"kind":"${kind}",`;
  return (node) => {
    const result = RESULT[node.result];
    if (node.kind !== kind || result === undefined || node.children.length !== parts.length)
      return JSON.stringify(node);
    let text = `${head}${result},"children":[`;
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) text += ',';
      text += (parts[i] as Write)(node.children[i] as TraceNode);
    }
    return `${text}]}`;
  };
}

function notWriter(part: Write): Write {
  return (node) => {
    const result = RESULT[node.result];
    if (node.kind !== 'not' || result === undefined) return JSON.stringify(node);
    return `{"kind":"not",${result},"child":${part(node.child)}}`;
  };
}

function referenceWriter(name: string, part: Write): Write {
  const head = `{"kind":"condition","name":${JSON.stringify(name)},`;
  return (node) => {
    const result = RESULT[node.result];
    if (node.kind !== 'condition' || node.name !== name || result === undefined)
      return JSON.stringify(node);
    return `${head}${result},"child":${part(node.child)}}`;
  };
}

/** The writer of a condition's evaluated tree, named conditions expanded as the trace shows them. */
function conditionWriter(condition: Condition, named: ReadonlyMap<string, Condition>): Write {
  return foldCondition<Write>(
    condition,
    {
      all: (parts) => groupWriter('all', parts),
      any: (parts) => groupWriter('any', parts),
      not: notWriter,
      // An undefined name is refused at compilation; the trace shows it as an empty `all`.
      reference: (name, expanded) => referenceWriter(name, expanded ?? groupWriter('all', [])),
      leaf: leafWriter,
    },
    { named },
  );
}

/** Writers by trace source key (`global[0]`, `alerts.red-flag`, …) of one pathway version. */
const writersByPathway = new WeakMap<Pathway, ReadonlyMap<string, Write>>();

function writersOf(pathway: Pathway): ReadonlyMap<string, Write> {
  let writers = writersByPathway.get(pathway);
  if (writers === undefined) {
    const named = new Map(pathway.conditions.map((c) => [c.name, c.when] as const));
    writers = new Map(
      collectConditions(pathway).map(({ key, condition }) => [
        key,
        conditionWriter(condition, named),
      ]),
    );
    writersByPathway.set(pathway, writers);
  }
  return writers;
}

/** One trace entry: `{ source, from?, to?, result, condition }` in that order. */
function entryText(entry: TraceEntry, writers: ReadonlyMap<string, Write>): string {
  const write = writers.get(entry.source);
  const result = RESULT[entry.result];
  if (write === undefined || result === undefined) return JSON.stringify(entry);
  let text = `{"source":${JSON.stringify(entry.source)}`;
  if (entry.from !== undefined) text += `,"from":${JSON.stringify(entry.from)}`;
  if (entry.to !== undefined) text += `,"to":${JSON.stringify(entry.to)}`;
  return `${text},${result},"condition":${write(entry.condition)}}`;
}

/**
 * `JSON.stringify(result)` for a result of `pathway` (the version that answered). A result
 * whose last key is not `trace` is written by `JSON.stringify` whole.
 */
export function answerJson(result: EvaluationResult, pathway: Pathway): string {
  let last: string | undefined;
  for (const key in result) last = key;
  if (last !== 'trace' || !Array.isArray(result.trace)) return JSON.stringify(result);
  const { trace, ...rest } = result;
  const writers = writersOf(pathway);
  let text = JSON.stringify(rest);
  if (text === '{}') return JSON.stringify(result);
  text = `${text.slice(0, -1)},"trace":[`;
  for (let i = 0; i < trace.length; i++) {
    if (i > 0) text += ',';
    text += entryText(trace[i] as TraceEntry, writers);
  }
  return `${text}]}`;
}
