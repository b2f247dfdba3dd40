/**
 * Why each alert could not be decided, for a CDS answer. An alert that did not fire because
 * its facts are unknown is not "no danger": the EHR must be able to show "opioid +
 * benzodiazepine could not be checked: diazepam coded in a system we cannot read". So every
 * undecided alert of the evaluation is named by its id, with its reasons: the engine's own
 * words when it gives them (an incomplete MME sum, …), then, for each fact it lacks, what the
 * FHIR reading said about that fact (resources it could not use, caveats, prefetch keys not
 * sent or unusable), or that the record did not give it.
 */
import { derivationInputs } from '../facts/dependencies';
import type { EvaluationResult, UndecidedAlert } from '../evaluate/result';
import type { FhirMappingResult } from '../fhir';
import { pickText } from '../model/texts';
import { factOf } from '../describe/format';
import type { Language, Pathway, Severity } from '../model/types';
import type { UnpackedPrefetch } from './prefetch';
import { prefetchKeysOf, type PrefetchKey } from './services';
import { cardTexts } from './texts';
import { boundedList, groupedByMessage } from './bounds';

/**
 * An undecided alert as the evaluation result gives it. `reasons` (the engine's rendered
 * words per undecided alert) is optional: results without it still get reasons from the
 * facts.
 */
type UndecidedWithReasons = UndecidedAlert & { reasons?: readonly string[] | undefined };

/** One alert that could not be decided, and why. */
export interface UndecidedReport {
  /** The alert id, as the pathway file and the evaluation result name it. */
  id: string;
  severity: Severity;
  /** The alert's title in the request language (its id when it has none). */
  title: string;
  /** The facts whose values would decide it. */
  missingFacts: string[];
  /** Why it could not be decided, in the request language; never empty. */
  reasons: string[];
}

/** What the reports are made from: the evaluation and the FHIR reading behind it. */
export interface UndecidedInput {
  pathway: Pathway;
  result: EvaluationResult;
  mapping: FhirMappingResult;
  prefetch: UnpackedPrefetch;
  language: Language;
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

function label(pathway: Pathway, name: string, language: Language): string {
  const fact = factOf(pathway, name);
  return fact === undefined ? `\`${name}\`` : `${pickText(fact.label, language)} (\`${name}\`)`;
}

/**
 * What the record and its reading say about one fact the alert lacks. A derived fact (named
 * when its inputs were given but it still could not be decided) takes the reading's problems
 * and notes about the facts it is derived from: the unreadable record behind it.
 */
function factReasons(
  input: UndecidedInput,
  byFact: ReadonlyMap<string, readonly { resource: string; message: string }[]>,
  name: string,
  explained: boolean,
): string[] {
  const { pathway, mapping, prefetch, language } = input;
  const t = cardTexts(language);
  const fact = factOf(pathway, name);
  const named = label(pathway, name, language);
  const out: string[] = [];
  for (const u of mapping.unmapped)
    if (u.fact === name) out.push(t.factNotMappable(named, u.reason));
  const keys = fact === undefined ? [] : prefetchKeysOf(fact);
  const problems = prefetch.problems.filter((p) => keys.includes(p.key as PrefetchKey));
  for (const p of problems) out.push(`prefetch \`${p.key}\`: ${p.message}`);
  const unsent = keys.filter(
    (k) => prefetch.notProvided.includes(k) && !problems.some((p) => p.key === k),
  );
  if (unsent.length > 0) out.push(t.factNotSent(named, unsent.map((k) => `\`${k}\``).join(', ')));
  const about = new Set([
    name,
    ...(fact?.derived === undefined ? [] : derivationInputs(fact.derived)),
  ]);
  // The same message on many resources (a medication sent a thousand times) is one line.
  const concerning = [...about].flatMap((f) => byFact.get(f) ?? []);
  out.push(...groupedByMessage(concerning, t.andMore));
  // A fact the reading said nothing about was simply not there (or is not read from FHIR),
  // unless the engine already said why it is open.
  if (out.length === 0 && !explained) out.push(t.factNotFound(named));
  return out;
}

/**
 * Every undecided alert of `input.result`, critical first (then in the result's order), each
 * with its reasons. A fact several alerts lack gives each of them the same reasons.
 */
export function undecidedReports(input: UndecidedInput): UndecidedReport[] {
  const { pathway, result, language } = input;
  const t = cardTexts(language);
  // The reading's problems and notes by fact, once: a request may bring thousands of them.
  const byFact = new Map<string, { resource: string; message: string }[]>();
  for (const entry of [...input.mapping.problems, ...input.mapping.notes]) {
    if (entry.fact === undefined) continue;
    const list = byFact.get(entry.fact);
    if (list === undefined) byFact.set(entry.fact, [entry]);
    else list.push(entry);
  }
  // Each fact's reasons are worked out once, however many alerts lack it.
  const known = new Map<string, string[]>();
  const reasonsOf = (fact: string, explained: boolean): string[] => {
    const key = `${explained ? '1' : '0'}${fact}`;
    let reasons = known.get(key);
    if (reasons === undefined) {
      reasons = factReasons(input, byFact, fact, explained);
      known.set(key, reasons);
    }
    return reasons;
  };
  const reports = result.undecidedAlerts.map((undecided: UndecidedWithReasons, order) => {
    const declared = pathway.alerts.find((a) => a.id === undecided.id);
    const severity = declared?.severity ?? 'warning';
    const reasons = [
      ...(undecided.reasons ?? []),
      ...undecided.missingFacts.flatMap((f) => reasonsOf(f, (undecided.reasons ?? []).length > 0)),
    ];
    const unique = boundedList(reasons, t.andMore);
    return {
      order,
      report: {
        id: undecided.id,
        severity,
        title: declared?.title === undefined ? undecided.id : pickText(declared.title, language),
        missingFacts: [...undecided.missingFacts],
        // Never an alert without a why: every fact it lacks gives at least one line.
        reasons: unique.length > 0 ? unique : [t.noReason],
      },
    };
  });
  return reports
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.report.severity] - SEVERITY_ORDER[b.report.severity] || a.order - b.order,
    )
    .map((r) => r.report);
}
