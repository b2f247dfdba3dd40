/**
 * `factsFromFhir`: FHIR R4 resources → patient facts, driven only by the pathway's fact
 * dictionary (`source.fhir`: resource, codes, map kind). Malformed or unusable resources
 * are reported and skipped, never a crash; values outside a fact's range or of the wrong
 * type are reported and left out, never guessed.
 */
import { isPathwayError, PathwayError } from '../errors';
import { isIsoDate, isTimeZone } from '../model/dates';
import { validateInput } from '../facts/validate';
import { timeZoneOf } from '../model/time-zone';
import type { Fact, Pathway } from '../model/types';
import { withReadCache } from './codes';
import { readConditionPresent, readConditionValues, readOnsetMonths } from './conditions';
import { mappingOf, type FactMapping, type MappingDecision } from './kinds';
import { codeTable } from './medication-codes';
import { listStates, readMedications } from './medications';
import { readAge, readGender } from './patient';
import { Report } from './report';
import { indexResources, type ResourceIndex } from './resources';
import { readScore } from './scores';
import type { FhirMappingOptions, FhirMappingResult, FhirResource, UnmappedFact } from './types';

function read(
  mapping: FactMapping,
  index: ResourceIndex,
  options: FhirMappingOptions,
  report: Report,
): { value: unknown; from: string } | undefined {
  const { asOf } = options;
  switch (mapping.kind) {
    case 'birthDate-age':
      return readAge(index, asOf, report, mapping.fact.name);
    case 'gender':
      return readGender(index, report, mapping.fact.name);
    case 'onset-months':
      return readOnsetMonths(mapping, index, asOf, report);
    case 'latest-value':
    case 'closest-to-step-entry':
      return readScore(mapping, index, asOf, options.stepEnteredAt, report);
    case 'active-condition-boolean':
      return readConditionPresent(mapping, index);
    case 'condition-code-to-value':
      return readConditionValues(mapping, index, {
        asOf,
        conditionsComplete: options.completeTypes?.includes('Condition') ?? false,
        report,
      });
    case 'medications':
      // Every medication list must be complete for an empty list to mean "no medication".
      return readMedications(
        mapping,
        index,
        {
          asOf,
          lists: listStates(options.lists, options.completeTypes),
          table: codeTable(options.medicationCodes),
        },
        report,
      );
  }
}

/** Each fact's mapping decision, by the facts array of a loaded pathway. */
const decided = new WeakMap<readonly Fact[], readonly MappingDecision[]>();

/**
 * The mapping decision of every fact, worked out once per pathway version: the decision
 * depends on the fact's declaration alone, and a loaded pathway is not changed in place
 * (the editor makes a new facts array on every edit).
 */
function decisionsOf(facts: readonly Fact[]): readonly MappingDecision[] {
  let decisions = decided.get(facts);
  if (decisions === undefined) {
    decisions = facts.map(mappingOf);
    decided.set(facts, decisions);
  }
  return decisions;
}

/** Checks one value with the engine's own input validation; reports what it rejects. */
function accepted(
  pathway: Pathway,
  name: string,
  found: { value: unknown; from: string },
  asOf: string,
  report: Report,
): boolean {
  try {
    validateInput(pathway, { facts: { [name]: found.value } }, { asOf });
    return true;
  } catch (error) {
    if (!isPathwayError(error)) throw error;
    for (const issue of error.issues) report.problem(found.from, issue.message, name);
    return false;
  }
}

/**
 * Maps FHIR R4 resources to the facts `pathway`'s dictionary declares FHIR sources for.
 * @param resources the patient's resources (Bundles already unpacked); any JSON is accepted.
 * Record dateTimes are read as calendar days in `options.timeZone`, by default the
 * pathway's zone, the zone `asOf` is a day of.
 * @throws PathwayError `DATE_FORMAT` only when `options.asOf` is not a date; `INVALID_INPUT`
 * when `options.timeZone` is not a known time zone.
 */
export function factsFromFhir(
  pathway: Pathway,
  resources: readonly FhirResource[] | readonly unknown[],
  options: FhirMappingOptions,
): FhirMappingResult {
  return withReadCache(() => mapFacts(pathway, resources, options, false));
}

/**
 * The mapping. Each value read must pass the engine's input check; checked `oneByOne`, a
 * refused value is reported right after what its reading reported. Otherwise all values are
 * checked at once at the end (one check instead of one per fact: each fact is checked on its
 * own either way), and when anything is refused the mapping is done again one by one, so
 * every problem is worded and placed as before.
 */
function mapFacts(
  pathway: Pathway,
  resources: readonly FhirResource[] | readonly unknown[],
  options: FhirMappingOptions,
  oneByOne: boolean,
): FhirMappingResult {
  validateInput(pathway, { facts: {} }, { asOf: options.asOf });
  const report = new Report();
  const timeZone = options.timeZone ?? timeZoneOf(pathway);
  // Checked here, once: a caller's unknown zone must not become a problem on every resource.
  if (!isTimeZone(timeZone)) {
    const message = `unknown time zone ${JSON.stringify(timeZone)}`;
    throw new PathwayError('INVALID_INPUT', message, [
      {
        code: 'INVALID_INPUT',
        message: 'not a known IANA time zone',
        path: 'timeZone',
        value: timeZone,
      },
    ]);
  }
  const index = indexResources(resources, options.patientId, report, timeZone);
  const facts: Record<string, unknown> = {};
  const missing: string[] = [];
  const unmapped: UnmappedFact[] = [];
  const decisions = decisionsOf(pathway.facts);
  for (const [i, fact] of pathway.facts.entries()) {
    const decision = decisions[i] ?? mappingOf(fact);
    if (decision.ok === 'none') continue;
    if (decision.ok === false) {
      unmapped.push({ fact: fact.name, reason: decision.reason });
      missing.push(fact.name);
      continue;
    }
    if (
      decision.mapping.kind === 'closest-to-step-entry' &&
      (options.stepEnteredAt === undefined || !isIsoDate(options.stepEnteredAt))
    ) {
      unmapped.push({ fact: fact.name, reason: "needs the current step's entry date" });
      missing.push(fact.name);
      continue;
    }
    let found: { value: unknown; from: string } | undefined;
    try {
      found = read(decision.mapping, index, options, report);
    } catch (error) {
      // A resource shaped in a way no reader foresaw: report it, never crash the caller.
      report.problem(
        '(input)',
        `could not read ${fact.name}: ${error instanceof Error ? error.message : String(error)}`,
        fact.name,
      );
      found = undefined;
    }
    if (
      found !== undefined &&
      (!oneByOne || accepted(pathway, fact.name, found, options.asOf, report))
    ) {
      facts[fact.name] = found.value;
    } else {
      missing.push(fact.name);
    }
  }
  if (!oneByOne && Object.keys(facts).length > 0) {
    try {
      validateInput(pathway, { facts }, { asOf: options.asOf });
    } catch (error) {
      if (!isPathwayError(error)) throw error;
      return mapFacts(pathway, resources, options, true);
    }
  }
  return { facts, missing, problems: report.problems, notes: report.notes, unmapped };
}
