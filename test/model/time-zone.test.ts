/** A pathway's optional `timeZone`: validated by the schema, printed canonically, shown by diff. */
import { describe, expect, it } from 'vitest';
import { diffPathways } from '../../engine/diff/diff';
import { clinicalListing } from '../../engine/diff/listing';
import { renderDiff } from '../../engine/diff/render';
import { pathwaySchema } from '../../engine/model/schema';
import { parsePathway } from '../../engine/yaml/parse';
import { printPathway } from '../../engine/yaml/print';
import { miniPathway } from '../fixtures/pathways';

describe('the pathway time zone', () => {
  it('is optional, so every pathway without one stays valid and reckons in UTC', () => {
    const doc = miniPathway();
    expect(doc.timeZone).toBeUndefined();
    expect(pathwaySchema.safeParse(doc).success).toBe(true);
  });

  it('accepts an IANA zone and refuses a name no runtime knows', () => {
    expect(pathwaySchema.safeParse(miniPathway({ timeZone: 'Europe/Stockholm' })).success).toBe(
      true,
    );
    const bad = pathwaySchema.safeParse(miniPathway({ timeZone: 'Europe/Stockholmm' }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['timeZone']);
  });

  it('is printed right after the effective dates and read back unchanged', () => {
    const text = printPathway(miniPathway({ timeZone: 'Europe/Stockholm' }));
    expect(text).toMatch(/\neffective:\n(?: {2}.*\n)+timeZone: Europe\/Stockholm\n/);
    expect(parsePathway(text).timeZone).toBe('Europe/Stockholm');
    expect(printPathway(parsePathway(text))).toBe(text);
  });

  it('is a metadata change in the semantic diff', () => {
    const diff = diffPathways(miniPathway(), miniPathway({ timeZone: 'Europe/Stockholm' }));
    expect(diff.entries).toMatchObject([
      { kind: 'metadata-changed', field: 'timeZone', new: 'Europe/Stockholm' },
    ]);
    expect(renderDiff(diff, { format: 'text', lang: 'en' })).toContain('time zone');
  });

  it('appears in the clinical listing only when set', () => {
    expect(clinicalListing(miniPathway(), 'en')).not.toContain('time zone');
    expect(clinicalListing(miniPathway({ timeZone: 'Europe/Stockholm' }), 'en')).toContain(
      'time zone: Europe/Stockholm',
    );
  });
});
