/**
 * The pathway document schema. It is the single definition of the file format: the
 * TypeScript types in `types.ts` are inferred from it, the canonical printer orders keys
 * by it, and the editor validates against it. Objects are strict, so a misspelt key is
 * an error rather than silently ignored.
 */
import { z } from 'zod';
import { isIsoDate, isTimeZone } from './dates';

/** The file format version this engine writes; older ones are migrated on load. */
export const CURRENT_SCHEMA_VERSION = 1;

/** Languages a pathway may carry texts in. */
export const LANGUAGES = ['sv', 'da', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);

/** Comparison operators json-rules-engine knows, plus the ones this engine registers. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'notEmpty',
] as const;
export const operatorSchema = z.enum(OPERATORS);

/** The operators written as symbols (=, ≠, <, ≤, >, ≥): a comparison reads `fact ≥ value`. */
export const SYMBOL_OPERATORS: readonly (typeof OPERATORS)[number][] = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
];

/** A calendar date, YYYY-MM-DD, that exists (no 30 February). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isIsoDate, 'not a real calendar date');

/** An IANA time zone name the runtime knows, such as `Europe/Stockholm`. */
export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, 'expected an IANA time zone such as Europe/Stockholm');

const semver = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'expected a semantic version such as 1.2.0');
const stepId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as primary-care-mmr');
const factName = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*$/, 'expected a camelCase fact name such as painDurationMonths');
const conditionName = factName;

/** Text in one or more languages. Which languages are required is a lint rule (`languages`). */
export const textsSchema = z
  .strictObject({
    sv: z.string().min(1).optional(),
    da: z.string().min(1).optional(),
    en: z.string().min(1).optional(),
  })
  .refine(
    (t) => t.sv !== undefined || t.da !== undefined || t.en !== undefined,
    'needs text in at least one language',
  );

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * The condition language over the fact names `fact` accepts: a leaf compares `fact operator
 * value` (value may name another fact), and `all` / `any` / `not` / `{ condition: name }`
 * combine leaves. Pathway conditions read facts; indicator conditions read facts and outcome
 * terms (`indicatorFactName`). One shape, one evaluator, two vocabularies.
 */
function conditionLanguage<F extends z.ZodType<string>>(fact: F) {
  const leaf = z.strictObject({
    fact,
    operator: operatorSchema,
    value: z.union([scalar, z.array(scalar), z.strictObject({ fact })]),
  });
  const condition = z.union([
    z.strictObject({
      // An empty `all` is true in json-rules-engine and in the engine alike; `{ not: { all: [] } }`
      // is then the one condition that is never true and needs no fact (the editor's safe
      // default). An empty `any` stays refused: json-rules-engine answers true for it, the
      // engine false, and the reference must agree with the engine.
      get all() {
        return z.array(condition);
      },
    }),
    z.strictObject({
      get any() {
        return z.array(condition).min(1);
      },
    }),
    z.strictObject({
      get not() {
        return condition;
      },
    }),
    z.strictObject({ condition: conditionName }),
    leaf,
  ]);
  return { leaf, condition };
}

const pathwayConditions = conditionLanguage(factName);

/** A leaf comparison: `fact operator value`, where value may name another fact. */
export const leafConditionSchema = pathwayConditions.leaf;

/** A json-rules-engine condition: all / any / not / a named-condition reference / a leaf. */
export const conditionSchema = pathwayConditions.condition;

/** How a fact's value is obtained when it is not simply given. Each kind is a general engine rule. */
export const atcSelectorSchema = z.strictObject({
  prefixes: z.array(z.string().regex(/^[A-Z][0-9A-Z]*$/)).default([]),
  codes: z.array(z.string().regex(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/)).default([]),
});

/** A reference id (`references[].id`). */
const referenceId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a reference id');

/**
 * A named drug class: the ATC groups and codes it is made of, with the sources a reviewer can
 * check. Derivations name it (`class: opioid`) instead of repeating the codes.
 */
export const drugClassSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as opioid'),
  label: textsSchema,
  atc: atcSelectorSchema,
  /** Why a code is (or is not) in the class, for reviewers: combination products, exclusions. */
  note: textsSchema.optional(),
  references: z.array(referenceId).min(1),
});

/** Why an MME table row has no factor; the note's words say it. */
export const MME_NO_FACTOR_REASONS = ['no-published-factor', 'non-linear'] as const;

