/**
 * Worklists as text: a CSV file and an HTML page per group (health centre), written a few
 * rows at a time (engine/node/cohort-worklists.ts streams them), in the report's language,
 * with the indicator titles and fact labels of the pathway file. The file names are made
 * safe here ({@link safeFileName}).
 */
import type { IndicatorDirection } from '../indicators/types';
import { pickText } from '../model/texts';
import type { Language, Pathway } from '../model/types';
import { csvLine } from './csv-text';
import { indicatorInfos } from './indicators';
import { escapeXml } from './svg';
import type { WorklistRow } from './worklist';
import { COHORT_WORDS, groupLabel, type CohortWords } from './words';

/** What the text of a worklist needs: words, labels and the evaluation date. */
export interface WorklistText {
  words: CohortWords;
  language: Language;
  asOf: string;
  indicators: ReadonlyMap<string, { title: string; direction: IndicatorDirection }>;
  facts: ReadonlyMap<string, string>;
}

/** The words and labels of `pathway`'s worklists in `language`. */
export function worklistText(pathway: Pathway, language: Language, asOf: string): WorklistText {
  return {
    words: COHORT_WORDS[language],
    language,
    asOf,
    indicators: new Map(
      indicatorInfos(pathway).map((i) => [
        i.id,
        { title: pickText(i.title, language), direction: i.direction },
      ]),
    ),
    facts: new Map(pathway.facts.map((f) => [f.name, pickText(f.label, language)])),
  };
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name (without extension) for a group that is safe on any file system: letters
 * without their accents, digits, `.`, `_` and `-`; no leading dot; at most 80 characters; not
 * a reserved device name; distinct (ignoring case) from the names in `taken`, to which it is
 * added. `Vårdcentral Åby/Norr` → `Vardcentral_Aby_Norr`.
 */
export function safeFileName(group: string, taken: Set<string>): string {
  let base = group
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  if (base === '') base = '_';
  if (RESERVED.test(base)) base = `${base}_`;
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function indicatorTitle(text: WorklistText, id: string): string {
  return text.indicators.get(id)?.title ?? id;
}

function reason(text: WorklistText, row: WorklistRow): string {
  const direction = text.indicators.get(row.indicator)?.direction ?? 'higher-is-better';
  return text.words.reasonText(row.reason, direction);
}

function missing(text: WorklistText, row: WorklistRow): string {
  return row.missingFacts.map((f) => text.facts.get(f) ?? f).join('; ');
}

/** The CSV header line. */
export function worklistCsvHeader(text: WorklistText): string {
  const w = text.words;
  return csvLine([w.patient, w.line, 'id', w.indicator, w.reason, w.missingFacts]);
}

/** One CSV record. */
export function worklistCsvRow(text: WorklistText, row: WorklistRow): string {
  return csvLine([
    row.id ?? text.words.noId,
    String(row.line),
    row.indicator,
    indicatorTitle(text, row.indicator),
    reason(text, row),
    missing(text, row),
  ]);
}

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222}
h1{font-size:1.4em}table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}td.n{text-align:right}`;

/** The start of a group's page, up to the table's header row. */
export function worklistHtmlStart(text: WorklistText, name: string): string {
  const w = text.words;
  const group = groupLabel(name, w);
  const head = [w.patient, w.line, w.indicator, w.reason, w.missingFacts]
    .map((h) => `<th>${escapeXml(h)}</th>`)
    .join('');
  return `<!doctype html>
<html lang="${text.language}"><head><meta charset="utf-8"><title>${escapeXml(w.worklistTitle(group))}</title>
<link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head><body>
<h1>${escapeXml(w.worklistTitle(group))}</h1><p>${escapeXml(w.worklistIntro(group, text.asOf))}</p>
<table><tr>${head}</tr>
`;
}

/** One table row. */
export function worklistHtmlRow(text: WorklistText, row: WorklistRow): string {
  const id = row.id ?? text.words.noId;
  return `<tr><td>${escapeXml(id)}</td><td class="n">${row.line}</td><td data-indicator="${escapeXml(row.indicator)}">${escapeXml(indicatorTitle(text, row.indicator))}</td><td>${escapeXml(reason(text, row))}</td><td>${escapeXml(missing(text, row))}</td></tr>\n`;
}

/** The end of a page; `rows` is how many rows it has. */
export function worklistHtmlEnd(text: WorklistText, rows: number): string {
  const empty = rows === 0 ? `<p>${escapeXml(text.words.worklistEmpty)}</p>\n` : '';
  return `</table>\n${empty}</body></html>\n`;
}
