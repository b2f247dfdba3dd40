/**
 * Adding and removing facts, named conditions and alerts. Each action is one undoable edit
 * (through `edit`), refuses a name that is malformed or already taken, and selects what it
 * added so the side panel opens on it.
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
  type NameProblem,
} from '../model/dictionary';
import type { Drawing } from '../model/edit';
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
  return {
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
