/**
 * The plain-language explanation: where the walk went and why, why it did not move on,
 * and which alerts fired. Built from the evaluated condition trees, so it always says
 * what the engine actually did.
 */
import type {
  EvaluationResult,
  FiredAlert,
  TraceEntry,
  TraceNode,
  UndecidedAlert,
} from '../evaluate/result';
import type { Language, Pathway, Step, Transition } from '../model/types';
import { pickText } from '../model/texts';
import { isLowerBound } from '../facts/bound';
import { conditionLabel, factLabel, factOf, formatBound, formatUnit, formatValue } from './format';
import { WORDS } from './words';

/** The walk as the explanation tells it: read from an outcome and its trace. */
export interface WalkStory {
  /** Step ids of the walk, the start step first. */
  path: readonly string[];
  finalStep: Step;
  stopReason: EvaluationResult['stopReason'];
  /** The transitions taken, each with its evaluated (true) condition. */
  taken: readonly { to: string; transition: Transition; node: TraceNode }[];
  /** The candidates tried at the final step, up to and including the deciding one. */
  tried: readonly TraceEntry[];
  /** The tried candidate whose unknown condition stopped the walk. */
  pending: TraceEntry | undefined;
}

/**
 * A leaf's value with its unit. Numbers are shown to two decimals, unless that would make
 * the value look equal to the threshold it is compared with (11.996 is not "12 ≥ 12").
 */
function withUnit(
  pathway: Pathway,
  node: Extract<TraceNode, { kind: 'leaf' }>,
  language: Language,
): string {
  const { fact, value, expected } = node;
  const unit = factOf(pathway, fact)?.unit;
  const looksEqual =
    typeof value === 'number' &&
    typeof expected === 'number' &&
    value !== expected &&
    Math.round(value * 100) / 100 === expected;
  const text = looksEqual
    ? language === 'en'
      ? String(value)
      : String(value).replace('.', ',')
    : formatValue(value, language);
  if (isLowerBound(value)) return formatBound(value, unit, language);
  return value === undefined || unit === undefined || typeof value !== 'number'
    ? text
    : `${text} ${formatUnit(unit, language)}`;
}

function comparison(
  pathway: Pathway,
  node: Extract<TraceNode, { kind: 'leaf' }>,
  language: Language,
): string {
  const words = WORDS[language];
  const op = words.operators[node.operator] ?? node.operator;
  const expected =
    node.expectedFact === undefined
      ? formatValue(node.expected, language)
      : `${factLabel(pathway, node.expectedFact, language)} ${formatValue(node.expected, language)}`;
  return `${op} ${Array.isArray(node.expected) ? `[${expected}]` : expected}`;
}

/**
 * A leaf stated by its value alone, for comparisons whose value says it all: a yes/no
 * fact ("specialist plan in place: no") or a list ("red flags: none"). Undefined otherwise.
 */
function plainLeaf(
  pathway: Pathway,
  node: Extract<TraceNode, { kind: 'leaf' }>,
  language: Language,
): string | undefined {
  const label = factLabel(pathway, node.fact, language);
  const isList = Array.isArray(node.value);
  if (
    (node.operator === 'equal' || node.operator === 'notEqual') &&
    typeof node.expected === 'boolean' &&
    typeof node.value === 'boolean'
  ) {
    return `${label}: ${formatValue(node.value, language)}`;
  }
  if (node.operator === 'notEmpty' && isList) {
    return `${label}: ${(node.value as unknown[]).length === 0 ? WORDS[language].none : formatValue(node.value, language)}`;
  }
  return undefined;
}

/** "pain duration 8 months ≥ 3" for a leaf that holds. */
function leafHolds(
  pathway: Pathway,
  node: Extract<TraceNode, { kind: 'leaf' }>,
  language: Language,
): string {
  const label = factLabel(pathway, node.fact, language);
  return (
    plainLeaf(pathway, node, language) ??
    `${label} ${withUnit(pathway, node, language)} ${comparison(pathway, node, language)}`
  );
}

/** "weeks in step 10 weeks (needs ≥ 12)" for a leaf that fails, or "ÖMPSQ unknown". */
function leafFails(
  pathway: Pathway,
  node: Extract<TraceNode, { kind: 'leaf' }>,
  language: Language,
): string {
  const words = WORDS[language];
  const label = factLabel(pathway, node.fact, language);
  if (node.value === undefined) return `${label} ${words.unknown}`;
  return (
    plainLeaf(pathway, node, language) ??
    `${label} ${withUnit(pathway, node, language)} (${words.needs} ${comparison(pathway, node, language)})`
  );
}

