/** A save conflict merged element by element, with the other change in words. */
import { describe, expect, it } from 'vitest';
import { conflictElements, mergeDocuments } from '../../editor/src/conflict/merge';
import type { Pathway } from '../../engine/model/types';
import { chronicPain, chronicPainLayout } from './helpers';

const base = (): Pathway => ({ ...chronicPain('1.3.0'), version: '1.4.0', status: 'draft' });
const layout = chronicPainLayout('1.3.0');

function retitleStep(p: Pathway, id: string, en: string): Pathway {
  return {
    ...p,
    steps: p.steps.map((s) => (s.id === id ? { ...s, title: { ...s.title, en } } : s)),
  };
}

function resevere(p: Pathway, id: string, severity: 'info' | 'warning' | 'critical'): Pathway {
  return { ...p, alerts: p.alerts.map((a) => (a.id === id ? { ...a, severity } : a)) };
}

describe('merging a save conflict', () => {
  const b = base();
  const [first, second] = b.alerts;
  if (first === undefined || second === undefined) throw new Error('fixture has two alerts');
  const newAlert = { ...first, id: 'their-new-alert' };
  // Two severities other than the second alert's own, one for each side.
  const [myLevel = 'info', theirLevel = 'info'] = (['info', 'warning', 'critical'] as const).filter(
    (l) => l !== second.severity,
  );
  // Mine: the first alert critical→info. Theirs: a step retitled, an alert added after the
  // first, and the second alert changed — which I changed too, differently.
  const mine = resevere(
    resevere(b, first.id, first.severity === 'info' ? 'warning' : 'info'),
    second.id,
    myLevel,
  );
  const theirs = (() => {
    const t = resevere(retitleStep(b, 'follow-up', 'Their follow-up'), second.id, theirLevel);
    return { ...t, alerts: [t.alerts[0], newAlert, ...t.alerts.slice(1)] as Pathway['alerts'] };
  })();

  it('lists each differing element with who changed it and the other change in words', () => {
    const elements = conflictElements(b, mine, theirs, 'en');
    const byKey = new Map(elements.map((e) => [e.key, e]));
    expect(byKey.get('steps:follow-up')).toMatchObject({
      changedBy: 'theirs',
      preferred: 'theirs',
    });
    expect(byKey.get('steps:follow-up')?.theirChange.join(' ')).toContain('Their follow-up');
    expect(byKey.get(`alerts:${first.id}`)).toMatchObject({ changedBy: 'mine', preferred: 'mine' });
    expect(byKey.get(`alerts:${second.id}`)).toMatchObject({
      changedBy: 'both',
      preferred: 'mine',
    });
    expect(byKey.get('alerts:their-new-alert')?.changedBy).toBe('theirs');
    expect(byKey.get('alerts:their-new-alert')?.theirChange.length).toBeGreaterThan(0);
    // Elements nobody changed are not listed.
    expect(byKey.has('steps:intake-assessment')).toBe(false);
  });

  it('merges with the preferred choices: their changes taken, mine kept, mine where both changed', () => {
    const elements = conflictElements(b, mine, theirs, 'en');
    const merged = mergeDocuments(
      { pathway: mine, layout },
      { pathway: theirs, layout },
      elements,
      {},
    );
    expect(merged.pathway.steps.find((s) => s.id === 'follow-up')?.title.en).toBe(
      'Their follow-up',
    );
    expect(merged.pathway.alerts.find((a) => a.id === first.id)?.severity).not.toBe(first.severity);
    expect(merged.pathway.alerts.find((a) => a.id === second.id)?.severity).toBe(myLevel);
    // Their new alert sits where they put it: after the first.
    expect(merged.pathway.alerts.map((a) => a.id).slice(0, 2)).toEqual([
      first.id,
      'their-new-alert',
    ]);
  });

  it('takes theirs where the author chooses so, and can drop their addition', () => {
    const elements = conflictElements(b, mine, theirs, 'en');
    const merged = mergeDocuments(
      { pathway: mine, layout },
      { pathway: theirs, layout },
      elements,
      {
        [`alerts:${second.id}`]: 'theirs',
        'alerts:their-new-alert': 'mine',
      },
    );
    expect(merged.pathway.alerts.find((a) => a.id === second.id)?.severity).toBe(theirLevel);
    expect(merged.pathway.alerts.some((a) => a.id === 'their-new-alert')).toBe(false);
  });

  it('counts every difference as changed by both when the common base is unknown', () => {
    const elements = conflictElements(null, mine, theirs, 'sv');
    expect(elements.every((e) => e.changedBy === 'both' && e.preferred === 'mine')).toBe(true);
    expect(elements.map((e) => e.key)).toContain('steps:follow-up');
  });
});
