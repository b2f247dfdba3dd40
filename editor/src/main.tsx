/** Entry point: mounts the editor and keeps unsaved work in localStorage. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './app/App';
import { lazyPart } from './parts/lazy-part';
import { persistDrafts, tabId } from './store/persistence';
import { editorStore } from './store/store';
import { coalesceMoves } from './store/coalesce-moves';

// Unsaved work is kept per tab: this tab's id lives in sessionStorage and survives reloads.
editorStore.setState({ tab: tabId(window.sessionStorage) });
// A drag's moves reach the draft at most every 250 ms, not once per pointer move.
persistDrafts(coalesceMoves(editorStore, window), window.localStorage);

// The results view is a page of its own: the editor's first render does not load it.
const Results = lazyPart(() => import('./results/ResultsView').then((m) => m.ResultsView));

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
// `/?view=results&pathway=<id>` is the results view of that pathway; anything else the editor.
const params = new URLSearchParams(window.location.search);
const resultsOf = params.get('view') === 'results' ? params.get('pathway') : null;
createRoot(root).render(
  <StrictMode>
    {resultsOf === null ? <App /> : <Results.Component pathwayId={resultsOf} />}
  </StrictMode>,
);
