/** CSV cohort files: the documented column mapping, and the same counts as the same patients in NDJSON. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvMapping, csvRecord, splitCsvLine } from '../../engine/cohort/csv';
import { cohortReport } from '../../engine/cohort/report';
import { isPathwayError } from '../../engine/errors';
import { runCohort } from '../../engine/node/cohort-run';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { HAND_AS_OF, HAND_NDJSON } from './population';

const repo = await loadRepository(join(process.cwd(), 'pathways'));
const { pathway } = findVersion(repo, 'chronic-pain', { asOf: HAND_AS_OF });

const HEADER =
  'id,healthCentre,currentStep,enteredAt,redFlags,activeSubstanceUseDisorder,dependenceCriteriaCount,declinesPathway,painDurationMonths,ompsqShort,startBackPsychosocial,medications';
/** The hand-computed population of population.ts as CSV, with the same bad lines. */
const CSV = [
  HEADER,
  'a1,vc-a,,,fracture,,,,,,,',
  'a2,vc-a,,,[],false,0,yes,,,,',
  'b1,vc-b,,,[],0,0,no,1,20,1,',
  'b2,vc-b,intake-assessment,2026-09-01,[],false,0,false,,,,',
  'b3,vc-b,,,[],false,0,false,1,20,1,"N02AA01 120 mg/day 2026-10-01; N05BA01 5 mg/day 2026-11-01"',
  'c1,vc-b,,,[],false,0,false,,"fifty",,',
  '',
  'c2,vc-b,"unclosed',
].join('\n');

describe('CSV cohort files', () => {
  it('read quoted fields with commas and doubled quotes', () => {
    expect(splitCsvLine('a,"b,c","d ""e""",')).toEqual(['a', 'b,c', 'd "e"', '']);
    expect(splitCsvLine('"open')).toBeUndefined();
  });

  it('map columns to facts by the dictionary types, lists and medications in the mini-syntax or JSON', () => {
    const mapping = csvMapping(
      'id,healthCentre,currentStep,enteredAt,age,highDailyLifeImpact,redFlags,medications',
      pathway,
      'healthCentre',
    );
    expect(
      csvRecord(
        mapping,
        'p1,vc-x,follow-up,2026-01-02,52,TRUE,fracture;malignancy,N02AB03 25 ug/h; N03AX16 2026-01-10',
      ),
    ).toEqual({
      id: 'p1',
      healthCentre: 'vc-x',
      currentStep: { id: 'follow-up', enteredAt: '2026-01-02' },
      facts: {
        age: 52,
        highDailyLifeImpact: true,
        redFlags: ['fracture', 'malignancy'],
        medications: [
          { atc: 'N02AB03', dose: 25, unit: 'ug/h' },
          { atc: 'N03AX16', since: '2026-01-10' },
        ],
      },
    });
    expect(csvRecord(mapping, 'p2,,,,,,"[""fracture""]","[{""atc"":""N02AA01""}]"').facts).toEqual({
      redFlags: ['fracture'],
      medications: [{ atc: 'N02AA01' }],
    });
  });

  it('refuse a header column that is not an input fact, naming it', () => {
    let caught: unknown;
    try {
      csvMapping('id,ompsqShrt', pathway, undefined);
    } catch (error) {
      caught = error;
    }
    expect(isPathwayError(caught) && caught.code).toBe('INVALID_INPUT');
    expect(String(caught)).toMatch(/ompsqShrt/);
  });

  it('give the same counts as the same patients in NDJSON, with bad lines by line number', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cohort-csv-'));
    await writeFile(join(dir, 'p.csv'), CSV);
    await writeFile(join(dir, 'p.ndjson'), HAND_NDJSON);
    const run = async (name: string, format: 'csv' | 'ndjson') =>
      cohortReport(
        pathway,
        await runCohort({
          pathway,
          file: join(dir, name),
          settings: { format, asOf: HAND_AS_OF, by: 'healthCentre', badLineLimit: 10 },
          workers: 0,
        }),
        { asOf: HAND_AS_OF, by: 'healthCentre', title: 't' },
      );
    const csv = await run('p.csv', 'csv');
    const ndjson = await run('p.ndjson', 'ndjson');
    expect(csv.groups).toEqual(ndjson.groups);
    expect(csv.badLines.map((b) => b.line)).toEqual([7, 9]);
    expect(csv.badLines[0]?.message).toMatch(/^FACT_TYPE facts\.ompsqShort/);
  });

  it('report a line holding 2026-02-30 as a bad line instead of rolling it over to 2 March', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cohort-csv-'));
    const lines = [
      HEADER,
      'a1,vc-a,,,[],false,0,false,1,20,1,',
      'a2,vc-a,intake-assessment,2026-02-30,[],false,0,false,,,,',
      'a3,vc-a,,,[],false,0,false,1,20,1,"N02AA01 120 2026-02-30"',
    ];
    await writeFile(join(dir, 'p.csv'), lines.join('\n'));
    const run = await runCohort({
      pathway,
      file: join(dir, 'p.csv'),
      settings: { format: 'csv', asOf: HAND_AS_OF, by: 'healthCentre', badLineLimit: 10 },
      workers: 0,
    });
    const report = cohortReport(pathway, run, { asOf: HAND_AS_OF, by: 'healthCentre', title: 't' });
    expect(report.badLines.map((b) => b.line)).toEqual([3, 4]);
    expect(report.badLines.map((b) => b.message.split(' ')[0])).toEqual([
      'DATE_FORMAT',
      'DATE_FORMAT',
    ]);
  });
});
