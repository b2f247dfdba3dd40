/**
 * The CDS services this server offers: one `patient-view` service per pathway with a
 * version in effect today. Prefetch templates are derived from the fact dictionary: a
 * resource type is asked for only when some fact is mapped from it.
 */
import { mappingOf, type MapKind } from '../fhir';
import type { Fact, Pathway } from '../model/types';
import { pickText } from '../model/texts';
import type { PathwayRepository } from '../node/repository';
import { pathwayToday, type Today } from '../service/today';
import { selectVersion } from '../versions/select';
import type { CdsService } from './schema';

/** The hook every service answers. */
export const CDS_HOOK = 'patient-view';
const SUFFIX = '-pathway';
const PATIENT = '{{context.patientId}}';

/** Prefetch keys, the resource type each fetches, and whether it is a search (a complete list). */
export const PREFETCH_KEYS = {
  patient: 'Patient',
  conditions: 'Condition',
  observations: 'Observation',
  questionnaireResponses: 'QuestionnaireResponse',
  medicationStatements: 'MedicationStatement',
  medicationRequests: 'MedicationRequest',
} as const;
export type PrefetchKey = keyof typeof PREFETCH_KEYS;

const KEYS_OF_KIND: Record<MapKind, readonly PrefetchKey[]> = {
  'birthDate-age': ['patient'],
  gender: ['patient'],
  'onset-months': ['conditions'],
  'active-condition-boolean': ['conditions'],
  'condition-code-to-value': ['conditions'],
  'latest-value': ['observations', 'questionnaireResponses'],
  'closest-to-step-entry': ['observations', 'questionnaireResponses'],
  medications: ['medicationStatements', 'medicationRequests'],
};

const keysByFact = new WeakMap<Fact, readonly PrefetchKey[]>();
const NO_KEYS: readonly PrefetchKey[] = Object.freeze([]);

/**
 * The prefetch keys a fact is read from (none for a fact not mapped from FHIR). Worked out
 * once per fact object: a loaded version is never changed in place, and the cards of every
 * CDS call ask for each fact an undecided alert lacks (the mapping decision reads the fact's
 * words with regular expressions).
 */
export function prefetchKeysOf(fact: Fact): readonly PrefetchKey[] {
  let keys = keysByFact.get(fact);
  if (keys === undefined) {
    const decision = mappingOf(fact);
    keys = decision.ok === true ? KEYS_OF_KIND[decision.mapping.kind] : NO_KEYS;
    keysByFact.set(fact, keys);
  }
  return keys;
}

/** The service id of a pathway (`chronic-pain` → `chronic-pain-pathway`). */
export function serviceIdOf(pathwayId: string): string {
  return `${pathwayId}${SUFFIX}`;
}

/** The pathway id a service id names, if it has the form. */
export function pathwayIdOf(serviceId: string): string | undefined {
  return serviceId.endsWith(SUFFIX) ? serviceId.slice(0, -SUFFIX.length) : undefined;
}

/** The pathway a service id names, when the repository has it. */
export function servicePathway(repo: PathwayRepository, serviceId: string): string | undefined {
  const pathwayId = pathwayIdOf(serviceId);
  return pathwayId !== undefined && repo.pathways.has(pathwayId) ? pathwayId : undefined;
}

const templatesByPathway = new WeakMap<Pathway, Partial<Record<PrefetchKey, string>>>();

/**
 * Prefetch templates for a pathway: the patient always, other types as the dictionary needs
 * them. Worked out once per pathway object (a loaded version is never changed in place; every
 * CDS call asks) and shared: the object is frozen.
 */
export function prefetchTemplates(pathway: Pathway): Partial<Record<PrefetchKey, string>> {
  let templates = templatesByPathway.get(pathway);
  if (templates === undefined) {
    templates = Object.freeze(templatesOf(pathway));
    templatesByPathway.set(pathway, templates);
  }
  return templates;
}

function templatesOf(pathway: Pathway): Partial<Record<PrefetchKey, string>> {
  const keys = new Set<PrefetchKey>(['patient']);
  const observationCodes: string[] = [];
  for (const fact of pathway.facts) {
    const decision = mappingOf(fact);
    if (decision.ok !== true) continue;
    for (const key of KEYS_OF_KIND[decision.mapping.kind]) keys.add(key);
    if (KEYS_OF_KIND[decision.mapping.kind].includes('observations')) {
      for (const c of decision.mapping.codes) observationCodes.push(`${c.system}|${c.code}`);
    }
    // A "checked, none found" record is an Observation even when the fact maps from Conditions.
    const none = decision.mapping.noneFound;
    if (none !== undefined) {
      keys.add('observations');
      observationCodes.push(`${none.system}|${none.code}`);
    }
  }
  const codes = [...new Set(observationCodes)].join(',');
  const templates: Record<PrefetchKey, string> = {
    patient: `Patient/${PATIENT}`,
    conditions: `Condition?patient=${PATIENT}`,
    observations: `Observation?patient=${PATIENT}${codes === '' ? '' : `&code=${codes}`}`,
    questionnaireResponses: `QuestionnaireResponse?patient=${PATIENT}`,
    // Medications: the referenced Medication resources included, and no status filter.
    // Requests of every status give the series treatment start is read from (the earliest
    // authoredOn of an unbroken series, not the latest renewal), and a resource without a
    // status, which a `status=active` search would never return, must count as possibly
    // current rather than vanish (docs/cds-hooks.md).
    medicationStatements: `MedicationStatement?patient=${PATIENT}&_include=MedicationStatement:medication`,
    medicationRequests: `MedicationRequest?patient=${PATIENT}&_include=MedicationRequest:medication`,
  };
  const out: Partial<Record<PrefetchKey, string>> = {};
  for (const key of Object.keys(PREFETCH_KEYS) as PrefetchKey[]) {
    if (keys.has(key)) out[key] = templates[key];
  }
  return out;
}

/** The discovery entry of one pathway version. */
export function serviceOf(pathway: Pathway): CdsService {
  const title = pickText(pathway.title, 'en');
  return {
    hook: CDS_HOOK,
    id: serviceIdOf(pathway.id),
    title: `${title} (care pathway)`,
    description:
      `Places the patient in the care pathway "${title}" (the version in effect today), ` +
      'lists the alerts that fire and the facts the record does not give.',
    prefetch: prefetchTemplates(pathway),
  };
}

/** Every service: one per pathway that has a version in effect today (in the pathway's time zone). */
export function servicesOf(repo: PathwayRepository, today: Today): CdsService[] {
  const out: CdsService[] = [];
  for (const versions of repo.pathways.values()) {
    try {
      out.push(serviceOf(selectVersion(versions, { asOf: pathwayToday(versions, today) }).pathway));
    } catch {
      // No version in effect (or two): the pathway offers no service today.
    }
  }
  return out;
}
