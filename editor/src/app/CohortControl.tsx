import { useRef } from 'react';
import { cohortGroupNames } from '../model/cohort';
import { cohortShown } from '../store/cohort';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';

/**
 * "Load cohort result …": reads a `cohort.json` of the open version and lays its patient
 * counts over the canvas. Once loaded: the file and its size, a health-centre filter when the
 * run was grouped, and a button that clears the overlay. A refused file is explained inline.
 */
export function CohortControl() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const hasPathway = useEditor((s) => s.pathway !== null);
  const cohort = useEditor((s) => (cohortShown(s) ? s.cohort : null));
  const problem = useEditor((s) => s.cohortProblem);
  if (!hasPathway) return null;
  const store = editorStore.getState;
  const groups = cohort === null ? [] : cohortGroupNames(cohort.file);
  return (
    <span className="cohort-control" data-testid="cohort-control">
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="cohort-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file === undefined) return;
          file
            .text()
            .then((text) => store().loadCohort(text, file.name))
            .catch((error: unknown) =>
              store().setNotice(error instanceof Error ? error.message : String(error)),
            );
        }}
      />
      <button type="button" data-testid="load-cohort" onClick={() => input.current?.click()}>
        {t.loadCohort}
      </button>
      {cohort !== null && (
        <>
          <span className="cohort-summary" data-testid="cohort-summary">
            {t.cohortSummary(cohort.fileName, cohort.badges.patients, cohort.file.asOf)}
          </span>
          {groups.length > 0 && (
            <select
              data-testid="cohort-centre"
              aria-label={t.cohortCentre}
              value={cohort.group ?? ''}
              onChange={(e) =>
                store().setCohortGroup(e.target.value === '' ? null : e.target.value)
              }
            >
              <option value="">{t.cohortAllCentres}</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          )}
          <button type="button" data-testid="clear-cohort" onClick={() => store().clearCohort()}>
            {t.clearCohort}
          </button>
        </>
      )}
      {problem !== null && (
        <span className="cohort-error" role="alert" data-testid="cohort-error">
          {t.cohortProblem(problem)}
        </span>
      )}
    </span>
  );
}
