/**
 * `pathway cohort` with indicators: the report's indicator section in every output with small
 * cells suppressed, `--lang`, `--worklists` (and nothing written without it) and `--store`.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';
import { openResultsStore } from '../../engine/results/store';
import { printPathway } from '../../engine/yaml/print';
import { indicatorPathway, IND_AS_OF, IND_NDJSON } from '../cohort/indicator-population';

/** A folder with the indicator pathway as a file and the hand-computed population. */
async function setup(): Promise<{ dir: string; pathway: string; patients: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-ind-cli-'));
  await mkdir(join(dir, 'chronic-pain'));
  const pathway = join(dir, 'chronic-pain', '1.2.0.yaml');
  await writeFile(pathway, printPathway(await indicatorPathway()));
  const patients = join(dir, 'p.ndjson');
  await writeFile(patients, IND_NDJSON);
  return { dir, pathway, patients };
}

async function cohort(
  s: { dir: string; pathway: string; patients: string },
  ...extra: string[]
): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(process.cwd());
  const code = await main(
    [
      'cohort',
      s.pathway,
      '--patients',
      s.patients,
      '--as-of',
      IND_AS_OF,
      '--by',
      'healthCentre',
      '--out',
      join(s.dir, 'out'),
      '--workers',
      '0',
      ...extra,
    ],
    io,
  );
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const read = (...path: string[]) => readFile(join(...path), 'utf8');