/** Why a node is true, naming only the parts that make it true. */
export function whyTrue(pathway: Pathway, node: TraceNode, language: Language): string {
  const words = WORDS[language];
  switch (node.kind) {
    case 'leaf':
      return leafHolds(pathway, node, language);
    case 'all':
      return node.children.map((c) => whyTrue(pathway, c, language)).join(` ${words.and} `);
    case 'any':
      return node.children
        .filter((c) => c.result === 'true')
        .map((c) => whyTrue(pathway, c, language))
        .join(` ${words.or} `);
    case 'not':
      // Why the child is false is exactly why this holds; a "not" in front would only
      // make a double negative ("not (improved does not hold …)").
      return whyFalse(pathway, node.child, language);
    case 'condition':
      return `${conditionLabel(pathway, node.name, language)} (${whyTrue(pathway, node.child, language)})`;
  }
}

/**
 * Why a node is false, or why it is still unknown, naming only the parts that decide that:
 * for a false `all` its false parts (an unknown part changes nothing), for an unknown one
 * its unknown parts.
 */
export function whyFalse(pathway: Pathway, node: TraceNode, language: Language): string {
  const words = WORDS[language];
  switch (node.kind) {
    case 'leaf':
      return leafFails(pathway, node, language);
    case 'all':
      return node.children
        .filter((c) => c.result === node.result)
        .map((c) => whyFalse(pathway, c, language))
        .join(` ${words.and} `);
    case 'any': {
      const deciding = node.children
        .filter((c) => c.result === node.result)
        .map((c) => whyFalse(pathway, c, language));
      return node.result === 'false'
        ? `${words.noneOf}: ${deciding.join('; ')}`
        : deciding.join(` ${words.or} `);
    }
    case 'not':
      return node.result === 'unknown'
        ? whyFalse(pathway, node.child, language)
        : whyTrue(pathway, node.child, language);
    case 'condition':
      return node.result === 'unknown'
        ? `${conditionLabel(pathway, node.name, language)} (${whyFalse(pathway, node.child, language)})`
        : `${conditionLabel(pathway, node.name, language)} ${words.doesNotHold} (${whyFalse(pathway, node.child, language)})`;
  }
}

/** Drops a final full stop, so that a sentence can be embedded in another. */
function trimPeriod(text: string): string {
  return text.replace(/[.。]\s*$/, '');
}

function title(step: Step | undefined, language: Language, fallback: string): string {
  return step === undefined ? fallback : pickText(step.title, language);
}

/** Composes the explanation for a finished evaluation. */
export function explain(
  pathway: Pathway,
  steps: ReadonlyMap<string, Step>,
  walk: WalkStory,
  alerts: readonly FiredAlert[],
  undecided: readonly UndecidedAlert[],
  missingFacts: readonly string[],
  language: Language,
): string {
  const words = WORDS[language];
  const stepTitle = (id: string): string => title(steps.get(id), language, id);
  const lines: string[] = [words.startedAt(stepTitle(walk.path[0] ?? walk.finalStep.id))];
  for (const t of walk.taken)
    lines.push(
      words.movedTo(
        stepTitle(t.to),
        trimPeriod(pickText(t.transition.reason, language)),
        whyTrue(pathway, t.node, language),
      ),
    );
  const here = pickText(walk.finalStep.title, language);
  const notMovedTo = (c: TraceEntry): string =>
    `  ${words.notMovedTo(stepTitle(c.to ?? ''), whyFalse(pathway, c.condition, language))}`;
  switch (walk.stopReason) {
    case 'exit-step':
      lines.push(words.exitStep(here));
      break;
    case 'no-candidate':
      lines.push(words.staysNoCandidate(here));
      for (const c of walk.tried) lines.push(notMovedTo(c));
      break;
    case 'needs-information': {
      for (const c of walk.tried.filter((x) => x !== walk.pending)) lines.push(notMovedTo(c));
      const labels = missingFacts.map((f) => factLabel(pathway, f, language)).join(', ');
      lines.push(words.waitsFor(here, labels, stepTitle(walk.pending?.to ?? '')));
      break;
    }
    case 'loop-guard':
      lines.push(words.loopGuard(here, stepTitle(walk.tried.at(-1)?.to ?? '')));
      break;
  }
  lines.push(
    alerts.length === 0
      ? words.noAlerts
      : words.alerts(alerts.length, alerts.map((a) => `${a.id} (${a.severity})`).join(', ')),
  );
  if (undecided.length > 0)
    lines.push(
      words.undecidedAlerts(
        undecided
          .map(
            (u) =>
              `${u.id} (${u.missingFacts.map((f) => factLabel(pathway, f, language)).join(', ')})`,
          )
          .join('; '),
      ),
    );
  return lines.join('\n');
}
