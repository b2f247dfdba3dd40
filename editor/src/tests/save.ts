/**
 * Saving a test patient through the scenarios API (`POST /api/pathways/:id/scenarios`): a new
 * one under a file named after it, an edited one over its file with the hash it was listed
 * with. The server's 400 issues come back by form field.
 */
import { ApiError, listScenarios, saveScenario } from '../api/client';
import { fieldErrors } from '../model/patient-form';
import { saveProblems } from '../model/patient-save';
import { onlyFor } from '../model/rename';
import { NEW_PATIENT } from '../model/scenarios';
import { scenarioSlug } from '../store/actions';
import type { StoreApi } from 'zustand';
import type { EditorState } from '../store/store';

/** The outcome of a save: the file written, or the problems by field. */
export type PatientSaveResult =
  { ok: true; file: string } | { ok: false; errors: Record<string, string> };

/** Saves the patient edited under `file` (or {@link NEW_PATIENT}); `messages` words the local checks. */
export async function savePatient(
  store: StoreApi<EditorState>,
  file: string,
  messages: Record<'name' | 'expectStep' | 'versions', string>,
): Promise<PatientSaveResult> {
  const s = store.getState();
  const scenario = s.patientEdits[file];
  if (s.source === null || scenario === undefined) return { ok: false, errors: {} };
  const problems = saveProblems(scenario, s.source.baseHash !== null);
  if (problems.length > 0)
    return { ok: false, errors: Object.fromEntries(problems.map((p) => [p, messages[p]])) };
  // A copy made by a rename is saved with the version, not on its own: keep the edit there.
  const copy = s.scenarioCopies.find((c) => `${c.name}.yaml` === file);
  if (copy !== undefined) {
    // It stays a patient of this version alone, or the save would not write it.
    if (s.pathway === null || !onlyFor(scenario, s.pathway.version))
      return { ok: false, errors: { versions: messages.versions } };
    s.updateCopy(copy.name, scenario);
    s.setPatient(file, null);
    await store.getState().runScenarioFile(file);
    return { ok: true, file };
  }
  const entry = s.scenarios.find((e) => e.file === file);
  const isNew = file === NEW_PATIENT || entry === undefined;
  const name = isNew ? scenarioSlug(scenario.name) : file.replace(/\.yaml$/, '');
  const named = { ...scenario, name: isNew ? name : scenario.name };
  try {
    await saveScenario(s.source.id, name, named, isNew ? undefined : entry.hash);
  } catch (error) {
    if (error instanceof ApiError) {
      const errors = fieldErrors(error.issues);
      return { ok: false, errors: Object.keys(errors).length > 0 ? errors : { '': error.message } };
    }
    throw error;
  }
  const saved = `${name}.yaml`;
  // Renames and copies not saved yet stay pending: they are saved with the version.
  const { scenarioRenames, scenarioCopies } = store.getState();
  store.getState().setScenarios(await listScenarios(s.source.id), {
    scenarioRenames,
    scenarioCopies,
  });
  store.getState().setPatient(file, null);
  await store.getState().runAll();
  await store.getState().runScenarioFile(saved);
  return { ok: true, file: saved };
}
