import { describe, expect, it } from 'vitest';
import { checkNewName, parseValues } from '../../editor/src/model/dictionary';
import { computeProblems } from '../../editor/src/model/problems';
import { chronicPain, openDraftStore } from './helpers';

const rules = (store: ReturnType<typeof openDraftStore>) => {
  const pathway = store.getState().pathway;
  return pathway === null ? [] : computeProblems(pathway).map((p) => p.rule);
};

describe('checking a new name', () => {
  const pathway = chronicPain();
  it('refuses empty, malformed and taken names, per kind', () => {
    expect(checkNewName(pathway, 'fact', '')).toBe('empty');
    expect(checkNewName(pathway, 'fact', 'Pain score')).toBe('invalid');
    expect(checkNewName(pathway, 'fact', 'painDurationMonths')).toBe('duplicate');
    expect(checkNewName(pathway, 'fact', 'sleepHours')).toBeNull();
    expect(checkNewName(pathway, 'condition', 'chronic')).toBe('duplicate');
    expect(checkNewName(pathway, 'alert', 'redFlag')).toBe('invalid');
    expect(checkNewName(pathway, 'alert', 'red-flag')).toBe('duplicate');
    expect(checkNewName(pathway, 'alert', 'sleep-warning')).toBeNull();
  });

  it('reads a comma list of allowed values, numbers for numeric facts', () => {
    expect(parseValues('a, b,, c ', 'string')).toEqual(['a', 'b', 'c']);
    expect(parseValues('1, 2, x', 'integer')).toEqual([1, 2, 'x']);
    expect(parseValues(' ', 'string')).toEqual([]);
  });
});

describe('the dictionary actions', () => {
  it('adds a fact, selects it, refuses a duplicate, and undoes and redoes the add', () => {
    const store = openDraftStore();
    const before = store.getState().pathway;
    expect(store.getState().addFact('sleepHours', 'number')).toBeNull();
    const fact = store.getState().pathway?.facts.at(-1);
    expect(fact).toEqual({
      name: 'sleepHours',
      type: 'number',
      label: { sv: 'sleepHours', da: 'sleepHours', en: 'sleepHours' },
    });
    expect(store.getState().selection).toEqual({ kind: 'fact', name: 'sleepHours' });
    const after = store.getState().pathway;
    expect(store.getState().addFact('sleepHours', 'integer')).toBe('duplicate');
    expect(store.getState().pathway).toBe(after);
    store.getState().undo();
    expect(store.getState().pathway).toBe(before);
    store.getState().redo();
    expect(store.getState().pathway).toBe(after);
  });

  it('removes a fact still in use: lint lists unknown-fact problems; undo removes them', () => {
    const store = openDraftStore();
    expect(rules(store)).not.toContain('unknown-fact');
    store.getState().select({ kind: 'fact', name: 'painDurationMonths' });
    store.getState().removeFact('painDurationMonths');
    expect(store.getState().pathway?.facts.some((f) => f.name === 'painDurationMonths')).toBe(
      false,
    );
    expect(store.getState().selection).toBeNull();
    const problems = computeProblems(store.getState().pathway!);
    expect(
      problems.some((p) => p.rule === 'unknown-fact' && p.message.includes('painDurationMonths')),
    ).toBe(true);
    store.getState().undo();
    expect(rules(store)).not.toContain('unknown-fact');
  });

  it('adds and removes a named condition; removing one still named shows unknown-condition', () => {
    const store = openDraftStore();
    expect(store.getState().addNamedCondition('chronic')).toBe('duplicate');
    expect(store.getState().addNamedCondition('poorSleep')).toBeNull();
    const added = store.getState().pathway?.conditions.at(-1);
    expect(added?.name).toBe('poorSleep');
    // Issue 18: a new named condition starts never true (it was a live "fact = yes" before).
    expect(added?.when).toEqual({ not: { all: [] } });
    expect(store.getState().selection).toEqual({ kind: 'named', name: 'poorSleep' });
    store.getState().removeNamedCondition('chronic');
    expect(rules(store)).toContain('unknown-condition');
    store.getState().undo();
    expect(rules(store)).not.toContain('unknown-condition');
  });

  it('adds an alert with severity, placeholder condition and message, and removes it again', () => {
    const store = openDraftStore();
    const count = store.getState().pathway?.alerts.length ?? 0;
    expect(
      store.getState().addAlert('sleep-warning', 'info', { sv: 'Sömn', en: 'Sleep' }),
    ).toBeNull();
    const alert = store.getState().pathway?.alerts.at(-1);
    expect(alert).toMatchObject({
      id: 'sleep-warning',
      severity: 'info',
      message: { sv: 'Sömn', en: 'Sleep' },
    });
    // Lint speaks at once: the pathway is written in sv, da and en, and da is missing.
    const errors = computeProblems(store.getState().pathway!).filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.rule, p.path])).toEqual([
      ['missing-text', `alerts[${count}].message.da`],
    ]);
    expect(store.getState().addAlert('red-flag', 'critical', { en: 'x' })).toBe('duplicate');
    expect(store.getState().addAlert('Bad Id', 'critical', { en: 'x' })).toBe('invalid');
    store.getState().removeAlert('sleep-warning');
    expect(store.getState().pathway?.alerts.length).toBe(count);
    expect(store.getState().selection).toBeNull();
  });

  it('changes nothing in a read-only version', () => {
    const store = openDraftStore(true);
    const before = store.getState().pathway;
    expect(store.getState().addFact('sleepHours', 'number')).toBe('read-only');
    expect(store.getState().addAlert('sleep-warning', 'info', { en: 'x' })).toBe('read-only');
    store.getState().removeFact('painDurationMonths');
    store.getState().removeAlert('red-flag');
    store.getState().removeNamedCondition('chronic');
    expect(store.getState().pathway).toBe(before);
    expect(store.getState().past).toEqual([]);
  });
});
