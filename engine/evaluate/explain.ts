/**
 * The plain-language explanation: where the walk went and why, why it did not move on,
 * and which alerts fired. Built from the evaluated condition trees, so it always says
 * what the engine actually did.
 */
import type { Language, Pathway, Step } from '../model/types';
import { pickText } from '../model/texts';
import { factLabel, factOf, formatValue } from './format';
import type { FiredAlert, TraceNode, UndecidedAlert } from './result';
import type { Candidate, WalkOutcome } from './walk';
import { WORDS } from './words';

function withUnit(pathway: Pathway, fact: string, value: unknown, language: Language): string {
  const unit = factOf(pathway, fact)?.unit;
  const text = formatValue(value, language);
  return value === undefined || unit === undefined || typeof value !== 'number'
    ? text
    : `${text} ${unit}`;
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

/** "pain duration 8 months ≥ 3" for a leaf that holds. */
function leafHolds(
  pathway: Pathway,
  node: Extract<TraceNode, { kind: 'leaf' }>,
  language: Language,
): string {
  const label = factLabel(pathway, node.fact, language);
  if (node.operator === 'equal' && typeof node.expected === 'boolean')
    return `${label}: ${formatValue(node.value, language)}`;
  if (node.operator === 'notEmpty') return `${label}: ${formatValue(node.value, language)}`;
  return `${label} ${withUnit(pathway, node.fact, node.value, language)} ${comparison(pathway, node, language)}`;
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
  return `${label} ${withUnit(pathway, node.fact, node.value, language)} (${words.needs} ${comparison(pathway, node, language)})`;
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
      return `${words.not} (${whyFalse(pathway, node.child, language)})`;
    case 'condition':
      return `${node.name} (${whyTrue(pathway, node.child, language)})`;
  }
}

/** Why a node is false or unknown, naming only the parts that block it. */
export function whyFalse(pathway: Pathway, node: TraceNode, language: Language): string {
  const words = WORDS[language];
  switch (node.kind) {
    case 'leaf':
      return leafFails(pathway, node, language);
    case 'all':
      return node.children
        .filter((c) => c.result !== 'true')
        .map((c) => whyFalse(pathway, c, language))
        .join(` ${words.and} `);
    case 'any':
      return `${words.noneOf}: ${node.children.map((c) => whyFalse(pathway, c, language)).join('; ')}`;
    case 'not':
      return `${words.not}: ${whyTrue(pathway, node.child, language)}`;
    case 'condition':
      return `${node.name} ${words.doesNotHold} (${whyFalse(pathway, node.child, language)})`;
  }
}

function title(step: Step | undefined, language: Language, fallback: string): string {
  return step === undefined ? fallback : pickText(step.title, language);
}

/** Composes the explanation for a finished evaluation. */
export function explain(
  pathway: Pathway,
  steps: ReadonlyMap<string, Step>,
  outcome: WalkOutcome,
  alerts: readonly FiredAlert[],
  undecided: readonly UndecidedAlert[],
  missingFacts: readonly string[],
  language: Language,
): string {
  const words = WORDS[language];
  const stepTitle = (id: string): string => title(steps.get(id), language, id);
  const lines: string[] = [words.startedAt(stepTitle(outcome.path[0] ?? outcome.finalStep.id))];
  for (const t of outcome.taken)
    lines.push(
      words.movedTo(
        stepTitle(t.to),
        pickText(t.transition.reason, language),
        whyTrue(pathway, t.outcome.node, language),
      ),
    );
  const here = pickText(outcome.finalStep.title, language);
  switch (outcome.stopReason) {
    case 'exit-step':
      lines.push(words.exitStep(here));
      break;
    case 'no-candidate':
      lines.push(words.staysNoCandidate(here));
      for (const c of outcome.lastCandidates)
        lines.push(
          `  ${words.notMovedTo(stepTitle(c.to), whyFalse(pathway, c.outcome.node, language))}`,
        );
      break;
    case 'needs-information': {
      const pending = outcome.pending as Candidate;
      for (const c of outcome.lastCandidates.filter((x) => x !== pending))
        lines.push(
          `  ${words.notMovedTo(stepTitle(c.to), whyFalse(pathway, c.outcome.node, language))}`,
        );
      const labels = missingFacts.map((f) => factLabel(pathway, f, language)).join(', ');
      lines.push(words.waitsFor(here, labels, stepTitle(pending.to)));
      break;
    }
    case 'loop-guard':
      lines.push(words.loopGuard(here, stepTitle((outcome.loop as Candidate).to)));
      break;
  }
  lines.push(
    alerts.length === 0
      ? words.noAlerts
      : words.alerts(alerts.length, alerts.map((a) => a.message).join('; ')),
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