/**
 * One row of an MME table: the drug's ATC code and either its factor (MME/day = dose ×
 * factor, the dose in `unit`) or why it has none; every row cites its source.
 */
export const mmeRowSchema = z.strictObject({
  atc: z.string().regex(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/, 'expected a 7-character ATC code'),
  drug: z.string().min(1),
  unit: z.enum(['mg/day', 'ug/h']).optional(),
  factor: z.number().positive().optional(),
  noFactor: z.enum(MME_NO_FACTOR_REASONS).optional(),
  /** For combination products: which component the dose is given for. */
  note: z.string().optional(),
  source: referenceId,
});

/**
 * An MME conversion table carried in the pathway file. A derivation using it treats a sum it
 * cannot complete (a drug without a factor, an unreadable dose, an uncertain record) as a
 * lower bound, never as the whole.
 */
export const mmeTableSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a table id such as cdc-2022'),
  title: z.string().min(1),
  rows: z.array(mmeRowSchema).min(1),
});

/**
 * What a day count does when a matching drug has no start date or the list holds an uncertain
 * entry: `unknown` (the frozen 1.0.0/1.1.0 rule) or `lowerBound` (the count of the dated ones,
 * marked incomplete).
 */
const whenIncomplete = z.enum(['unknown', 'lowerBound']).optional();

/** A derivation over a medication list names its drugs by `atc` codes or by a drug `class`. */
const medicationSelection = {
  from: factName,
  atc: atcSelectorSchema.optional(),
  class: z.string().optional(),
};

export const derivationSchema = z.discriminatedUnion('kind', [
  /** true when any medication's ATC code matches the selector. */
  z.strictObject({ kind: z.literal('medicationMatch'), ...medicationSelection }),
  /**
   * Oral morphine milligram equivalents per day over matching medications, by a table: one in
   * the file's `mmeTables` (incomplete sums are lower bounds) or a built-in legacy table.
   */
  z.strictObject({
    kind: z.literal('mme'),
    ...medicationSelection,
    table: z.string().optional(),
  }),
  /** Days from the earliest `since` of matching medications to the evaluation date; 0 when none match. */
  z.strictObject({ kind: z.literal('daysSinceEarliest'), ...medicationSelection, whenIncomplete }),
  /** Days since the latest `doseIncreasedAt` of matching medications; unknown when none is recorded. */
  z.strictObject({ kind: z.literal('daysSinceDoseIncrease'), ...medicationSelection }),
  /** minuend − subtrahend. */
  z.strictObject({ kind: z.literal('difference'), minuend: factName, subtrahend: factName }),
  /** 100 × part / whole; unknown when whole ≤ 0. */
  z.strictObject({ kind: z.literal('percentOf'), part: factName, whole: factName }),
  /** Time the patient has spent in the current step, from its entry date; a given value wins. */
  z.strictObject({ kind: z.literal('timeInStep'), unit: z.enum(['days', 'weeks', 'months']) }),
  /**
   * The id of the step the patient is in when the evaluation begins (`currentStep.id`, else
   * the entry step), the same in every step the walk visits: lets an alert ask "in this step".
   */
  z.strictObject({ kind: z.literal('startStep') }),
]);

/** Where a value comes from in the record, and how a FHIR server sends it. */
export const factSourceSchema = z.strictObject({
  kind: z.enum([
    'instrument',
    'register',
    'medication-list',
    'record',
    'clinician',
    'patient',
    'derived',
  ]),
  text: textsSchema.optional(),
  fhir: z
    .strictObject({
      resource: z.enum([
        'Patient',
        'Condition',
        'Observation',
        'QuestionnaireResponse',
        'MedicationStatement',
        'MedicationRequest',
      ]),
      codes: z
        .array(
          z.strictObject({
            system: z.string().min(1),
            code: z.string().min(1),
            display: z.string().optional(),
            /** The fact value this code stands for (map kind `condition-code-to-value`, e.g. 192970008 → caudaEquina). */
            value: z.union([z.string(), z.number(), z.boolean()]).optional(),
          }),
        )
        .default([]),
      /**
       * How the FHIR mapper reads the fact: a map kind (`birthDate-age`, `onset-months`,
       * `latest-value`, `closest-to-step-entry`, `active-condition-boolean`,
       * `condition-code-to-value`, `medications`), optionally followed by `:` and free text;
       * or free text the mapper recognises (see engine/fhir/kinds.ts).
       */
      map: z.string().optional(),
      /**
       * Map kind `condition-code-to-value` only: a matching Condition counts when it is
       * suspected (verificationStatus provisional, differential or unconfirmed) or new (onset,
       * else recordedDate, within this many months before the evaluation date). Absent: every
       * active matching Condition counts, as in files written before it.
       */
      recentMonths: z.number().int().min(1).optional(),
      /**
       * Map kind `condition-code-to-value` only: an Observation with this code (status final,
       * amended or corrected, effective within `withinMonths` before the evaluation date) records
       * "checked, none found". With it, and a complete Condition list without a counting
       * Condition, the fact is an empty list instead of unknown.
       */
      noneFound: z
        .strictObject({
          system: z.string().min(1),
          code: z.string().min(1),
          display: z.string().optional(),
          withinMonths: z.number().int().min(1),
        })
        .optional(),
    })
    .optional(),
});

