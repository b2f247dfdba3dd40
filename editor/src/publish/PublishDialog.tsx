import { useEffect, useId, useMemo, useState } from 'react';
import type { Pathway } from '../../../engine/index';
import { ApiError } from '../api/client';
import { impactCounts, mebibytes, type ImpactGroup } from '../../../engine/editor';
import type { PublishStrings } from '../i18n/publish-strings';
import { documentDirty } from '../store/compare';
import { editorStore, useEditor } from '../store/store';
import { runDialogChecks, type DialogChecks, type PatientsFile } from './checks';
import { overPublishLimit, PUBLISH_LIMIT_MIB } from './file-size';
import { Modal } from './Modal';
import { loadSiblings, publishOpenVersion } from './publish';
import { usePublishT } from './use-words';

/** Props of {@link PublishDialog}. */
export interface PublishDialogProps {
  onClose(): void;
}

function ImpactList({ group, p }: { group: ImpactGroup; p: PublishStrings }) {
  const counts = impactCounts(group);
  return (
    <>
      <p data-testid={`impact-summary-${group.name === 'scenarios' ? 'scenarios' : 'file'}`}>
        {group.rows.length === 0
          ? p.impactNone(group.evaluated)
          : p.impactSummary(counts.differ, group.evaluated, counts.step, counts.alerts)}
        {group.badLines.length > 0 && ` ${p.badLines(group.badLines.length)}`}
      </p>
      {group.rows.length > 0 && (
        <ul data-testid="impact-rows">
          {group.rows.map((r) => (
            <li key={`${r.who}:${r.line ?? ''}`}>
              {p.impactRow(
                r.who,
                r.old.error ?? r.old.step ?? '?',
                r.new.error ?? r.new.step ?? '?',
              )}
              {r.alertsAdded.length > 0 && `; ${p.alertsGained(r.alertsAdded.join(', '))}`}
              {r.alertsRemoved.length > 0 && `; ${p.alertsLost(r.alertsRemoved.join(', '))}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * "Publish …": runs the publish checks (the publish route's own) on the saved draft on screen —
 * lint, every scenario, the impact on the scenarios' patients and on a loaded patients file
 * against the version it replaces — and asks for an explicit acknowledgement of each failing
 * part, the effective date and an optional note; then publishes, which freezes the version.
 */
export function PublishDialog({ onClose }: PublishDialogProps) {
  const p = usePublishT();
  const titleId = useId();
  const source = useEditor((s) => s.source);
  const pathway = useEditor((s) => s.pathway);
  const scenarioEntries = useEditor((s) => s.scenarios);
  const dirty = useEditor(documentDirty);
  const cohortFile = useEditor((s) => s.cohort?.fileName ?? null);
  const [from, setFrom] = useState(pathway?.effective.from ?? '');
  const [file, setFile] = useState<PatientsFile | undefined>(undefined);
  const [siblings, setSiblings] = useState<Pathway[] | null>(null);
  const [checks, setChecks] = useState<DialogChecks | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [ackScenarios, setAckScenarios] = useState(false);
  const [ackImpact, setAckImpact] = useState(false);
  const [note, setNote] = useState('');
  const [publishing, setPublishing] = useState(false);
  const scenarios = useMemo(() => scenarioEntries.map((e) => e.scenario), [scenarioEntries]);

  useEffect(() => {
    loadSiblings(editorStore)
      .then(setSiblings)
      .catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    if (pathway === null || siblings === null || !/^\d{4}-\d{2}-\d{2}$/.test(from)) return;
    let current = true;
    setChecks(null);
    runDialogChecks(pathway, from, siblings, scenarios, file)
      .then((c) => {
        if (current) setChecks(c);
      })
      .catch((e: unknown) => {
        if (current) setFailure(e instanceof Error ? e.message : String(e));
      });
    return () => {
      current = false;
    };
  }, [pathway, siblings, scenarios, from, file]);

  if (source === null || pathway === null) return null;
  const failing = checks?.scenarios.filter((s) => !s.passed) ?? [];
  const passed = (checks?.scenarios.length ?? 0) - failing.length;
  const moved =
    (checks?.impact?.group.rows.length ?? 0) + (checks?.patients?.group.rows.length ?? 0);
  // Unreadable lines of the file were not checked: they are acknowledged with the impact.
  const unread = checks?.patients?.group.badLines.length ?? 0;
  const lintBlocks = (checks?.lint.errors.length ?? 0) > 0 || checks?.overlap !== undefined;
  const canPublish =
    checks !== null &&
    !dirty &&
    !publishing &&
    !lintBlocks &&
    (failing.length === 0 || ackScenarios) &&
    (moved + unread === 0 || ackImpact);

  const publish = (): void => {
    setPublishing(true);
    setFailure(null);
    publishOpenVersion(editorStore, window.localStorage, {
      from,
      failingScenarios: ackScenarios ? failing.map((s) => s.name) : [],
      impact: ackImpact,
      note,
      ...(file !== undefined && checks?.patients !== undefined
        ? { patients: { file, digest: checks.patients.digest } }
        : {}),
    })
      .then(onClose)
      .catch((e: unknown) => {
        // The file with its JSON wrapping can pass the limit the file alone was under.
        const tooLarge = e instanceof ApiError && e.code === 'PAYLOAD_TOO_LARGE';
        setFailure(
          p.publishFailed(
            tooLarge
              ? p.patientsFileTooLarge(undefined, PUBLISH_LIMIT_MIB)
              : e instanceof Error
                ? e.message
                : String(e),
          ),
        );
        setPublishing(false);
      });
  };

  return (
    <Modal labelledBy={titleId} testId="publish-dialog" onClose={onClose}>
      <h2 id={titleId}>{p.publishTitle(source.id, source.version)}</h2>
      {dirty && (
        <p className="fail" role="alert" data-testid="publish-save-first">
          {p.saveFirst}
        </p>
      )}
      <label className="field">
        {p.effectiveFrom}
        <input
          type="date"
          data-testid="publish-from"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </label>
      <label className="field">
        {p.patientsFile}
        <input
          type="file"
          accept=".ndjson,.jsonl,.json,application/x-ndjson"
          data-testid="publish-patients-file"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            if (chosen === undefined) {
              setFile(undefined);
              return;
            }
            if (overPublishLimit(chosen.size)) {
              setFile(undefined);
              setFailure(p.patientsFileTooLarge(mebibytes(chosen.size), PUBLISH_LIMIT_MIB));
              return;
            }
            setFailure(null);
            chosen
              .text()
              .then((text) => setFile({ name: chosen.name, text }))
              .catch((error: unknown) => setFailure(String(error)));
          }}
        />
        <span className="small muted-text">{p.patientsFileHelp}</span>
      </label>
      {cohortFile !== null && file === undefined && (
        <p className="small muted-text" data-testid="publish-cohort-note">
          {p.cohortCountsOnly(cohortFile)}
        </p>
      )}
      {checks === null ? (
        <p role="status">{failure ?? p.running}</p>
      ) : (
        <div data-testid="publish-checks">
          <h3>{p.lintHeading}</h3>
          <p
            data-testid="publish-lint"
            className={lintBlocks ? 'fail' : 'pass'}
            data-blocking={lintBlocks}
          >
            {lintBlocks
              ? p.lintErrors(checks.lint.errors.length + (checks.overlap ? 1 : 0))
              : p.lintClean}{' '}
            {checks.lint.warnings.length > 0 && p.lintWarnings(checks.lint.warnings.length)}
          </p>
          {lintBlocks && (
            <ul>
              {checks.overlap !== undefined && <li>{checks.overlap}</li>}
              {checks.lint.errors.map((e) => (
                <li key={`${e.path}:${e.message}`}>
                  {e.path}: {e.message}
                </li>
              ))}
            </ul>
          )}
          <h3>{p.scenariosHeading}</h3>
          <p data-testid="publish-scenarios" className={failing.length > 0 ? 'fail' : 'pass'}>
            {checks.scenarios.length === 0
              ? p.noScenarios
              : p.scenariosSummary(passed, failing.length)}
          </p>
          {failing.length > 0 && (
            <>
              <ul data-testid="publish-failing">
                {failing.map((s) => (
                  <li key={s.name}>
                    <strong>{s.name}</strong>
                    {s.basis !== checks.version && ` (${p.inherited(s.basis)})`}:{' '}
                    {s.failures.join('; ')}
                  </li>
                ))}
              </ul>
              <label className="ack">
                <input
                  type="checkbox"
                  data-testid="ack-scenarios"
                  checked={ackScenarios}
                  onChange={(e) => setAckScenarios(e.target.checked)}
                />
                {p.ackScenarios(failing.map((s) => s.name).join(', '))}
              </label>
            </>
          )}
          {checks.impact === undefined ? (
            <h3>{p.impactFirstVersion}</h3>
          ) : (
            <>
              <h3>{p.impactHeading(checks.impact.against)}</h3>
              <ImpactList group={checks.impact.group} p={p} />
              {checks.patients !== undefined && (
                <>
                  <h3>{p.patientsGroup(checks.patients.group.name)}</h3>
                  <ImpactList group={checks.patients.group} p={p} />
                </>
              )}
              {moved + unread > 0 && (
                <label className="ack">
                  <input
                    type="checkbox"
                    data-testid="ack-impact"
                    checked={ackImpact}
                    onChange={(e) => setAckImpact(e.target.checked)}
                  />
                  {p.ackImpact(moved, checks.impact.against)}
                </label>
              )}
            </>
          )}
          <label className="field">
            {p.note}
            <textarea
              data-testid="publish-note"
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          {lintBlocks && <p className="fail">{p.blockedByLint}</p>}
          {failure !== null && (
            <p className="fail" role="alert" data-testid="publish-error">
              {failure}
            </p>
          )}
        </div>
      )}
      <div className="actions">
        <button type="button" data-testid="publish-cancel" onClick={onClose}>
          {p.close}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="publish-confirm"
          disabled={!canPublish}
          onClick={publish}
        >
          {publishing ? p.publishing : p.confirmPublish}
        </button>
      </div>
    </Modal>
  );
}
