import { memo, useMemo, useState } from 'react';
import { sidelistStrings } from '../i18n/sidelist-strings';
import { useT } from '../store/hooks';
import { editorStore, useEditor } from '../store/store';
import { ExportButtons } from '../export/ExportButtons';
import { SearchButton } from '../search/SearchButton';
import { isOpen, type Destination } from '../model/destination';
import { sideListEntries, type FollowUpEntry } from './entries';
import { openDestination } from '../search/open-destination';
import { keyboard2Strings } from '../i18n/keyboard2-strings';
import { openOnCanvas } from './open-on-canvas';
import './sidelist.css';

const STORAGE_KEY = 'vardprogram.sideList';

/** Whether the list was left closed on the last visit (open by default). */
function storedOpen(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== 'closed';
  } catch {
    return true;
  }
}

/**
 * One clickable line; marked as current while its element is open in the side panel. Memoised
 * with plain props: the list re-renders on a selection, never during a drag.
 */
const EntryButton = memo(function EntryButton({
  destination,
  testId,
  current,
  hint,
  children,
}: {
  destination: Destination;
  testId: string;
  current: boolean;
  /** The whole condition, shown on hover where the line cuts it short. */
  hint?: string | undefined;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      className="link side-list-entry"
      data-testid={testId}
      aria-current={current ? 'true' : undefined}
      title={hint}
      onClick={() => openOnCanvas(editorStore, destination)}
    >
      {children}
    </button>
  );
});

function FollowUpLine({
  entry,
  isCurrent,
}: {
  entry: FollowUpEntry;
  isCurrent: (d: Destination) => boolean;
}) {
  const language = useEditor((s) => s.language);
  const w = sidelistStrings(language);
  const onStep = entry.destination.kind === 'follow-up' && entry.destination.stepId !== null;
  const edit = keyboard2Strings(language).editFollowUp(entry.title);
  return (
    <li className={onStep ? 'side-list-line' : undefined}>
      <EntryButton
        destination={entry.destination}
        current={isCurrent(entry.destination)}
        testId={`side-follow-up-${entry.id}`}
        hint={entry.due ?? undefined}
      >
        <span className="entry-title">{entry.title}</span>
        <span className="entry-detail">
          {entry.timing === null
            ? `${w.conditionBased}${entry.due === null ? '' : `: ${entry.due}`}`
            : w.timingText(entry.timing.amount, entry.timing.unit)}
        </span>
      </EntryButton>
      {onStep && (
        // The line takes the focus to the step on the canvas; this opens the follow-up's
        // fields in the step's panel and focuses the first one, as the line used to.
        <button
          type="button"
          className="side-list-edit"
          data-testid={`side-follow-up-${entry.id}-edit`}
          aria-label={edit}
          title={edit}
          onClick={() => openDestination(editorStore, entry.destination)}
        >
          ✎
        </button>
      )}
    </li>
  );
}

/**
 * The alerts and follow-ups beside the canvas: every alert with its condition in words, the
 * pathway-level follow-ups and each step's. A line that belongs to a step (the step, a step's
 * follow-up, an alert's "in step") selects the step, centres it and focuses its node on the
 * canvas; a step's follow-up has a second button for its fields in the side panel. Alerts and
 * pathway-level follow-ups open their panel. The header holds the search (Ctrl+K) and the
 * exports; the list folds away to a narrow strip.
 */
export function SideList() {
  const t = useT();
  const language = useEditor((s) => s.language);
  const pathway = useEditor((s) => s.pathway);
  const selection = useEditor((s) => s.selection);
  const focusPath = useEditor((s) => s.focusPath);
  const [open, setOpen] = useState(storedOpen);
  const w = sidelistStrings(language);
  const entries = useMemo(
    () => (pathway === null ? null : sideListEntries(pathway, language)),
    [pathway, language],
  );
  if (entries === null || pathway === null) return null;
  const isCurrent = (d: Destination): boolean => isOpen(pathway, d, selection, focusPath);
  const toggle = (): void => {
    setOpen(!open);
    try {
      window.localStorage.setItem(STORAGE_KEY, open ? 'closed' : 'open');
    } catch {
      // A browser without storage just forgets the choice.
    }
  };
  return (
    <aside
      className={`side-list${open ? '' : ' closed'}`}
      aria-label={w.sideList}
      data-testid="side-list"
    >
      <div className="side-list-tools">
        <button
          type="button"
          data-testid="side-list-toggle"
          aria-expanded={open}
          aria-controls="side-list-body"
          title={open ? w.hideSideList : w.showSideList}
          aria-label={open ? w.hideSideList : w.showSideList}
          onClick={toggle}
        >
          {open ? '»' : '«'}
        </button>
        <SearchButton compact={!open} />
        {open && <ExportButtons />}
      </div>
      {open && (
        <div id="side-list-body" className="side-list-body">
          <h2>{w.alerts}</h2>
          {entries.alerts.length === 0 ? (
            <p className="muted small">{w.none}</p>
          ) : (
            <ul>
              {entries.alerts.map((a) => (
                <li key={a.id}>
                  <EntryButton
                    destination={a.destination}
                    current={isCurrent(a.destination)}
                    testId={`side-alert-${a.id}`}
                    hint={a.when}
                  >
                    <span className="entry-title">
                      <span className={`severity ${a.severity}`}>{t.severities[a.severity]}</span>{' '}
                      {a.title}
                    </span>
                    <span className="entry-detail">{a.when}</span>
                  </EntryButton>
                  {a.steps.map((step) => (
                    <EntryButton
                      key={step.id}
                      destination={{ kind: 'step', stepId: step.id }}
                      current={false}
                      testId={`side-alert-${a.id}-step-${step.id}`}
                    >
                      <span className="entry-step">
                        {w.inStep} {step.title}
                      </span>
                    </EntryButton>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <h2>{w.wholePathway}</h2>
          {entries.pathwayFollowUps.length === 0 ? (
            <p className="muted small">{w.none}</p>
          ) : (
            <ul>
              {entries.pathwayFollowUps.map((f) => (
                <FollowUpLine
                  key={`${f.destination.kind}-${f.id}`}
                  entry={f}
                  isCurrent={isCurrent}
                />
              ))}
            </ul>
          )}
          <h2>{w.perStep}</h2>
          {entries.steps.length === 0 && <p className="muted small">{w.none}</p>}
          {entries.steps.map((step) => (
            <section key={step.stepId} className="side-list-step">
              <h3>
                <EntryButton
                  destination={{ kind: 'step', stepId: step.stepId }}
                  current={isCurrent({ kind: 'step', stepId: step.stepId })}
                  testId={`side-step-${step.stepId}`}
                >
                  {step.stepTitle}
                </EntryButton>
              </h3>
              <ul>
                {step.followUps.map((f) => (
                  <FollowUpLine key={f.id} entry={f} isCurrent={isCurrent} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </aside>
  );
}
