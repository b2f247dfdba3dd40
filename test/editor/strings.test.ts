import { describe, expect, it } from 'vitest';
import {
  isUiLanguage,
  statusName,
  STRINGS,
  UI_LANGUAGES,
  type Strings,
} from '../../editor/src/i18n/strings';

/** Every plain string of a language's table, nested records flattened, by key path. */
function texts(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value))
      for (const [k, v] of texts(inner, prefix === '' ? key : `${prefix}.${key}`)) out.set(k, v);
  return out;
}

/** Every leaf of a language's table (strings and functions), nested records flattened. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value))
      for (const [k, v] of leaves(inner, prefix === '' ? key : `${prefix}.${key}`)) out.set(k, v);
  else out.set(prefix, value);
  return out;
}

/** Sample arguments for each function of the table, by key path. */
const SAMPLES: Record<string, unknown[]> = {
  frozenBanner: ['active'],
  saveFailed: ['disk full'],
  transitionFrom: ['A', 2],
  globalTransition: [2],
  summary: [3, 1],
  inheritedFrom: ['1.1.0'],
  compareBanner: ['1.0.0', '1.1.0'],
  cohortSummary: ['c.json', 12, '2026-01-01'],
  cohortProblem: [{ kind: 'shape', field: 'x', message: 'm' }],
  cohortStepTitle: [3, 5, '10 %'],
  cohortEdgeTitle: [3, '10 %'],
  'canvasAria.node.a11yDescription.ariaLiveMessage': [{ direction: 'up', x: 1, y: 2 }],
  stepAria: ['T', 'L', { entry: true, problems: 2, alerts: 2, visit: 1 }],
  transitionAria: [1, 'A', 'B', 'c'],
  globalTransitionAria: [1, 'B', 'c'],
  stepAlerts: [2],
  pathwayAlerts: [2],
};

/** A language's table as text: strings as they are, functions rendered with SAMPLES. */
function rendering(table: Strings): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of leaves(table)) {
    if (typeof value === 'string') out.set(key, value);
    else if (typeof value === 'function')
      out.set(key, String((value as (...a: unknown[]) => unknown)(...(SAMPLES[key] ?? []))));
  }
  return out;
}

/**
 * Texts that are rightly the same in Swedish and English (a format's name, a word both
 * languages share). Anything else the same is an untranslated string.
 */
const SAME_IN_SV_AND_EN = [
  'jsonView', // JSON
  'status', // Status
  'alertId', // Id
  'sourceKinds.register', // register
  'severities.info', // information
  'factTypes.string', // text
];
/** The same for Danish and English. */
const SAME_IN_DA_AND_EN = [
  'jsonView',
  'factType', // Type
  'status',
  'alertId',
  'sourceKinds.register',
  'severities.info',
];

describe('the interface languages', () => {
  it('are Swedish, Danish and English, and a stored choice is checked before use', () => {
    expect(UI_LANGUAGES).toEqual(['sv', 'da', 'en']);
    expect(isUiLanguage('da')).toBe(true);
    expect(isUiLanguage('no')).toBe(false);
    expect(isUiLanguage(null)).toBe(false);
  });

  it('has Danish for every string, not copies of the Swedish or English', () => {
    const sv = texts(STRINGS.sv);
    const da = texts(STRINGS.da);
    const en = texts(STRINGS.en);
    expect([...da.keys()].sort()).toEqual([...sv.keys()].sort());
    const sameAsSv = [...da].filter(([k, v]) => sv.get(k) === v).map(([k]) => k);
    const sameAsEn = [...da].filter(([k, v]) => en.get(k) === v).map(([k]) => k);
    // Words that are the same in both languages (JSON, Id, Status, register …) only.
    expect(sameAsSv.length).toBeLessThan(da.size / 8);
    expect(sameAsEn.length).toBeLessThan(da.size / 8);
    expect(STRINGS.da.summary(3, 1)).toBe('3 bestået, 1 ikke bestået');
    expect(STRINGS.da.cohortSummary('c.json', 12345, '2026-11-23')).toBe(
      'c.json: 12.345 patienter pr. 2026-11-23',
    );
  });

  it('has no untranslated text: Swedish and Danish differ from English except an explicit list', () => {
    const rendered = UI_LANGUAGES.map((language) => rendering(STRINGS[language]));
    const [sv, da, en] = rendered as [
      Map<string, string>,
      Map<string, string>,
      Map<string, string>,
    ];
    // Every function of the table is rendered with sample arguments, so none is left unchecked.
    const functions = [...leaves(STRINGS.sv)].filter(([, v]) => typeof v === 'function');
    expect(functions.map(([k]) => k).filter((k) => !(k in SAMPLES))).toEqual([]);
    const same = (a: Map<string, string>): string[] =>
      [...a].filter(([k, v]) => en.get(k) === v).map(([k]) => k);
    expect(same(sv).sort()).toEqual([...SAME_IN_SV_AND_EN].sort());
    expect(same(da).sort()).toEqual([...SAME_IN_DA_AND_EN].sort());
  });

  it('uses no common English word in Swedish or Danish text', () => {
    // Not "to": it is Danish for two.
    const ENGLISH =
      /\b(the|and|of|from|step|steps|fact|facts|operator|condition|alert|alerts|node|edge|press|zoom in|zoom out|draft|active|retired|warning|error|save|open|years|months|weeks|days)\b/i;
    for (const language of ['sv', 'da'] as const) {
      const english = [...rendering(STRINGS[language])]
        .filter(([, text]) => ENGLISH.test(text))
        .map(([key, text]) => `${key}: ${text}`);
      expect(english, language).toEqual([]);
    }
  });

  it('names nodes and edges for screen readers from titles, with what the badges show', () => {
    const details = { entry: true, problems: 2, alerts: 1, visit: 3 };
    expect(STRINGS.sv.stepAria('Bedömning', 'Primärvård', details)).toBe(
      'Bedömning, Primärvård, start, steg 3 i vägen, 2 problem, 1 varning',
    );
    expect(STRINGS.da.stepAria('Vurdering', 'Almen praksis', { ...details, entry: false })).toBe(
      'Vurdering, Almen praksis, trin 3 i forløbet, 2 problemer, 1 advarsel',
    );
    expect(STRINGS.en.transitionAria(2, 'Intake', 'Exit', 'age < 18 years')).toBe(
      'Transition 2 from Intake to Exit: age < 18 years',
    );
    expect(STRINGS.sv.pathwayAlerts(3)).toBe('3 varningar gäller alla steg');
  });

  it('names version statuses in the interface language and leaves unknown ones as they are', () => {
    expect(statusName(STRINGS.da, 'retired')).toBe('udgået');
    expect(statusName(STRINGS.sv, 'draft')).toBe('utkast');
    expect(statusName(STRINGS.en, 'active')).toBe('active');
    expect(statusName(STRINGS.da, 'something')).toBe('something');
  });
});
