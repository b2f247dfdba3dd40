import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { timeZoneOf, today } from '../../../engine/editor';
import { sidelistStrings, type SidelistStrings } from '../i18n/sidelist-strings';
import { statusName } from '../i18n/strings';
import { useT } from '../store/hooks';
import { editorStore, useEditor } from '../store/store';
import { useModal } from '../search/use-modal';
import { currentDrawing } from './drawing';
import { printablePathway, type PrintFollowUp, type PrintTransition } from './print-model';
import './export.css';

/** Props of {@link PrintPage}. */
export interface PrintPageProps {
  onClose(): void;
}

function References({ ids }: { ids: string[] }) {
  if (ids.length === 0) return null;
  return <span className="print-refs"> [{ids.join(', ')}]</span>;
}

function Transitions({ list, w }: { list: PrintTransition[]; w: SidelistStrings }) {
  if (list.length === 0) return null;
  return (
    <>
      <h4>{w.movesOn}</h4>
      <p className="print-note">{w.firstThatHolds}</p>
      <ol>
        {list.map((t) => (
          <li key={`${t.order}-${t.to}`}>
            <strong>{w.to(t.toTitle)}</strong> {w.when} {t.when}
            {t.reason !== '' && (
              <span className="print-reason">
                {' '}
                — {w.reason}: {t.reason}
              </span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

function FollowUps({ list, w }: { list: PrintFollowUp[]; w: SidelistStrings }) {
  if (list.length === 0) return null;
  return (
    <ul>
      {list.map((f) => (
        <li key={f.id}>
          <strong>{f.title}</strong>
          {f.timing !== null && `, ${w.timingText(f.timing.amount, f.timing.unit)}`}
          {f.windowDays !== null && ` (± ${f.windowDays} ${w.units.days})`}
          <References ids={f.references} />
          <br />
          {w.measures}: {f.measures.join(', ')}
          {f.appliesWhen !== null && (
            <>
              <br />
              {w.conditionFields.appliesWhen}: {f.appliesWhen}
            </>
          )}
          {f.dueWhen !== null && (
            <>
              <br />
              {w.conditionFields.dueWhen}: {f.dueWhen}
            </>
          )}
          {f.overdueWhen !== null && (
            <>
              <br />
              {w.conditionFields.overdueWhen}: {f.overdueWhen}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The whole open version as a printable page for a clinical board: title, version, status and
 * dates, the flow chart, the steps in the order a patient meets them with their criteria in
 * words, the alerts, the follow-ups, the facts and the references. Shown over the editor;
 * "Print" opens the browser's print dialog (save as PDF there), and the print style sheet
 * prints this page only. Esc or "Close" returns to the editor.
 */
export function PrintPage({ onClose }: PrintPageProps) {
  const t = useT();
  const language = useEditor((s) => s.language);
  const pathway = useEditor((s) => s.pathway);
  const w = sidelistStrings(language);
  const closeRef = useRef<HTMLButtonElement>(null);
  const page = useMemo(
    () => (pathway === null ? null : printablePathway(pathway, language)),
    [pathway, language],
  );
  const picture = useMemo(() => {
    const drawing = pathway === null ? null : currentDrawing(editorStore.getState());
    return drawing === null
      ? null
      : `data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawing.svg)}`;
  }, [pathway, language]);

  useModal();
  useEffect(() => {
    document.body.classList.add('printing');
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.classList.remove('printing');
    };
  }, [onClose]);

  if (page === null) return null;
  // The day as the pathway reckons it (its time zone), as a new version's start date is.
  const printed = pathway === null ? '' : today(timeZoneOf(pathway));
  return createPortal(
    <div
      className="print-root"
      role="dialog"
      aria-modal="true"
      aria-labelledby="print-title"
      data-testid="print-page"
      lang={language}
    >
      <div className="print-toolbar">
        <button
          type="button"
          className="primary"
          data-testid="print-now"
          onClick={() => window.print()}
        >
          {w.print}
        </button>
        <button type="button" ref={closeRef} data-testid="print-close" onClick={onClose}>
          {w.close}
        </button>
      </div>
      <article className="print-page">
        <header>
          <h1 id="print-title">{page.title}</h1>
          <p className="print-meta">
            <code>{page.id}</code> · {w.version} {page.version} · {w.status}:{' '}
            {statusName(t, page.status)} · {w.effective(page.effectiveFrom, page.effectiveTo)}
          </p>
          {page.description !== '' && <p>{page.description}</p>}
          <p>
            {w.entryStep}: {page.entryStep}
          </p>
        </header>
        {picture !== null && (
          <figure className="print-figure">
            <img src={picture} alt={w.canvas} data-testid="print-figure" />
          </figure>
        )}
        <h2>{w.steps}</h2>
        {page.steps.map((step, i) => (
          <section key={step.id} className="print-step" data-testid={`print-step-${step.id}`}>
            <h3>
              {i + 1}. {step.title}
              <References ids={step.references} />
            </h3>
            <p className="print-meta">
              {w.level}: {t.levels[step.level]} · <code>{step.id}</code>
              {step.isEntry && ` · ${w.entryStep}`}
            </p>
            {step.description !== '' && <p>{step.description}</p>}
            {step.actions.length > 0 && (
              <>
                <h4>{w.actions}</h4>
                <ul>
                  {step.actions.map((a, k) => (
                    <li key={k}>{a}</li>
                  ))}
                </ul>
              </>
            )}
            {step.followUps.length > 0 && <h4>{w.followUps}</h4>}
            <FollowUps list={step.followUps} w={w} />
            <Transitions list={step.transitions} w={w} />
          </section>
        ))}
        {page.globalTransitions.length > 0 && (
          <section className="print-step">
            <h3>{w.fromAnyStep}</h3>
            <Transitions list={page.globalTransitions} w={w} />
          </section>
        )}
        {page.namedConditions.length > 0 && (
          <>
            <h2>{w.namedConditions}</h2>
            <dl>
              {page.namedConditions.map((c) => (
                <div key={c.name} className="print-entry">
                  <dt>
                    <code>{c.name}</code>
                    {c.description !== '' && ` — ${c.description}`}
                  </dt>
                  <dd>{c.when}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
        <h2>{w.alerts}</h2>
        {page.alerts.length === 0 ? (
          <p>{w.none}</p>
        ) : (
          <ul>
            {page.alerts.map((a) => (
              <li key={a.id} className="print-entry" data-testid={`print-alert-${a.id}`}>
                <strong>
                  {t.severities[a.severity]}: {a.title !== '' ? a.title : a.id}
                </strong>
                <References ids={a.references} />
                <br />
                {w.when} {a.when}
                <br />«{a.message}»
              </li>
            ))}
          </ul>
        )}
        <h2>{w.wholePathway}</h2>
        {page.followUps.length === 0 ? <p>{w.none}</p> : <FollowUps list={page.followUps} w={w} />}
        <h2>{w.facts}</h2>
        <ul className="print-facts">
          {page.facts.map((f) => (
            <li key={f.name}>
              {f.label} <code>{f.name}</code>
              {f.unit !== '' && ` (${f.unit})`}
            </li>
          ))}
        </ul>
        <h2>{w.references}</h2>
        {page.references.length === 0 ? (
          <p>{w.noReferences}</p>
        ) : (
          <ol className="print-references">
            {page.references.map((r) => (
              <li key={r.id} id={`ref-${r.id}`}>
                [{r.id}] {r.title}
                {r.publisher !== '' && `, ${r.publisher}`}
                {r.year !== '' && ` ${r.year}`}
                {r.url !== '' && (
                  <>
                    . <span className="print-url">{r.url}</span>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
        <footer className="print-meta">
          {page.id} {page.version} · {w.printedOn(printed)}
        </footer>
      </article>
    </div>,
    document.body,
  );
}
