import { describe, expect, it } from 'vitest';
import { foldForSearch, searchItems, searchMatches } from '../../editor/src/search/search-items';
import { chronicPain } from './helpers';

describe('the search index', () => {
  it('holds every step, fact, alert, named condition and follow-up of the document', () => {
    const pathway = chronicPain('1.3.0');
    const items = searchItems(pathway, 'en');
    const count = (kind: string) => items.filter((i) => i.kind === kind).length;
    expect(count('step')).toBe(pathway.steps.length);
    expect(count('fact')).toBe(pathway.facts.length);
    expect(count('alert')).toBe(pathway.alerts.length);
    expect(count('named')).toBe(pathway.conditions.length);
    expect(count('follow-up')).toBe(
      pathway.followUps.length + pathway.steps.reduce((n, s) => n + s.followUps.length, 0),
    );
    // A step's follow-up says which step it belongs to.
    const pcm = items.find((i) => i.id === 'pcm-6-weeks');
    expect(pcm?.context).toBe(
      pathway.steps.find((s) => s.id === 'primary-care-management')?.title.en,
    );
  });

  it('takes titles from the interface language', () => {
    const pathway = chronicPain('1.3.0');
    const step = pathway.steps[0];
    if (step === undefined) throw new Error('no step');
    expect(searchItems(pathway, 'da')[0]?.title).toBe(step.title.da);
    expect(searchItems(pathway, 'sv')[0]?.title).toBe(step.title.sv);
  });
});

describe('matching a query', () => {
  it('folds case, accents, hyphens and camelCase', () => {
    expect(foldForSearch('Smärta-Opfølgning')).toBe('smarta opfolgning');
    expect(foldForSearch('painDurationMonths')).toBe('pain duration months');
  });

  it('puts an exact id first, then titles that begin with the query', () => {
    const items = searchItems(chronicPain('1.3.0'), 'en');
    expect(searchMatches(items, 'red-flag')[0]).toMatchObject({ kind: 'alert', id: 'red-flag' });
    const byTitle = searchMatches(items, 'follow-up at 6');
    expect(byTitle[0]?.id).toBe('pcm-6-weeks');
  });

  it('finds by an id written as words and by a title without its accents', () => {
    const pathway = chronicPain('1.3.0');
    expect(searchMatches(searchItems(pathway, 'en'), 'pain duration').map((i) => i.id)).toContain(
      'painDurationMonths',
    );
    const sv = searchItems(pathway, 'sv');
    const withAccent = sv.find((i) => /[åäö]/.test(i.title));
    if (withAccent === undefined) throw new Error('no Swedish title with å, ä or ö');
    const plain = foldForSearch(withAccent.title);
    expect(searchMatches(sv, plain)).toContain(withAccent);
  });

  it('needs every word to match, lists nothing for an empty query and stops at the limit', () => {
    const items = searchItems(chronicPain('1.3.0'), 'en');
    expect(searchMatches(items, '')).toEqual([]);
    expect(searchMatches(items, 'opioid zzzz')).toEqual([]);
    expect(searchMatches(items, 'e', 5)).toHaveLength(5);
  });
});
