/**
 * `diffPathways(old, new)`: what changed, clinically, between two pathway documents.
 * It compares parsed documents, so key order, quoting and line wrapping can never show;
 * node positions live in the layout file and are not part of the document at all.
 */
import type {
  Alert,
  DrugClass,
  Fact,
  Indicator,
  Measure,
  MmeRow,
  NamedCondition,
  Pathway,
} from '../model/types';
import { diffKeyed, type KeyedSpec } from './diff-keyed';
import { diffMetadata } from './diff-metadata';
import { diffSteps, followUpSpec } from './diff-steps';
import { diffTransitions } from './diff-transitions';
import type { PathwayDiff } from './types';

/** A drug class as compared: its codes first (what a reviewer checks), then its words and sources. */
const DRUG_CLASSES: KeyedSpec<DrugClass> = {
  area: 'drug-class',
  key: (c) => c.id,
  locate: (drugClassId) => ({ drugClassId }),
  fields: ['atc', 'label', 'note', 'references'],
};

/** An MME table row, flattened with its table's id, so each factor change is its own entry. */
export interface MmeRowItem extends MmeRow {
  table: string;
}

const MME_ROWS: KeyedSpec<MmeRowItem> = {
  area: 'mme-row',
  key: (r) => `${r.table} ${r.atc}`,
  locate: (mmeRow) => ({ mmeRow }),
  fields: ['factor', 'unit', 'noFactor', 'drug', 'note', 'source'],
};

const mmeRows = (p: Pathway): MmeRowItem[] =>
  (p.mmeTables ?? []).flatMap((t) => t.rows.map((r) => ({ table: t.id, ...r })));

const FACTS: KeyedSpec<Fact> = {
  area: 'fact',
  key: (f) => f.name,
  locate: (factName) => ({ factName }),
  fields: ['type', 'unit', 'range', 'values', 'derived', 'label', 'description', 'source'],
};

const CONDITIONS: KeyedSpec<NamedCondition> = {
  area: 'condition',
  key: (c) => c.name,
  locate: (conditionName) => ({ conditionName }),
  fields: ['when', 'label', 'description', 'references'],
};

const MEASURES: KeyedSpec<Measure> = {
  area: 'measure',
  key: (m) => m.id,
  locate: (measureId) => ({ measureId }),
  fields: ['title', 'facts'],
};

const ALERTS: KeyedSpec<Alert> = {
  area: 'alert',
  key: (a) => a.id,
  locate: (alertId) => ({ alertId }),
  fields: ['severity', 'when', 'message', 'title', 'references'],
};

/** An indicator: what it counts first (numerator and denominator), then target, words, sources. */
const INDICATORS: KeyedSpec<Indicator> = {
  area: 'indicator',
  key: (i) => i.id,
  locate: (indicatorId) => ({ indicatorId }),
  fields: ['denominator', 'numerator', 'direction', 'target', 'title', 'description', 'references'],
};

/**
 * The semantic diff of two pathway documents, in reading order: metadata, drug classes,
 * MME table rows, facts, named
 * conditions, measures, global transitions, steps (each with its transitions and
 * follow-ups), alerts, pathway-level follow-ups, indicators. Empty `entries` means no clinical change.
 */
export function diffPathways(before: Pathway, after: Pathway): PathwayDiff {
  return {
    old: { id: before.id, version: before.version },
    new: { id: after.id, version: after.version },
    entries: [
      ...diffMetadata(before, after),
      ...diffKeyed(DRUG_CLASSES, before.drugClasses ?? [], after.drugClasses ?? []),
      ...diffKeyed(MME_ROWS, mmeRows(before), mmeRows(after)),
      ...diffKeyed(FACTS, before.facts, after.facts),
      ...diffKeyed(CONDITIONS, before.conditions, after.conditions),
      ...diffKeyed(MEASURES, before.measures, after.measures),
      ...diffTransitions(before.globalTransitions, after.globalTransitions, undefined),
      ...diffSteps(before.steps, after.steps),
      ...diffKeyed(ALERTS, before.alerts, after.alerts),
      ...diffKeyed(followUpSpec(undefined), before.followUps, after.followUps),
      ...diffKeyed(INDICATORS, before.indicators ?? [], after.indicators ?? []),
    ],
  };
}
