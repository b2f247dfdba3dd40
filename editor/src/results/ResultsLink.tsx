import { resultsStrings } from '../i18n/results-strings';
import { useEditor } from '../store/store';
import { resultsHref } from './api';
// The link's style lives with the results view's; the entry keeps it (the view is lazy).
import './results.css';

/**
 * A link from the editor to the results view of the open pathway. In a file of its own so
 * that the editor's first screen does not load the results view (a chunk of its own).
 */
export function ResultsLink() {
  const id = useEditor((s) => s.source?.id);
  const t = resultsStrings(useEditor((s) => s.language));
  if (id === undefined) return null;
  return (
    <a className="results-link" href={resultsHref(id)} data-testid="open-results">
      {t.results}
    </a>
  );
}