export const FACT_TYPES = [
  'integer',
  'number',
  'boolean',
  'string',
  'string[]',
  'date',
  'medications',
] as const;

/** One entry of the fact dictionary. */
export const factSchema = z.strictObject({
  name: factName,
  type: z.enum(FACT_TYPES),
  unit: z.string().optional(),
  range: z.strictObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
  values: z.array(z.union([z.string(), z.number()])).optional(),
  label: textsSchema,
  description: textsSchema.optional(),
  source: factSourceSchema.optional(),
  derived: derivationSchema.optional(),
});

export const namedConditionSchema = z.strictObject({
  name: conditionName,
  /**
   * What the condition is called in the UI languages ("kronisk smärta"), shown wherever the
   * condition is named (editor, summaries, explanations); the `name` stays the id that
   * references use. Optional: without it the name is shown, as before.
   */
  label: textsSchema.optional(),
  description: textsSchema.optional(),
  when: conditionSchema,
  references: z.array(z.string()).optional(),
});

export const transitionSchema = z.strictObject({
  to: stepId,
  when: conditionSchema,
  reason: textsSchema,
  references: z.array(z.string()).optional(),
});

/** A measurement the pathway asks for (NRS, HADS, an opioid review …). */
export const measureSchema = z.strictObject({
  id: stepId,
  title: textsSchema,
  facts: z.array(factName).optional(),
});

const durationSchema = z
  .strictObject({
    days: z.number().int().min(0).optional(),
    weeks: z.number().int().min(0).optional(),
    months: z.number().int().min(0).optional(),
  })
  .refine(
    (d) => [d.days, d.weeks, d.months].filter((x) => x !== undefined).length === 1,
    'give exactly one of days, weeks, months',
  );

/**
 * An outcome measurement point. Scheduled ones (`at`) count from the step's entry date;
 * condition-based ones use `dueWhen` / `overdueWhen`. `appliesWhen` limits either kind.
 */
export const followUpSchema = z.strictObject({
  id: stepId,
  title: textsSchema,
  measures: z.array(stepId).min(1),
  appliesWhen: conditionSchema.optional(),
  at: durationSchema.optional(),
  windowDays: z.number().int().min(0).optional(),
  dueWhen: conditionSchema.optional(),
  overdueWhen: conditionSchema.optional(),
  references: z.array(z.string()).optional(),
});

export const LEVELS = ['primary-care', 'specialist-care', 'other', 'exit'] as const;

export const stepSchema = z.strictObject({
  id: stepId,
  level: z.enum(LEVELS),
  title: textsSchema,
  description: textsSchema.optional(),
  actions: z.array(textsSchema).default([]),
  followUps: z.array(followUpSchema).default([]),
  transitions: z.array(transitionSchema).default([]),
  references: z.array(z.string()).optional(),
});

export const alertSchema = z.strictObject({
  id: stepId,
  severity: z.enum(['critical', 'warning', 'info']),
  title: textsSchema.optional(),
  when: conditionSchema,
  /** A template: `{factName}` is replaced by the fact's value with its unit. */
  message: textsSchema,
  references: z.array(z.string()).optional(),
});

export const referenceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  publisher: z.string().optional(),
  year: z.number().int().optional(),
  url: z.string().optional(),
});

/**
 * A fact name in an indicator condition: a pathway fact, or one of the outcome terms
 * (engine/indicators/types.ts, docs/indicators.md): `$step`, `$status`, `$visited:<stepId>`,
 * `$alert:<alertId>`, `$followUp:<followUpId>`. The `$` keeps them apart from fact names.
 */
