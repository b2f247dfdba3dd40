/**
 * Adding, renaming and removing facts, named conditions, alerts and measures, and deleting a
 * step after asking. Each action is one undoable edit (through `edit`), refuses a name that
 * is malformed or already taken, and selects what it added or renamed so the side panel
 * stays on it.
 */
import type { Alert, Fact, Texts } from '../../../engine/editor';
import {
  addAlert,
  addCondition,
  addFact,
  checkNewName,
  removeAlert,
  removeCondition,
  removeFact,
  type EntryKind,
  type NamedKind,
  type NameProblem,
} from '../model/dictionary';
import { deleteStep, deletionNeedsAsking, stepDeletionEffects, type Drawing } from '../model/edit';
import { renameEntry, selectionAfterRename } from '../model/rename';
import type { SliceCreator } from './types';

type Recipe = (drawing: Drawing) => Drawing;

/** Why an add was refused: the name, or a document that cannot be changed. */
export type AddProblem = NameProblem | 'read-only';

export interface DictionarySlice {
  /** Adds a fact and selects it; returns why not when refused. */
  addFact(name: string, type: Fact['type']): AddProblem | null;
  removeFact(name: string): void;
  /** Adds a named condition and selects it; returns why not when refused. */
  addNamedCondition(name: string): AddProblem | null;
  removeNamedCondition(name: string): void;
  /** Adds an alert and selects it; returns why not when refused. */
  addAlert(id: string, severity: Alert['severity'], message: Texts): AddProblem | null;
  removeAlert(id: string): void;
  /**
   * Renames a fact, named condition, alert or measure and every place that names it, in one
   * undoable edit; returns why not when refused (the name is malformed or taken).
   */
  renameEntry(kind: NamedKind, from: string, to: string): AddProblem | null;
  /** The step whose deletion waits for the author's answer in the dialog, if any. */
  deleteStepRequest: string | null;
  /**
   * Deletes a step at once when nothing else changes; when others point to it or it is the
   * entry step, asks first (sets {@link deleteStepRequest} for the dialog).
   */
  requestDeleteStep(id: string): void;
  /** The author's answer to the dialog: delete the step (and what it takes along), or not. */
  answerDeleteStep(confirmed: boolean): void;
}

export const createDictionarySlice: SliceCreator<DictionarySlice> = (set, get) => {
  /** Checks the name, applies the edit and selects the new entry. */
  const add = (kind: EntryKind, name: string, apply: Recipe): AddProblem | null => {
    const s = get();
    if (s.pathway === null || s.readOnly) return 'read-only';
    const problem = checkNewName(s.pathway, kind, name);
    if (problem !== null) return problem;
    s.edit(apply);
    get().select(
      kind === 'fact'
        ? { kind: 'fact', name }
        : kind === 'condition'
          ? { kind: 'named', name }
          : { kind: 'alert', id: name },
    );
    return null;
  };
  /** Removes and, when the removed entry was selected, goes back to the pathway panel. */
  const remove = (apply: Recipe, selected: boolean): void => {
    if (get().readOnly) return;
    get().edit(apply);
    if (selected) set({ selection: null, focusPath: null });
  };
  const removeStep = (id: string): void => {
    if (get().readOnly) return;
    get().edit((d) => deleteStep(d, id));
    get().select(null);
  };
  return {
    deleteStepRequest: null,
    requestDeleteStep(id) {
      const s = get();
      if (s.pathway === null || s.readOnly) return;
      if (deletionNeedsAsking(stepDeletionEffects(s.pathway, id))) set({ deleteStepRequest: id });
      else removeStep(id);
    },
    answerDeleteStep(confirmed) {
      const id = get().deleteStepRequest;
      set({ deleteStepRequest: null });
      if (confirmed && id !== null) removeStep(id);
    },
    renameEntry(kind, from, to) {
      const s = get();
      if (s.pathway === null || s.readOnly) return 'read-only';
      const result = renameEntry({ pathway: s.pathway, layout: s.layout }, kind, from, to);
      if (typeof result === 'string') return result;
      s.edit((d) => {
        const next = renameEntry(d, kind, from, to);
        return typeof next === 'string' ? d : next;
      });
      // This version's own test patients follow the rename when it is saved (model/rename).
      if (from !== to) set({ scenarioRenames: [...get().scenarioRenames, { kind, from, to }] });
      const selection = selectionAfterRename(get().selection, kind, from, to);
      if (selection !== get().selection) get().select(selection);
      return null;
    },
    addFact(name, type) {
      return add('fact', name, (d) => ({ ...d, pathway: addFact(d.pathway, name, type) }));
    },
    removeFact(name) {
      const sel = get().selection;
      remove(
        (d) => ({ ...d, pathway: removeFact(d.pathway, name) }),
        sel?.kind === 'fact' && sel.name === name,
      );
    },
    addNamedCondition(name) {
      return add('condition', name, (d) => ({ ...d, pathway: addCondition(d.pathway, name) }));
    },
    removeNamedCondition(name) {
      const sel = get().selection;
      remove(
        (d) => ({ ...d, pathway: removeCondition(d.pathway, name) }),
        sel?.kind === 'named' && sel.name === name,
      );
    },
    addAlert(id, severity, message) {
      return add('alert', id, (d) => ({
        ...d,
        pathway: addAlert(d.pathway, id, severity, message),
      }));
    },
    removeAlert(id) {
      const sel = get().selection;
      remove(
        (d) => ({ ...d, pathway: removeAlert(d.pathway, id) }),
        sel?.kind === 'alert' && sel.id === id,
      );
    },
  };
};
