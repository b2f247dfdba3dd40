/**
 * The medication code table shipped in terminology/: every row is a valid, cited mapping
 * to a substance of the chronic-pain pathway's drug classes (domain "Version 1.2.0"), and
 * the substances whose codes were verified stay in it.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isAtcCode } from '../../engine/facts/atc';
import { MEDICATION_CODES_FILE, loadMedicationCodes } from '../../engine/node/medication-codes';
import { RXNORM_SYSTEM, SNOMED_SYSTEM } from '../../engine/terminology/medication-codes';

/** The drug classes of chronic-pain 1.2.0: ATC prefixes and exact codes. */
const CLASS_PREFIXES = ['N02A', 'N07BC', 'N05BA', 'N05CD', 'N05CF'];
const CLASS_CODES = [
  'R05DA01',
  'R05DA03',
  'R05DA04',
  'N03AE01',
  'N03AX12',
  'N03AX16',
  'N05CM06',
  'N05BB01',
  'R06AD02',
];

interface RawTable {
  sources: { id: string; citation: string; url?: string }[];
  substances: {
    atc: string;
    source: string;
    names?: { language: string; name: string; source: string }[];
    codes: { source: string }[];
  }[];
}

describe('the shipped medication code table', () => {
  it('loads without problems', async () => {
    await expect(loadMedicationCodes()).resolves.not.toHaveLength(0);
  });

  it('maps only to 7-character ATC substance codes of the drug classes', async () => {
    for (const { atc } of await loadMedicationCodes()) {
      expect(isAtcCode(atc), atc).toBe(true);
      const inClass =
        CLASS_CODES.includes(atc) || CLASS_PREFIXES.some((prefix) => atc.startsWith(prefix));
      expect(inClass, `${atc} is in a drug class of the pathway`).toBe(true);
    }
  });

  it('maps no system|code to two substances', async () => {
    const atcOf = new Map<string, string>();
    for (const { system, code, atc } of await loadMedicationCodes()) {
      const key = `${system}|${code}`;
      expect(atcOf.get(key) ?? atc, key).toBe(atc);
      atcOf.set(key, atc);
    }
  });

  it('cites a declared source with a citation and a URL for every substance and every code', async () => {
    const raw = parse(await readFile(MEDICATION_CODES_FILE, 'utf8')) as RawTable;
    const sources = new Map(raw.sources.map((s) => [s.id, s]));
    for (const source of raw.sources) {
      expect(source.citation.length, source.id).toBeGreaterThan(20);
      expect(source.url, source.id).toMatch(/^https?:\/\//);
    }
    for (const substance of raw.substances) {
      expect(sources.has(substance.source), substance.atc).toBe(true);
      for (const row of substance.codes) expect(sources.has(row.source), substance.atc).toBe(true);
      for (const local of substance.names ?? [])
        expect(sources.has(local.source), `${substance.atc} ${local.language}`).toBe(true);
    }
  });

  it('names the opioids and benzodiazepines in Swedish and Danish, each name quoted in its source', async () => {
    const raw = parse(await readFile(MEDICATION_CODES_FILE, 'utf8')) as RawTable;
    const citation = new Map(raw.sources.map((s) => [s.id, s.citation.toLowerCase()]));
    const byAtc = new Map(
      raw.substances.map((s) => [
        s.atc,
        Object.fromEntries((s.names ?? []).map((n) => [n.language, n.name])),
      ]),
    );
    expect(byAtc.get('N02AA05')).toEqual({ sv: 'oxikodon', da: 'oxycodon' });
    expect(byAtc.get('N02AA01')).toEqual({ sv: 'morfin', da: 'morphin' });
    expect(byAtc.get('N07BC02')).toEqual({ sv: 'metadon', da: 'methadon' });
    expect(byAtc.get('R05DA04')).toEqual({ sv: 'kodein', da: 'codein' });
    // Not marketed in Sweden or Denmark: no cited local name, so the INN stays.
    expect(byAtc.get('R05DA03')).toEqual({});
    // Each citation quotes the name as its source writes it.
    for (const substance of raw.substances)
      for (const local of substance.names ?? [])
        expect(citation.get(local.source), `${substance.atc} ${local.language}`).toContain(
          local.name,
        );
  });

  it('keeps every substance whose code was verified, in RxNorm or SNOMED CT', async () => {
    const codings = await loadMedicationCodes();
    const code = (system: string, atc: string): string[] =>
      codings.filter((c) => c.system === system && c.atc === atc).map((c) => c.code);
    expect({
      morphine: code(RXNORM_SYSTEM, 'N02AA01'),
      hydromorphone: code(RXNORM_SYSTEM, 'N02AA03'),
      oxycodone: code(RXNORM_SYSTEM, 'N02AA05'),
      fentanyl: code(RXNORM_SYSTEM, 'N02AB03'),
      buprenorphine: code(RXNORM_SYSTEM, 'N02AE01'),
      tramadol: code(RXNORM_SYSTEM, 'N02AX02'),
      tapentadol: code(RXNORM_SYSTEM, 'N02AX06'),
      methadone: code(RXNORM_SYSTEM, 'N07BC02'),
      hydrocodone: code(RXNORM_SYSTEM, 'R05DA03'),
      codeine: code(RXNORM_SYSTEM, 'R05DA04'),
      diazepam: code(RXNORM_SYSTEM, 'N05BA01'),
      oxazepam: code(RXNORM_SYSTEM, 'N05BA04'),
      midazolam: code(RXNORM_SYSTEM, 'N05CD08'),
      eszopiclone: code(RXNORM_SYSTEM, 'N05CF04'),
      morphineSnomed: code(SNOMED_SYSTEM, 'N02AA01'),
      oxycodoneSnomed: code(SNOMED_SYSTEM, 'N02AA05'),
      alprazolamSnomed: code(SNOMED_SYSTEM, 'N05BA12'),
      methadoneSnomed: code(SNOMED_SYSTEM, 'N07BC02'),
      diazepamSnomed: code(SNOMED_SYSTEM, 'N05BA01'),
      midazolamSnomed: code(SNOMED_SYSTEM, 'N05CD08'),
      lorazepamSnomed: code(SNOMED_SYSTEM, 'N05BA06'),
      eszopicloneSnomed: code(SNOMED_SYSTEM, 'N05CF04'),
    }).toEqual({
      morphine: ['7052'],
      hydromorphone: ['3423'],
      oxycodone: ['7804'],
      fentanyl: ['4337'],
      buprenorphine: ['1819'],
      tramadol: ['10689'],
      tapentadol: ['787390'],
      methadone: ['6813'],
      hydrocodone: ['5489'],
      codeine: ['2670'],
      diazepam: ['3322'],
      oxazepam: ['7781'],
      midazolam: ['6960'],
      eszopiclone: ['461016'],
      morphineSnomed: ['373529000'],
      oxycodoneSnomed: ['55452001'],
      alprazolamSnomed: ['386983007'],
      methadoneSnomed: ['387286002'],
      diazepamSnomed: ['387264003'],
      midazolamSnomed: ['373476007'],
      lorazepamSnomed: ['387106007'],
      eszopicloneSnomed: ['409420000'],
    });
  });
});
