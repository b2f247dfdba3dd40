/** Rendering: text, Markdown for pull requests, and JSON the editor marks its canvas from. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { diffPathways } from '../../engine/diff/diff';
import { renderDiff } from '../../engine/diff/render';
import { clinicalListing } from '../../engine/diff/listing';
import { parsePathway } from '../../engine/yaml/parse';
import { chronicPain } from './helpers';

const before = chronicPain('1.0.0');
const after = chronicPain('1.1.0');
const diff = diffPathways(before, after);

describe('renderDiff', () => {
  it('says "no clinical change" in the reader’s language when nothing changed', () => {
    const same = diffPathways(after, after);
    expect(renderDiff(same, { format: 'text', lang: 'en' })).toBe(
      'chronic-pain 1.1.0 → 1.1.0: no clinical change',
    );
    expect(renderDiff(same, { format: 'text', lang: 'sv' })).toBe(
      'chronic-pain 1.1.0 → 1.1.0: ingen klinisk ändring',
    );
    expect(renderDiff(same, { format: 'text', lang: 'da' })).toBe(
      'chronic-pain 1.1.0 → 1.1.0: ingen klinisk ændring',
    );
  });

  it('finds no clinical change in the real pathway file rewritten with other quoting, indentation and key order', () => {
    const rewritten = parsePathway(
      stringify(JSON.parse(JSON.stringify(after)), {
        indent: 4,
        defaultStringType: 'QUOTE_DOUBLE',
      }),
    );
    expect(diffPathways(after, rewritten).entries).toEqual([]);
  });

  it('writes Markdown with a heading per area, fit for a pull request', () => {
    const md = renderDiff(diff, { format: 'md', lang: 'en' });
    expect(md.split('\n')[0]).toBe('### chronic-pain 1.0.0 → 1.1.0: 8 changes');
    for (const heading of [
      '#### Metadata',
      '#### Facts',
      '#### Steps and transitions',
      '#### Alerts',
    ])
      expect(md).toContain(heading);
    expect(md).toContain('- ✏️ `primary-care-management → primary-care-mmr (transition 3)`');
    expect(md).toContain('  - condition: weeksInStep ≥ 12 → ≥ 8');
  });

  it('writes JSON entries with kind, step id, transition indexes, alert id, old and new, and their words', () => {
    const json = JSON.parse(renderDiff(diff, { format: 'json', lang: 'sv' })) as {
      changed: boolean;
      summary: string;
      entries: {
        kind: string;
        stepId?: string;
        oldIndex?: number;
        newIndex?: number;
        alertId?: string;
        old?: unknown;
        new?: { id?: string };
        text: string[];
      }[];
    };
    expect(json.changed).toBe(true);
    expect(json.summary).toBe('chronic-pain 1.0.0 → 1.1.0: 8 ändringar');
    const transition = json.entries.find((e) => e.kind === 'transition-changed');
    expect(transition).toMatchObject({
      stepId: 'primary-care-management',
      oldIndex: 2,
      newIndex: 2,
    });
    expect(transition?.text).toContain('villkor: weeksInStep ≥ 12 → ≥ 8');
    const alert = json.entries.find((e) => e.kind === 'alert-added');
    expect(alert?.alertId).toBe('opioid-gabapentinoid');
    expect(alert?.new?.id).toBe('opioid-gabapentinoid');
    expect(alert?.old).toBeUndefined();
  });
});

describe('clinicalListing', () => {
  it('lists each rule on one line that names its step, position, target and condition', () => {
    const listing = clinicalListing(after, 'en');
    expect(listing).toContain(
      'step primary-care-management transition 3 → primary-care-mmr: weeksInStep ≥ 8 and not improved and mmrEligible',
    );
    expect(listing).toContain('alert opioid-gabapentinoid (warning): onOpioid and onGabapentinoid');
    expect(clinicalListing(before, 'en')).not.toContain('opioid-gabapentinoid');
  });

  it('prints the same listing whatever the order of steps, facts and alerts in the file', () => {
    const shuffled = {
      ...after,
      steps: [...after.steps].reverse(),
      facts: [...after.facts].reverse(),
      alerts: [...after.alerts].reverse(),
    };
    expect(clinicalListing(shuffled, 'sv')).toBe(clinicalListing(after, 'sv'));
  });
});
