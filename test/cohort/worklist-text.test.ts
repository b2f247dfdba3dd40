/** Worklist file names and rows: safe on any file system, in the report's language. */
import { describe, expect, it } from 'vitest';
import { safeFileName, worklistCsvRow, worklistText } from '../../engine/cohort/worklist-text';
import { worklistReason } from '../../engine/cohort/worklist';
import { indicatorPathway, IND_AS_OF } from './indicator-population';

describe('worklist file names', () => {
  it('keep letters without accents, digits, dot, dash and underscore, and never collide', () => {
    const taken = new Set<string>();
    expect(safeFileName('Vårdcentral Åby/Norr', taken)).toBe('Vardcentral_Aby_Norr');
    expect(safeFileName('Vardcentral_Aby_Norr', taken)).toBe('Vardcentral_Aby_Norr-2');
    expect(safeFileName('vardcentral aby norr', taken)).toBe('vardcentral_aby_norr-3');
    expect(safeFileName('../../etc/passwd', taken)).toBe('etc_passwd');
    expect(safeFileName('(none)', taken)).toBe('none_');
    expect(safeFileName('...', taken)).toBe('_');
    expect(safeFileName('CON', taken)).toBe('CON_');
    expect(safeFileName('x'.repeat(200), taken)).toHaveLength(80);
  });
});

describe('worklist rows', () => {
  it('list by direction: higher is better counts against the unmet, lower is better the met', () => {
    const m = (d: 'true' | 'false' | 'unknown', n: 'true' | 'false' | 'unknown') => ({
      id: 'x',
      denominator: d,
      numerator: n,
      missingFacts: [],
    });
    expect(worklistReason(m('true', 'false'), 'higher-is-better')).toBe('counts-against');
    expect(worklistReason(m('true', 'true'), 'higher-is-better')).toBeUndefined();
    expect(worklistReason(m('true', 'true'), 'lower-is-better')).toBe('counts-against');
    expect(worklistReason(m('true', 'false'), 'lower-is-better')).toBeUndefined();
    expect(worklistReason(m('true', 'unknown'), 'lower-is-better')).toBe('numerator-unknown');
    expect(worklistReason(m('unknown', 'unknown'), 'higher-is-better')).toBe('denominator-unknown');
    expect(worklistReason(m('false', 'false'), 'higher-is-better')).toBeUndefined();
  });

  it('name the patient, the indicator and the missing facts by their labels in Swedish', async () => {
    const text = worklistText(await indicatorPathway(), 'sv', IND_AS_OF);
    const row = worklistCsvRow(text, {
      group: 'vc-a',
      line: 9,
      id: undefined,
      indicator: 'screened',
      reason: 'denominator-unknown',
      missingFacts: ['painDurationMonths', 'ompsqShort'],
    });
    expect(row).toBe(
      'inget id,9,screened,Patienter med långvarig smärta screenade (ÖMPSQ),okänt om indikatorn gäller,smärtans duration; ÖMPSQ kortversion\n',
    );
  });
});
