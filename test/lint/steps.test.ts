/** Rules about the shape of the step graph. */
import { describe, expect, it } from 'vitest';
import { leaf, step, to } from '../fixtures/pathways';
import { at, edited, issuesOf, only } from './helpers';

describe('unreachable-step', () => {
  it('flags a step no transition leads to', () => {
    const doc = edited((d) => {
      d.steps.push(step('orphan', 'primary-care', [to('done', leaf('done', 'equal', true))]));
    });
    const issue = only(issuesOf(doc, 'unreachable-step'));
    expect(issue).toMatchObject({ path: 'steps[4]', stepId: 'orphan', severity: 'error' });
    expect(issue.message).toContain('Step "orphan" cannot be reached from the entry step "start"');
  });

  it('does not follow global transitions out of an exit step', () => {
    const doc = edited((d) => {
      d.entryStep = 'done';
    });
    expect(issuesOf(doc, 'unreachable-step').map((i) => i.stepId)).toEqual([
      'start',
      'treat',
      'flagged',
    ]);
  });

  it('counts a step reached only through a global transition as reachable', () => {
    const doc = edited(() => undefined);
    expect(doc.steps.some((s) => s.transitions.some((t) => t.to === 'flagged'))).toBe(false);
    expect(issuesOf(doc, 'unreachable-step')).toEqual([]);
  });
});

describe('dead-end-step', () => {
  it('flags a step that is not an exit and has no transitions of its own', () => {
    const doc = edited((d) => {
      at(d.steps, 1).transitions = [];
    });
    const issue = only(issuesOf(doc, 'dead-end-step'));
    expect(issue).toMatchObject({ path: 'steps[1].transitions', stepId: 'treat' });
    expect(issue.message).toContain('Step "treat" (specialist-care) has no transitions');
  });

  it('accepts an exit step without transitions', () => {
    const doc = edited((d) => {
      d.steps.push(step('stopped', 'exit'));
      at(d.steps, 0).transitions.push(to('stopped', leaf('done', 'equal', true)));
    });
    expect(issuesOf(doc, 'dead-end-step')).toEqual([]);
  });
});

describe('exit-step-transitions', () => {
  it('warns about transitions out of an exit step, which are never taken', () => {
    const doc = edited((d) => {
      at(d.steps, 2).transitions = [to('start', leaf('done', 'equal', false))];
    });
    const issue = only(issuesOf(doc, 'exit-step-transitions'));
    expect(issue).toMatchObject({
      path: 'steps[2].transitions',
      stepId: 'done',
      severity: 'warning',
    });
    expect(issue.message).toContain('Exit step "done"');
  });

  it('accepts transitions out of a non-exit step', () => {
    expect(
      issuesOf(
        edited(() => undefined),
        'exit-step-transitions',
      ),
    ).toEqual([]);
  });
});
