/** Entry point: mounts the editor and keeps unsaved work in localStorage. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './app/App';
import { persistDrafts } from './store/persistence';
import { editorStore } from './store/store';

persistDrafts(editorStore, window.localStorage);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