export const indicatorFactName = z
  .string()
  .regex(
    /^(?:[a-z][A-Za-z0-9]*|\$step|\$status|\$(?:visited|alert|followUp):[a-z][a-z0-9]*(?:-[a-z0-9]+)*)$/,
    'expected a fact name or an outcome term ($step, $status, $visited:<step>, $alert:<alert>, $followUp:<follow-up>)',
  );

const indicatorConditions = conditionLanguage(indicatorFactName);

/** A leaf of an indicator condition: as a pathway leaf, over facts and outcome terms. */
export const indicatorLeafConditionSchema = indicatorConditions.leaf;

/** An indicator's denominator or numerator: the pathway's condition language plus outcome terms. */
export const indicatorConditionSchema = indicatorConditions.condition;

/** Which way an indicator is better. */
export const INDICATOR_DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const;

/**
 * A quality indicator the pathway declares: the share of patients in `denominator` who are
 * also in `numerator`, each counted with three-valued truth (docs/indicators.md).
 */
export const indicatorSchema = z.strictObject({
  id: stepId,
  title: textsSchema,
  description: textsSchema.optional(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  /** The share aimed for, 0–1. */
  target: z.number().min(0).max(1).optional(),
  denominator: indicatorConditionSchema,
  numerator: indicatorConditionSchema,
  references: z.array(referenceId).min(1),
});

/**
 * One case-mix stratum fact for indirect standardisation. `bands` (number facts only) are
 * ascending lower bounds: `[18, 45, 65]` makes the labels `<18`, `18-44`, `45-64`, `65+`
 * (engine/indicators/stratum.ts); without bands the value itself is the label.
 */
export const caseMixFactSchema = z.strictObject({
  fact: factName,
  bands: z
    .array(z.number())
    .min(1)
    .refine(
      (b) => b.every((x, i) => i === 0 || x > (b[i - 1] as number)),
      'bands must be strictly ascending lower bounds, such as [18, 45, 65]',
    )
    .optional(),
});

/** The acknowledgements recorded in a version as it was published (see `publication`). */
export const publicationSchema = z.strictObject({
  /** Scenarios that failed against this version and were published anyway, by name. */
  failingScenarios: z.array(z.string().min(1).max(200)).max(1000).optional(),
  /** The scenario patients whose outcome differs from the replaced version's, acknowledged. */
  impact: z
    .strictObject({
      against: semver,
      evaluated: z.number().int().nonnegative(),
      differ: z.number().int().nonnegative(),
      step: z.number().int().nonnegative(),
      alerts: z.number().int().nonnegative(),
    })
    .optional(),
  /**
   * A patients file (NDJSON) whose impact was checked by the publish route and acknowledged:
   * its name, its content hash, and how many of its patients answer differently (`unreadable`:
   * lines that could not be read, so were not checked).
   */
  patients: z
    .strictObject({
      file: z.string().min(1).max(300),
      digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
      evaluated: z.number().int().nonnegative(),
      differ: z.number().int().nonnegative(),
      step: z.number().int().nonnegative(),
      alerts: z.number().int().nonnegative(),
      unreadable: z.number().int().nonnegative(),
    })
    .optional(),
  /** Who acknowledged, or why, in the publisher's words. */
  note: z.string().max(2000).optional(),
});

/** The whole pathway document (one version, one file). */
export const pathwaySchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: stepId,
  version: semver,
  status: z.enum(['draft', 'active', 'retired']),
  effective: z.strictObject({ from: isoDate, to: isoDate.optional() }),
  /**
   * An older version of the same pathway that this one retires from its own `effective.from`
   * (docs/versions.md). The older file stays byte-identical (it may be frozen); by date it is in
   * effect only before this version starts, and it still answers when named.
   */
  supersedes: semver.optional(),
  /**
   * What was knowingly accepted when this version was published (written by the publish
   * route, never by hand; docs/versions.md "Publishing"): the failing scenarios and the
   * patients whose outcome changes against the version it replaces. Absent when every check
   * passed, so a clean publish adds nothing to the file.
   */
  publication: publicationSchema.optional(),
  /**
   * Where "today" is reckoned for this pathway (the default as-of date, a new version's
   * start, the day of a record's dateTime): an IANA zone such as `Europe/Stockholm`. When
   * absent, Europe/Stockholm (engine/model/time-zone.ts; the printer never adds it).
   */
  timeZone: timeZoneSchema.optional(),
  languages: z.array(languageSchema).min(1),
  title: textsSchema,
  description: textsSchema.optional(),
  references: z.array(referenceSchema).default([]),
  mmeTable: z.string().optional(),
  /** Drug classes the derivations name (`class:`), each with its sources. */
  drugClasses: z.array(drugClassSchema).optional(),
  /** MME conversion tables carried in the file, every row with a cited source. */
  mmeTables: z.array(mmeTableSchema).optional(),
  /** Lint: a gap between this version's `effective.to` and the next version's `from` is an error unless allowed. */
  allowEffectiveGaps: z.boolean().optional(),
  entryStep: stepId,
  facts: z.array(factSchema).min(1),
  measures: z.array(measureSchema).default([]),
  conditions: z.array(namedConditionSchema).default([]),
  globalTransitions: z.array(transitionSchema).default([]),
  steps: z.array(stepSchema).min(1),
  alerts: z.array(alertSchema).default([]),
  followUps: z.array(followUpSchema).default([]),
  /** Quality indicators over the pathway's outcomes (docs/indicators.md). */
  indicators: z.array(indicatorSchema).optional(),
  /** Facts that stratify patients for indirect standardisation of the indicators. */
  caseMix: z.array(caseMixFactSchema).min(1).optional(),
});

