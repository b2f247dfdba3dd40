/** Rules about texts: missing translations and alert message placeholders. */
import { describe, expect, it } from 'vitest';
import { at, edited, issuesOf, only } from './helpers';

describe('missing-text', () => {
  it('flags a text lacking a language the pathway declares', () => {
    const doc = edited((d) => {
      at(d.steps, 0).title = { sv: 'Start' };
    });
    const issue = only(issuesOf(doc, 'missing-text'));
    expect(issue).toMatchObject({ path: 'steps[0].title.en', stepId: 'start' });
    expect(issue.message).toBe('The step "start" title has no English (en) text');
  });

  it('checks every kind of text once a language is added', () => {
    const doc = edited((d) => {
      d.languages = ['sv', 'da', 'en'];
      at(d.steps, 0).actions = [{ sv: 'Gör', en: 'Do' }];
      d.followUps = [{ id: 'yearly', title: { sv: 'År', en: 'Year' }, measures: ['nrs'] }];
    });
    const paths = issuesOf(doc, 'missing-text').map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'title.da',
        'facts[0].label.da',
        'measures[0].title.da',
        'globalTransitions[0].reason.da',
        'steps[0].title.da',
        'steps[0].actions[0].da',
        'steps[0].transitions[1].reason.da',
        'alerts[1].message.da',
        'followUps[0].title.da',
      ]),
    );
    expect(paths.every((p) => p.endsWith('.da'))).toBe(true);
  });

  it('gives the transition index of a transition reason', () => {
    const doc = edited((d) => {
      at(at(d.steps, 0).transitions, 1).reason = { en: 'not chronic' };
    });
    expect(only(issuesOf(doc, 'missing-text'))).toMatchObject({
      path: 'steps[0].transitions[1].reason.sv',
      stepId: 'start',
      transitionIndex: 1,
    });
  });

  it('does not ask for languages the pathway does not declare', () => {
    const doc = edited((d) => {
      d.languages = ['sv'];
      at(d.steps, 0).title = { sv: 'Start', da: 'Start' };
    });
    expect(issuesOf(doc, 'missing-text')).toEqual([]);
  });
});

describe('alert-template', () => {
  it('flags an alert message placeholder that is not a fact', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).message = { sv: 'Poäng {score}', en: 'Score {scor} ≥ 50' };
    });
    const issue = only(issuesOf(doc, 'alert-template'));
    expect(issue).toMatchObject({ path: 'alerts[0].message.en', alertId: 'high-score' });
    expect(issue.message).toContain('{scor}');
    expect(issue.message).toContain('did you mean "score"?');
  });

  it('accepts placeholders that name facts, including facts the alert does not test', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).message = { sv: '{score} ({age} år)', en: '{score} (age {age})' };
    });
    expect(issuesOf(doc, 'alert-template')).toEqual([]);
  });
});
