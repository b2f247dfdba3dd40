/**
 * What the search (Ctrl+K) looks through: steps, facts, alerts, named conditions and
 * follow-ups, each by its title in the interface language and by its id, and how a query
 * ranks them. Pure: the dialog derives its list from the document on every keystroke.
 */
import type { Language, Pathway } from '../../../engine/index';
import { pickText } from '../../../engine/editor';
import type { SearchKind } from '../i18n/sidelist-strings';
import type { Destination } from '../model/destination';

/** One thing the search can find. */
export interface SearchItem {
  kind: SearchKind;
  /** The id as the file writes it (step id, fact name, alert id …). */
  id: string;
  /** Its title in the interface language (the id when it has none). */
  title: string;
  /** Where it sits, for follow-ups of a step: that step's title. */
  context: string | null;
  destination: Destination;
}

/** Every searchable element of the document, in a stable order (kind, then document order). */
export function searchItems(pathway: Pathway, language: Language): SearchItem[] {
  const text = (texts: Parameters<typeof pickText>[0], id: string): string =>
    pickText(texts, language) || id;
  const items: SearchItem[] = [];
  for (const step of pathway.steps)
    items.push({
      kind: 'step',
      id: step.id,
      title: text(step.title, step.id),
      context: null,
      destination: { kind: 'step', stepId: step.id },
    });
  for (const fact of pathway.facts)
    items.push({
      kind: 'fact',
      id: fact.name,
      title: text(fact.label, fact.name),
      context: null,
      destination: { kind: 'fact', name: fact.name },
    });
  for (const alert of pathway.alerts)
    items.push({
      kind: 'alert',
      id: alert.id,
      title: pickText(alert.title, language) || text(alert.message, alert.id),
      context: null,
      destination: { kind: 'alert', id: alert.id },
    });
  for (const condition of pathway.conditions)
    items.push({
      kind: 'named',
      id: condition.name,
      title: pickText(condition.label, language) || text(condition.description, condition.name),
      context: null,
      destination: { kind: 'named', name: condition.name },
    });
  pathway.followUps.forEach((f, index) =>
    items.push({
      kind: 'follow-up',
      id: f.id,
      title: text(f.title, f.id),
      context: null,
      destination: { kind: 'follow-up', stepId: null, index },
    }),
  );
  for (const step of pathway.steps)
    step.followUps.forEach((f, index) =>
      items.push({
        kind: 'follow-up',
        id: f.id,
        title: text(f.title, f.id),
        context: text(step.title, step.id),
        destination: { kind: 'follow-up', stepId: step.id, index },
      }),
    );
  return items;
}

/**
 * Folds text for matching: lower case, accents removed (so "smarta" finds "smärta" and
 * "opfolgning" finds "opfølgning"), and ids' hyphens and camelCase read as word breaks.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[-_.]+/g, ' ')
    .trim();
}

/** How well `item` matches the folded query words: lower is better, null is no match. */
function rank(item: SearchItem, words: readonly string[], exact: string): number | null {
  if (item.id.toLowerCase() === exact) return 0;
  const title = foldForSearch(item.title);
  const id = foldForSearch(item.id);
  const haystack = `${title} ${id}`;
  if (!words.every((w) => haystack.includes(w))) return null;
  const query = words.join(' ');
  if (title.startsWith(query) || id.startsWith(query)) return 1;
  const starts = (s: string) => words.every((w) => s.split(' ').some((part) => part.startsWith(w)));
  if (starts(title) || starts(id)) return 2;
  return 3;
}

/**
 * The items matching `query` (every word must occur in the title or the id), best first: an
 * exact id, then a title or id that begins with the query, then whole-word starts, then any
 * match; ties keep the order of {@link searchItems}. An empty query lists nothing.
 */
export function searchMatches(
  items: readonly SearchItem[],
  query: string,
  limit = 50,
): SearchItem[] {
  const words = foldForSearch(query)
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return [];
  const exact = query.trim().toLowerCase();
  return items
    .map((item, order) => ({ item, order, score: rank(item, words, exact) }))
    .filter((r): r is { item: SearchItem; order: number; score: number } => r.score !== null)
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, limit)
    .map((r) => r.item);
}