/**
 * One evaluation request: the patient input as the CLI file, the HTTP body, a batch or cohort
 * line and the audit log carry it. Declared once: every entrance validates with it, and the
 * evaluator checks its input against it. `version` and `asOf` choose the version that answers
 * (docs/versions.md). The step id is only checked to be text here: whether the step exists is
 * the pathway's question (UNKNOWN_STEP, with a did-you-mean).
 */
export const evaluationRequestSchema = z.strictObject({
  currentStep: z
    .strictObject({ id: z.string().max(200), enteredAt: isoDate.optional() })
    .optional(),
  facts: z.record(z.string(), z.unknown()),
  asOf: isoDate.optional(),
  version: semver.max(64).optional(),
});

/** The request schema under its older name (the evaluator's input). */
export const evaluationInputSchema = evaluationRequestSchema;

/**
 * One line of a patients file (NDJSON, or a CSV record read into this shape): a request plus
 * who the patient is. `pathway synth` writes it; batch, impact, cohort and replay read it.
 */
export const evaluationLineSchema = evaluationRequestSchema.extend({
  id: z.union([z.string().max(200), z.number()]).optional(),
  healthCentre: z.string().max(200).optional(),
});

/** A three-valued truth as a scenario writes it: `true`, `false` or `unknown`. */
const expectedTruth = z.union([z.boolean(), z.literal('unknown')]);

/** What a scenario expects. Every key given is checked; omitted keys are not. */
export const expectationSchema = z.strictObject({
  status: z.enum(['settled', 'needs-information']).optional(),
  step: stepId.optional(),
  path: z.array(stepId).optional(),
  alerts: z.array(stepId).optional(),
  alertsInclude: z.array(stepId).optional(),
  alertsExclude: z.array(stepId).optional(),
  missingFacts: z.array(factName).optional(),
  undecidedAlerts: z.array(stepId).optional(),
  followUps: z
    .array(z.strictObject({ id: stepId, status: z.enum(['upcoming', 'due', 'overdue']) }))
    .optional(),
  facts: z.record(z.string(), z.unknown()).optional(),
  /**
   * Per indicator id: where the patient stands in it (docs/indicators.md). Each part given is
   * checked; an id the version does not declare fails the scenario.
   */
  indicators: z
    .record(
      stepId,
      z.strictObject({
        denominator: expectedTruth.optional(),
        numerator: expectedTruth.optional(),
      }),
    )
    .optional(),
  error: z.string().optional(),
});

/** An example patient with the expected answer, for one or more versions. */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  pathway: stepId,
  versions: z.array(semver).min(1),
  asOf: isoDate,
  input: evaluationRequestSchema.pick({ currentStep: true, facts: true }),
  expect: expectationSchema,
  /** Per-version differences from `expect`, for scenarios that show two versions answering differently. */
  expectByVersion: z.record(semver, expectationSchema).optional(),
});
