/**
 * The cohort overlay: counts of a population run (`cohort.json`) laid over the canvas. The
 * loaded file, the health centre shown and the badges derived from them live here; nodes and
 * edges read their own badge through {@link nodeBadge} and {@link edgeBadge}, so changing
 * the centre re-renders only what shows a count. The overlay belongs to one pathway version
 * and is hidden while another is on the canvas.
 */
import {
  cohortBadges,
  parseCohortFile,
  type CohortBadge,
  type CohortBadges,
  type CohortFile,
  type CohortProblem,
} from '../model/cohort';
import type { EditorState, SliceCreator } from './types';

/** A loaded cohort result. */
export interface CohortOverlay {
  fileName: string;
  file: CohortFile;
  /** The health centre shown, or null for everyone. */
  group: string | null;
  badges: CohortBadges;
}

/** The cohort overlay's state and actions. */
export interface CohortSlice {
  cohort: CohortOverlay | null;
  /** Why the last file was refused, or null. */
  cohortProblem: CohortProblem | null;
  /** Reads a `cohort.json` for the open pathway version; a wrong file sets `cohortProblem`. */
  loadCohort(text: string, fileName: string): boolean;
  /** Shows one health centre, or everyone (null). */
  setCohortGroup(group: string | null): void;
  /** Removes the overlay (and any error). */
  clearCohort(): void;
}

/** True while the loaded cohort belongs to the version on the canvas. */
export function cohortShown(s: Pick<EditorState, 'cohort' | 'pathway'>): boolean {
  const c = s.cohort;
  return (
    c !== null &&
    s.pathway !== null &&
    c.file.pathway.id === s.pathway.id &&
    c.file.pathway.version === s.pathway.version
  );
}

/** Narrow selector: the badge of step `id`, or undefined. */
export function nodeBadge(id: string): (s: EditorState) => CohortBadge | undefined {
  return (s) => (cohortShown(s) ? s.cohort?.badges.nodes[id] : undefined);
}

/** Narrow selector: the badge of edge `id`, or undefined. */
export function edgeBadge(id: string): (s: EditorState) => CohortBadge | undefined {
  return (s) => (cohortShown(s) ? s.cohort?.badges.edges[id] : undefined);
}

export const createCohortSlice: SliceCreator<CohortSlice> = (set, get) => ({
  cohort: null,
  cohortProblem: null,
  loadCohort(text, fileName) {
    const pathway = get().pathway;
    if (pathway === null) return false;
    const parsed = parseCohortFile(text, { id: pathway.id, version: pathway.version });
    if (!parsed.ok) {
      set({ cohortProblem: parsed.problem });
      return false;
    }
    set({
      cohort: { fileName, file: parsed.value, group: null, badges: cohortBadges(parsed.value) },
      cohortProblem: null,
    });
    return true;
  },
  setCohortGroup(group) {
    const cohort = get().cohort;
    if (cohort === null) return;
    const known = group !== null && cohort.file.groups[group] !== undefined ? group : null;
    if (known === cohort.group) return;
    set({ cohort: { ...cohort, group: known, badges: cohortBadges(cohort.file, known) } });
  },
  clearCohort() {
    set({ cohort: null, cohortProblem: null });
  },
});
