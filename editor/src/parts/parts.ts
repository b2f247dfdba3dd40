/**
 * The parts of the editor that are not on the first screen, each in a chunk of its own
 * (lazy-part.tsx): dialogs, the bottom panel's other tabs and the results view. The first
 * render downloads, compiles and runs only what it shows; the rest is fetched once the canvas
 * is drawn ({@link prefetchParts}), so each opens at once when asked. The panels of a
 * selection stay in the entry: they are small, and a click opens one at once.
 */
import { lazyPart } from './lazy-part';
// Their styles stay in the entry's stylesheet: nothing looks different while a chunk loads,
// and these also style elements outside the lazy parts.
import '../tests/tests.css';
import '../search/search.css';

/** The test patients tab. */
export const TestPanelPart = lazyPart(() => import('../panels/TestPanel').then((m) => m.TestPanel));
/** The changes tab of the compare view. */
export const ComparePanelPart = lazyPart(() =>
  import('../panels/ComparePanel').then((m) => m.ComparePanel),
);
/** The publish dialog. */
export const PublishDialogPart = lazyPart(() =>
  import('../publish/PublishDialog').then((m) => m.PublishDialog),
);
/** The save conflict's merge dialog. */
export const ConflictDialogPart = lazyPart(() =>
  import('../conflict/ConflictDialog').then((m) => m.ConflictDialog),
);
/** The search dialog (Ctrl+K). */
export const SearchDialogPart = lazyPart(() =>
  import('../search/SearchDialog').then((m) => m.SearchDialog),
);
/** The printable page. */
export const PrintPagePart = lazyPart(() => import('../export/PrintPage').then((m) => m.PrintPage));

const ALL = [
  TestPanelPart,
  ComparePanelPart,
  SearchDialogPart,
  PublishDialogPart,
  PrintPagePart,
  ConflictDialogPart,
];

/** Fetches every part (once), after the first render: they open at once when asked for. */
export function prefetchParts(): Promise<void> {
  return Promise.all(ALL.map((part) => part.prefetch())).then(() => undefined);
}
