/**
 * duplicate-id: two steps, facts, alerts, named conditions, measures, follow-ups,
 * indicators or references with the same id. Lookups use the first, so the second would be silently
 * ignored. Follow-up ids are checked across the whole document because results and
 * scenarios name a follow-up by id alone.
 */
import { formatPath, type PathSegment } from '../../model/path';
import type { PathwayRule } from '../context';
import { makeIssue, type Location } from '../issue';
import type { LintIssue } from '../types';
import { followUpSites } from '../walk';

interface Named {
  readonly id: string;
  readonly path: readonly PathSegment[];
  readonly at: Location;
}

function duplicates(kind: string, items: readonly Named[]): LintIssue[] {
  const first = new Map<string, Named>();
  const issues: LintIssue[] = [];
  for (const item of items) {
    const earlier = first.get(item.id);
    if (earlier === undefined) {
      first.set(item.id, item);
      continue;
    }
    issues.push(
      makeIssue(
        'duplicate-id',
        'error',
        `${kind} "${item.id}" is defined twice: already at ${formatPath(earlier.path.slice(0, -1))}`,
        item.path,
        item.at,
      ),
    );
  }
  return issues;
}

/** The `duplicate-id` rule; see the comment at the top of this file. */
export const duplicateId: PathwayRule = {
  rule: 'duplicate-id',
  check({ doc }) {
    return [
      ...duplicates(
        'Reference',
        doc.references.map((r, i) => ({ id: r.id, path: ['references', i, 'id'], at: {} })),
      ),
      ...duplicates(
        'Fact',
        doc.facts.map((f, i) => ({ id: f.name, path: ['facts', i, 'name'], at: {} })),
      ),
      ...duplicates(
        'Measure',
        doc.measures.map((m, i) => ({ id: m.id, path: ['measures', i, 'id'], at: {} })),
      ),
      ...duplicates(
        'Condition',
        doc.conditions.map((c, i) => ({ id: c.name, path: ['conditions', i, 'name'], at: {} })),
      ),
      ...duplicates(
        'Step',
        doc.steps.map((s, i) => ({ id: s.id, path: ['steps', i, 'id'], at: { stepId: s.id } })),
      ),
      ...duplicates(
        'Follow-up',
        followUpSites(doc).map((site) => ({
          id: site.followUp.id,
          path: [...site.path, 'id'],
          at: site.at,
        })),
      ),
      ...duplicates(
        'Alert',
        doc.alerts.map((a, i) => ({ id: a.id, path: ['alerts', i, 'id'], at: { alertId: a.id } })),
      ),
      ...duplicates(
        'Indicator',
        (doc.indicators ?? []).map((x, i) => ({ id: x.id, path: ['indicators', i, 'id'], at: {} })),
      ),
    ];
  },
};
