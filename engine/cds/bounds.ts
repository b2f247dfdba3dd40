/**
 * Limits on what one CDS answer may say, so that its size grows at most linearly — and in
 * practice stays small — whatever the prefetch holds: a record with the same medication a
 * thousand times gives one line naming a few of them and how many more, not a thousand lines
 * per undecided alert. Lists are deduplicated, cut at a number of items with "… and N more",
 * each item and each card detail cut at a length.
 */

/** Most items shown in one list of a card (and reasons per undecided alert). */
export const MAX_LIST_ITEMS = 20;
/** Longest item of a list (characters). */
export const MAX_ITEM_CHARS = 500;
/** Longest card detail (characters). */
export const MAX_DETAIL_CHARS = 16_000;
/** Resources named on one grouped line ("`A`, `B`, `C` and 7 more: …"). */
const NAMED_PER_GROUP = 3;

/** `text` cut at `max` characters, with an ellipsis when cut. */
export function cutText(text: string, max = MAX_ITEM_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The distinct `items`, each cut at {@link MAX_ITEM_CHARS}, at most `max` of them; when some
 * are left out, a last item from `more(count)` says how many.
 */
export function boundedList(
  items: readonly string[],
  more: (count: number) => string,
  max = MAX_LIST_ITEMS,
): string[] {
  const distinct = [...new Set(items.map((item) => cutText(item)))];
  if (distinct.length <= max) return distinct;
  return [...distinct.slice(0, max), more(distinct.length - max)];
}

/**
 * Entries about resources, one line per distinct message: the same problem on 400
 * resources is one line naming the first few and how many more.
 */
export function groupedByMessage(
  entries: readonly { resource: string; message: string }[],
  more: (count: number) => string,
): string[] {
  const groups = new Map<string, Set<string>>();
  for (const { resource, message } of entries) {
    const resources = groups.get(message);
    if (resources === undefined) groups.set(message, new Set([resource]));
    else resources.add(resource);
  }
  return [...groups].map(([message, set]) => {
    const resources = [...set];
    const named = resources
      .slice(0, NAMED_PER_GROUP)
      .map((r) => `\`${r}\``)
      .join(', ');
    const rest = resources.length - NAMED_PER_GROUP;
    return `${named}${rest > 0 ? ` ${more(rest)}` : ''}: ${message}`;
  });
}

/** A card detail cut at {@link MAX_DETAIL_CHARS}, with `cut` said at the end when cut. */
export function boundedDetail(detail: string, cut: string): string {
  if (detail.length <= MAX_DETAIL_CHARS) return detail;
  return `${detail.slice(0, MAX_DETAIL_CHARS - cut.length - 2).trimEnd()}\n\n${cut}`;
}
