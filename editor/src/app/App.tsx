import { useCallback, useEffect, useMemo, useState } from 'react';
import { Canvas } from '../canvas/Canvas';
import { isUiLanguage, STRINGS } from '../i18n/strings';
import { addStep, deleteTransition } from '../model/edit';
import { applyNodeMove, EMPTY_LAYOUT, resolvePositions } from '../model/layout';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { SidePanel } from '../panels/SidePanel';
import {
  compareTwoVersions,
  openVersion,
  refreshCatalog,
  saveDocument,
  startNewVersion,
} from '../store/actions';
import { ResultsLink } from '../results/ResultsLink';
import { SideList } from '../sidelist/SideList';
import { editorStore, useEditor } from '../store/store';
import { Banner } from './Banner';
import { OfferedDrafts } from '../conflict/OfferedDrafts';
import { PathwayPicker } from './PathwayPicker';
import { Toolbar } from './Toolbar';
import { ComparePanelPart, prefetchParts, TestPanelPart } from '../parts/parts';
import { useProblems, useT } from '../store/hooks';
import { useAutoRun, useDeferredChecks, useShortcuts, useUnloadGuard } from './hooks';

const storage = (): Storage => window.localStorage;

/** The whole editor: toolbar, pathway list, canvas, side panel, problems and tests. */
export function App() {
  const t = useT();
  const hasDocument = useEditor((s) => s.pathway !== null);
  const tab = useEditor((s) => s.bottomTab);
  const problemCount = useProblems().length;
  const changeCount = useEditor((s) => s.compare?.diff.entries.length ?? null);
  const failing = useEditor((s) => Object.values(s.outcomes).filter((o) => !o.passed).length);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const open = useCallback((id: string, version: string, compareWith?: string | null) => {
    setError(null);
    setLoading(true);
    openVersion(editorStore, storage(), id, version)
      // `&compare=<version>` (a results view's version break) opens the compare view too.
      .then(() =>
        compareWith === null || compareWith === undefined
          ? undefined
          : compareTwoVersions(editorStore, version, compareWith),
      )
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setLoading(false));
  }, []);

  useEffect(() => {
    const saved = window.localStorage.getItem('vardprogram.language');
    if (isUiLanguage(saved)) editorStore.getState().setLanguage(saved);
    refreshCatalog(editorStore).catch((e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
    const params = new URLSearchParams(window.location.search);
    const id = params.get('pathway');
    const version = params.get('version');
    if (id !== null && version !== null) open(id, version, params.get('compare'));
    // Fetch Monaco while the author looks at the canvas, so the JSON view opens at once.
    const timer = window.setTimeout(() => void import('../conditions/JsonEditor'), 2500);
    return () => window.clearTimeout(timer);
  }, [open]);

  // The parts not on the first screen are fetched once a document is drawn (parts.ts).
  useEffect(() => {
    if (!hasDocument) return;
    const timer = window.setTimeout(() => void prefetchParts(), 500);
    return () => window.clearTimeout(timer);
  }, [hasDocument]);

  useDeferredChecks();
  useAutoRun();
  useUnloadGuard();

  const actions = useMemo(
    () => ({
      save: () => void saveDocument(editorStore, storage()),
      deleteSelection: () => {
        const store = editorStore.getState();
        const selection = store.selection;
        if (selection?.kind === 'step') {
          // Asks first when others point to the step or it is the entry (DeleteStepDialog).
          store.requestDeleteStep(selection.stepId);
        } else if (selection?.kind === 'transition' || selection?.kind === 'global') {
          store.edit((d) => ({ ...d, pathway: deleteTransition(d.pathway, selection) }));
          store.select(
            selection.kind === 'transition' ? { kind: 'step', stepId: selection.stepId } : null,
          );
        }
      },
    }),
    [],
  );
  useShortcuts(actions);

  const onAddStep = useCallback(() => {
    const store = editorStore.getState();
    if (store.pathway === null) return;
    const positions = resolvePositions(store.pathway, store.layout);
    const selected =
      store.selection?.kind === 'step' ? positions[store.selection.stepId] : undefined;
    const all = Object.values(positions);
    const at = selected
      ? { x: selected.x + 300, y: selected.y + 120 }
      : { x: Math.max(0, ...all.map((p) => p.x)) + 300, y: Math.min(0, ...all.map((p) => p.y)) };
    let id = '';
    store.edit((d) => {
      const made = addStep(d, {
        title: { sv: STRINGS.sv.newStepTitle, en: STRINGS.en.newStepTitle },
        at,
      });
      id = made.id;
      return { pathway: made.pathway, layout: made.layout };
    });
    if (id !== '') store.select({ kind: 'step', stepId: id });
  }, []);

  const onAutoLayout = useCallback(() => {
    editorStore
      .getState()
      .edit((d) => ({ ...d, layout: applyNodeMove(d.pathway, EMPTY_LAYOUT, {}) }));
  }, []);

  const onNewVersion = useCallback(() => {
    startNewVersion(editorStore).catch((e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  return (
    <div className="app">
      <Toolbar
        onSave={actions.save}
        onNewVersion={onNewVersion}
        onAddStep={onAddStep}
        onAutoLayout={onAutoLayout}
      />
      <Banner />
      <OfferedDrafts />
      {error !== null && (
        <div className="banner error" role="alert" data-testid="load-error">
          {error}
        </div>
      )}
      <div className="workspace">
        <PathwayPicker onOpen={open} />
        <main className="center">
          {hasDocument ? (
            <Canvas />
          ) : (
            <p className="empty">{loading ? t.loading : t.noPathwayOpen}</p>
          )}
          {hasDocument && (
            <section className="bottom-panel">
              <div className="tabs">
                {/* The tab list holds tabs only (ARIA); the results link and hints sit beside it. */}
                <div className="tab-list" role="tablist">
                  <button
                    type="button"
                    role="tab"
                    data-testid="tab-problems"
                    aria-selected={tab === 'problems'}
                    onClick={() => editorStore.getState().setBottomTab('problems')}
                  >
                    {t.problems} ({problemCount})
                  </button>
                  <button
                    type="button"
                    role="tab"
                    data-testid="tab-tests"
                    aria-selected={tab === 'tests'}
                    onClick={() => editorStore.getState().setBottomTab('tests')}
                  >
                    {t.tests}
                    {failing > 0 ? ` (${failing} ✗)` : ''}
                  </button>
                  {changeCount !== null && (
                    <button
                      type="button"
                      role="tab"
                      data-testid="tab-changes"
                      aria-selected={tab === 'changes'}
                      onClick={() => editorStore.getState().setBottomTab('changes')}
                    >
                      {t.changes} ({changeCount})
                    </button>
                  )}
                </div>
                <span className="spacer" />
                <ResultsLink />
                <span className="muted small">{t.shortcuts}</span>
              </div>
              <div className="bottom-body">
                {tab === 'problems' ? (
                  <ProblemsPanel />
                ) : tab === 'changes' && changeCount !== null ? (
                  <ComparePanelPart.Component />
                ) : (
                  <TestPanelPart.Component />
                )}
              </div>
            </section>
          )}
        </main>
        {hasDocument && <SideList />}
        {hasDocument && <SidePanel />}
      </div>
    </div>
  );
}
