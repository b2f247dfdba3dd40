/**
 * Pathway types, inferred from the schema so that the file format is defined exactly once.
 * `Pathway` is the parsed, validated document (defaults applied).
 */
import type { z } from 'zod';
import type {
  alertSchema,
  caseMixFactSchema,
  conditionSchema,
  derivationSchema,
  drugClassSchema,
  evaluationInputSchema,
  expectationSchema,
  factSchema,
  followUpSchema,
  indicatorConditionSchema,
  indicatorSchema,
  leafConditionSchema,
  measureSchema,
  mmeRowSchema,
  mmeTableSchema,
  namedConditionSchema,
  pathwaySchema,
  referenceSchema,
  scenarioSchema,
  stepSchema,
  textsSchema,
  transitionSchema,
  LANGUAGES,
  LEVELS,
  OPERATORS,
} from './schema';

export type Pathway = z.infer<typeof pathwaySchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type LeafCondition = z.infer<typeof leafConditionSchema>;
export type Texts = z.infer<typeof textsSchema>;
export type Fact = z.infer<typeof factSchema>;
export type Derivation = z.infer<typeof derivationSchema>;
export type DrugClass = z.infer<typeof drugClassSchema>;
export type MmeTableData = z.infer<typeof mmeTableSchema>;
export type MmeRow = z.infer<typeof mmeRowSchema>;
export type NamedCondition = z.infer<typeof namedConditionSchema>;
export type Transition = z.infer<typeof transitionSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Alert = z.infer<typeof alertSchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type Measure = z.infer<typeof measureSchema>;
/** A quality indicator declared in the file. */
export type Indicator = z.infer<typeof indicatorSchema>;
/** An indicator's denominator or numerator (facts and outcome terms). */
export type IndicatorCondition = z.infer<typeof indicatorConditionSchema>;
/** One case-mix stratum fact. */
export type CaseMixFact = z.infer<typeof caseMixFactSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Expectation = z.infer<typeof expectationSchema>;
export type Language = (typeof LANGUAGES)[number];
export type Level = (typeof LEVELS)[number];
export type Operator = (typeof OPERATORS)[number];
export type Severity = Alert['severity'];