describe('pathway cohort with indicators', () => {
  it('writes each centre’s worklist as CSV and HTML: patient id (or “no id”), reason, missing facts', async () => {
    const s = await setup();
    const run = await cohort(s, '--worklists', join(s.dir, 'lists'));
    expect(run.code, run.err).toBe(0);
    expect((await readdir(join(s.dir, 'lists'))).sort()).toEqual([
      'vc-a.csv',
      'vc-a.html',
      'vc-b.csv',
      'vc-b.html',
    ]);
    expect(await read(s.dir, 'lists', 'vc-a.csv')).toBe(
      [
        'patient,line,id,indicator,reason,missing facts',
        'a1,1,opioid-mme-50,Opioid users on ≥ 50 MME/day,counted in the indicator (lower is better),',
        'a2,2,screened,Chronic-pain patients screened (ÖMPSQ),"belongs to the indicator, but whether it is met is unknown (incomplete / unknown)",ÖMPSQ short form',
        'a3,3,opioid-mme-50,Opioid users on ≥ 50 MME/day,"belongs to the indicator, but whether it is met is unknown (incomplete / unknown)",opioid dose in morphine equivalents',
        'a4,4,opioid-mme-50,Opioid users on ≥ 50 MME/day,counted in the indicator (lower is better),',
        'a4,4,screened,Chronic-pain patients screened (ÖMPSQ),unknown whether the indicator applies,pain duration',
        '',
      ].join('\n'),
    );
    const b = await read(s.dir, 'lists', 'vc-b.csv');
    expect(b).toContain('no id,5,opioid-mme-50,');
    expect(b).toContain('unknown whether the indicator applies,current medications');
    const html = await read(s.dir, 'lists', 'vc-b.html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<td>no id</td><td class="n">5</td>');
    expect(html).toContain('</table>');
    expect(run.out).toMatch(/wrote 2 worklists/);
  });

  it('writes no worklist, anywhere, without --worklists', async () => {
    const s = await setup();
    const run = await cohort(s);
    expect(run.code, run.err).toBe(0);
    expect((await readdir(s.dir)).sort()).toEqual(['chronic-pain', 'out', 'p.ndjson']);
    expect((await readdir(join(s.dir, 'out'))).sort()).toEqual([
      'cohort.html',
      'cohort.json',
      'indicators.csv',
    ]);
    const json = await read(s.dir, 'out', 'cohort.json');
    expect(json).not.toMatch(/"a1"|"b3"/);
  });

  it('suppresses counts under --min-cell in cohort.json, cohort.html and indicators.csv', async () => {
    const s = await setup();
    expect((await cohort(s)).code).toBe(0);
    const json = JSON.parse(await read(s.dir, 'out', 'cohort.json'));
    expect(json.groups['vc-a'].indicators['opioid-mme-50'].numerator).toBeNull();
    expect(json.groups['vc-a'].indicators['opioid-mme-50'].denominator).toBeNull();
    const csv = (await read(s.dir, 'out', 'indicators.csv')).split('\n');
    expect(csv[0]).toBe(
      'group,indicator,denominator,decided,numerator,rate,lower,upper,numeratorUnknown,denominatorUnknown,funnel,standardisedRatio,standardisedRate,suppressed',
    );
    expect(csv).toContain(
      'vc-a,opioid-mme-50,,,,,,,,0,,,,denominator:small;decided:small;numerator:small;numeratorUnknown:small',
    );
    const html = await read(s.dir, 'out', 'cohort.html');
    const table = html.slice(html.indexOf('data-indicator="opioid-mme-50"'));
    expect(table).toMatch(
      /<tr><th scope="row">vc-a<\/th><td class="n suppressed" data-suppressed="numerator"[^>]*>suppressed<\/td><td class="n suppressed" data-suppressed="decided"/,
    );
    expect(table).not.toMatch(/<td class="n">[1-4]<\/td>/);

    expect((await cohort(s, '--min-cell', '1')).code).toBe(0);
    const shown = JSON.parse(await read(s.dir, 'out', 'cohort.json'));
    expect(shown.groups['vc-a'].indicators['opioid-mme-50']).toMatchObject({
      denominator: 4,
      numerator: 2,
      numeratorUnknown: 1,
      rate: 2 / 3,
      funnel: 'inside',
    });
    expect(await read(s.dir, 'out', 'indicators.csv')).toContain(
      'vc-a,opioid-mme-50,4,3,2,0.6667,0.2077,0.9385,1,0,inside,,,\n',
    );
    const page = await read(s.dir, 'out', 'cohort.html');
    const mme = page.slice(page.indexOf('data-indicator="opioid-mme-50"'));
    // numerator, decided, denominator, rate, Wilson interval, the unknowns, funnel position.
    expect(mme).toMatch(
      /<tr><th scope="row">vc-a<\/th><td class="n">2<\/td><td class="n">3<\/td><td class="n">4<\/td><td class="n">66\.7%<\/td><td class="n">20\.8% – 93\.9%<\/td><td class="n">1<\/td><td class="n">0<\/td><td class="n">inside<\/td><\/tr>/,
    );
    expect(mme).toContain('<svg');
  });

  it('refuses --min-cell 0', async () => {
    const s = await setup();
    const run = await cohort(s, '--min-cell', '0');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/min-cell/);
  });

  it('writes the report and the worklists in Danish with --lang da, labels from the file', async () => {
    const s = await setup();
    const run = await cohort(s, '--lang', 'da', '--worklists', join(s.dir, 'lists'));
    expect(run.code, run.err).toBe(0);
    const html = await read(s.dir, 'out', 'cohort.html');
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('<h1>Kohorterapport</h1>');
    expect(html).toContain('Patienter pr. trin');
    expect(html).toContain('Trin pr. sundhedscenter');
    expect(html).toContain('Opioidbrugere på ≥ 50 MME/døgn');
    expect(html).toContain('Ukendt tæller');
    expect(html).toContain('skjult: Færre end 5 patienter');
    expect(html).not.toMatch(/Cohort report|Patients per step|per health centre/);
    const list = await read(s.dir, 'lists', 'vc-b.csv');
    expect(list.split('\n')[0]).toBe('patient,linje,id,indikator,årsag,manglende oplysninger');
    expect(list).toContain('intet id,5,');
    expect(list).toContain('ukendt, om indikatoren gælder');
  });

  it('appends the run, counts only, to a SQLite results store with --store', async () => {
    const s = await setup();
    const db = join(s.dir, 'results.sqlite');
    const first = await cohort(s, '--store', db);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/stored run 1 in /);
    expect((await cohort(s, '--store', db)).code).toBe(0);
    const store = await openResultsStore(db, { create: false });
    try {
      const runs = await store.runs();
      expect(runs).toHaveLength(2);
      expect(runs[0]?.asOf).toBe(IND_AS_OF);
      expect(runs[0]?.version).toBe('1.2.0');
      expect(runs[0]?.contentHash).toMatch(/^sha256:/);
      expect(runs[0]?.groups['vc-a']?.indicators['opioid-mme-50']).toMatchObject({
        denominator: 4,
        numerator: 2,
        numeratorUnknown: 1,
        denominatorUnknown: 0,
      });
      expect(runs[0]?.groups['all']?.patients).toBe(7);
    } finally {
      await store.close();
    }
  });

  it('refuses --store and --worklists with --by id before evaluating anything', async () => {
    const s = await setup();
    for (const flag of [
      ['--store', join(s.dir, 'r.sqlite')],
      ['--worklists', join(s.dir, 'lists')],
    ]) {
      const io = memoryIo(process.cwd());
      const code = await main(
        ['cohort', s.pathway, '--patients', s.patients, '--by', 'id', '--workers', '0', ...flag],
        io,
      );
      expect(code).toBe(2);
      expect(io.stderr.join('\n')).toMatch(new RegExp(flag[0] as string));
    }
    expect((await readdir(s.dir)).sort()).toEqual(['chronic-pain', 'p.ndjson']);
  });

  it('writes neither worklists nor a stored run when it stops at a bad line', async () => {
    const s = await setup();
    await writeFile(s.patients, `${IND_NDJSON}{ not json\n`);
    const db = join(s.dir, 'results.sqlite');
    const run = await cohort(
      s,
      '--fail-on-bad-lines',
      '--worklists',
      join(s.dir, 'lists'),
      '--store',
      db,
    );
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/no worklists are written and nothing is stored/);
    expect(await readdir(join(s.dir, 'lists'))).toEqual([]);
    const store = await openResultsStore(db, { create: false });
    expect(await store.runs()).toEqual([]);
    await store.close();
  });

  it('says so and writes no worklist for a pathway without indicators', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cohort-ind-cli-'));
    await writeFile(join(dir, 'p.ndjson'), IND_NDJSON);
    const io = memoryIo(process.cwd());
    const code = await main(
      [
        'cohort',
        'chronic-pain',
        '--version',
        '1.2.0',
        '--patients',
        join(dir, 'p.ndjson'),
        '--as-of',
        IND_AS_OF,
        '--by',
        'healthCentre',
        '--out',
        join(dir, 'out'),
        '--workers',
        '0',
        '--worklists',
        join(dir, 'lists'),
      ],
      io,
    );
    expect(code, io.stderr.join('\n')).toBe(0);
    expect(io.stderr.join('\n')).toMatch(/declares no indicators: no worklists are written/);
    expect((await readdir(dir)).sort()).toEqual(['out', 'p.ndjson']);
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['cohort.html', 'cohort.json']);
  });
});
