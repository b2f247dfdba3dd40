/**
 * One diff entry as a reviewer reads it: a marker (+ added, - removed, ~ changed), what it
 * is about (`primary-care-management → primary-care-mmr (transition 3)`), a short summary
 * and detail lines. The text, Markdown and JSON renderings are all built from this view.
 */
import type {
  Alert,
  DrugClass,
  Fact,
  FollowUp,
  Indicator,
  Language,
  Measure,
  NamedCondition,
  Step,
  Transition,
} from '../model/types';
import { describeCondition } from './condition-words';
import type { MmeRowItem } from './diff';
import { describeFieldChange, fieldLabel, type Detail } from './field-words';
import type { DiffEntry } from './types';
import { describeDerivation, describeValue, quoteText } from './value-words';
import { DIFF_WORDS } from './words';

/** The words for one entry. */
export interface EntryView {
  marker: '+' | '-' | '~';
  subject: string;
  summary?: string;
  details: Detail[];
}

const MARKERS = { added: '+', removed: '-' } as const;

/** The item an added or removed entry holds. */
function item(entry: DiffEntry): unknown {
  return entry.change === 'removed' ? entry.old : entry.new;
}

function transitionSummary(t: Transition, language: Language): string {
  return `→ ${t.to}: ${describeCondition(t.when, language)}`;
}

function factSummary(f: Fact, language: Language): string {
  const parts = [f.unit === undefined ? f.type : `${f.type} (${f.unit})`];
  if (f.range !== undefined) parts.push(describeValue('range', f.range, language));
  if (f.values !== undefined) parts.push(f.values.join(', '));
  if (f.derived !== undefined) parts.push(describeDerivation(f.derived, language));
  return `${parts.join(', ')} — ${quoteText(f.label, language)}`;
}

function followUpSummary(f: FollowUp, language: Language): string {
  return `${quoteText(f.title, language)}: ${f.measures.join(', ')}`;
}

/** Summary and details of an added or removed item. */
function itemView(entry: DiffEntry, language: Language): Pick<EntryView, 'summary' | 'details'> {
  const words = DIFF_WORDS[language];
  const label = (field: string): string => fieldLabel(field, language);
  const note = (field: string, text: string): Detail => ({
    kind: 'note',
    label: label(field),
    text,
  });
  switch (entry.area) {
    case 'drug-class': {
      const c = item(entry) as DrugClass;
      const codes = [...c.atc.prefixes.map((p) => `${p}*`), ...c.atc.codes].join(', ');
      return {
        summary: `${quoteText(c.label, language)}: ATC ${codes}`,
        details: [note('references', c.references.join(', '))],
      };
    }
    case 'mme-row': {
      const r = item(entry) as MmeRowItem;
      const factor =
        r.factor === undefined
          ? `noFactor: ${r.noFactor ?? ''}`
          : `× ${r.factor} (${r.unit ?? ''})`;
      return {
        summary: `${r.drug} ${factor}`,
        details: [note('source', r.source)],
      };
    }
    case 'fact':
      return { summary: factSummary(item(entry) as Fact, language), details: [] };
    case 'condition':
      return {
        summary: describeCondition((item(entry) as NamedCondition).when, language),
        details: [],
      };
    case 'measure':
      return { summary: quoteText((item(entry) as Measure).title, language), details: [] };
    case 'global-transition':
    case 'transition': {
      const t = item(entry) as Transition;
      return {
        summary: describeCondition(t.when, language),
        details: [note('reason', quoteText(t.reason, language))],
      };
    }
    case 'step': {
      const s = item(entry) as Step;
      return {
        summary: `${s.level}, ${quoteText(s.title, language)}`,
        details: s.transitions.map((t, i) => ({
          kind: 'note',
          label: words.transition(i + 1),
          text: transitionSummary(t, language),
        })),
      };
    }
    case 'alert': {
      const a = item(entry) as Alert;
      return {
        summary: describeCondition(a.when, language),
        details: [note('message', quoteText(a.message, language))],
      };
    }
    case 'follow-up':
      return { summary: followUpSummary(item(entry) as FollowUp, language), details: [] };
    case 'indicator': {
      const x = item(entry) as Indicator;
      return {
        summary: `${quoteText(x.title, language)} (${x.direction}${x.target === undefined ? '' : `, ${label('target')} ${x.target}`})`,
        details: [
          note('denominator', describeCondition(x.denominator, language)),
          note('numerator', describeCondition(x.numerator, language)),
          note('references', x.references.join(', ')),
        ],
      };
    }
    case 'metadata':
      return { details: [] };
  }
}

/** What the entry is about, e.g. `alert opioid-gabapentinoid (warning)`. */
function subject(entry: DiffEntry, language: Language): string {
  const words = DIFF_WORDS[language];
  const position = (entry.newIndex ?? entry.oldIndex ?? 0) + 1;
  switch (entry.area) {
    case 'metadata':
      return fieldLabel(entry.field ?? '', language);
    case 'drug-class':
      return entry.drugClassId ?? '';
    case 'mme-row':
      return entry.mmeRow ?? '';
    case 'fact':
      return entry.factName ?? '';
    case 'condition':
      return entry.conditionName ?? '';
    case 'measure':
      return entry.measureId ?? '';
    case 'global-transition':
      return entry.change === 'reordered'
        ? words.order
        : `${words.globalTransition(position)} → ${entry.to ?? ''}`;
    case 'transition':
      return entry.change === 'reordered'
        ? `${entry.stepId ?? ''}: ${words.order}`
        : `${entry.stepId ?? ''} → ${entry.to ?? ''} (${words.transition(position)})`;
    case 'step': {
      const step = (entry.new ?? entry.old) as Step | undefined;
      return step === undefined
        ? (entry.stepId ?? '')
        : `${entry.stepId ?? ''} ${quoteText(step.title, language)}`;
    }
    case 'alert': {
      const alert = (entry.new ?? entry.old) as Alert | undefined;
      return `${entry.alertId ?? ''}${alert === undefined ? '' : ` (${alert.severity})`}`;
    }
    case 'follow-up':
      return entry.stepId === undefined
        ? (entry.followUpId ?? '')
        : `${entry.followUpId ?? ''} (${words.followUpOf(entry.stepId)})`;
    case 'indicator':
      return entry.indicatorId ?? '';
  }
}

function orderView(entry: DiffEntry): Pick<EntryView, 'summary' | 'details'> {
  const show = (places: unknown): string =>
    Array.isArray(places) ? places.map((p: { to: string }) => p.to).join(', ') : '';
  return { summary: `${show(entry.old)} → ${show(entry.new)}`, details: [] };
}

/** The words for one entry, in `language`. */
export function describeEntry(entry: DiffEntry, language: Language): EntryView {
  const marker =
    entry.change === 'added' || entry.change === 'removed' ? MARKERS[entry.change] : '~';
  const head = subject(entry, language);
  if (entry.change === 'added' || entry.change === 'removed')
    return { marker, subject: head, ...itemView(entry, language) };
  if (entry.change === 'reordered') return { marker, subject: head, ...orderView(entry) };
  if (entry.area === 'metadata' && entry.fields.length === 1 && entry.fields[0] !== undefined) {
    const detail = describeFieldChange(entry.fields[0], language, '');
    if (detail.kind === 'note') return { marker, subject: head, summary: detail.text, details: [] };
    if (detail.inline)
      return { marker, subject: head, summary: `${detail.before} → ${detail.after}`, details: [] };
    return { marker, subject: head, details: [detail] };
  }
  return {
    marker,
    subject: head,
    details: entry.fields.map((f) => describeFieldChange(f, language)),
  };
}
