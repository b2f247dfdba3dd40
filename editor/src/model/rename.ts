/**
 * Renaming a fact, named condition, alert or measure from the editor: where the name is used
 * (shown before the author confirms) and the rename itself, as one pure edit of the drawing.
 * The places and the renaming are the engine's (`usesOfName`, `renameName`); this adds the
 * editor's check of the new name and the selection that follows the renamed entry.
 */
import type { Pathway, Scenario } from '../../../engine/index';
import {
  renameInScenario,
  renameName,
  scenarioNames,
  splitScenario,
  usesOfName,
  type NameUse,
} from '../../../engine/editor';
import { checkNewName, isTaken, type NameProblem, type NamedKind } from './dictionary';
import type { Drawing } from './edit';
import { applicableScenarios, scenarioFor, type ScenarioEntry } from './scenarios';
import type { Selection } from './selection';

export type { NameUse };

/** The places of the document that name `name` of `kind`. */
export function usesOf(pathway: Pathway, kind: NamedKind, name: string): NameUse[] {
  return usesOfName(pathway, kind, name);
}

/**
 * The drawing with `from` renamed to `to` everywhere, or why the new name cannot be used
 * (malformed, or the name of another entry of the same kind: two would silently merge).
 * Renaming to the same name changes nothing.
 */
export function renameEntry(
  drawing: Drawing,
  kind: NamedKind,
  from: string,
  to: string,
): Drawing | NameProblem {
  if (from === to) return drawing;
  const problem = checkNewName(drawing.pathway, kind, to);
  if (problem !== null) return problem;
  // Only steps have canvas positions; these names never appear in the layout.
  return { ...drawing, pathway: renameName(drawing.pathway, kind, from, to) };
}

/** What to select after a rename, when the renamed entry was selected; else the same selection. */
export function selectionAfterRename(
  selection: Selection | null,
  kind: NamedKind,
  from: string,
  to: string,
): Selection | null {
  if (kind === 'fact' && selection?.kind === 'fact' && selection.name === from)
    return { kind: 'fact', name: to };
  if (kind === 'condition' && selection?.kind === 'named' && selection.name === from)
    return { kind: 'named', name: to };
  if (kind === 'alert' && selection?.kind === 'alert' && selection.id === from)
    return { kind: 'alert', id: to };
  return selection;
}

/**
 * The test patients (scenario files) that name a fact or alert: in their facts or in what
 * they expect (the engine's `scenarioNames`).
 */
export function scenariosNaming(
  entries: readonly ScenarioEntry[],
  kind: NamedKind,
  name: string,
): string[] {
  return entries
    .filter(({ scenario }) => scenarioNames(scenario, kind, name))
    .map(({ scenario }) => scenario.name);
}

/** True when the scenario applies to `version` alone: it may be rewritten with that version. */
export function onlyFor(scenario: Scenario, version: string): boolean {
  return scenario.versions.length === 1 && scenario.versions[0] === version;
}

/**
 * What a rename in `version` does to the test patients that name the old name: those of this
 * version alone are rewritten with it when it is saved; those it shares with other versions
 * (inherited from a frozen one, or naming several) are not changed, and fail against the
 * renamed version until the author copies them for it.
 */
export function scenarioRenamePlan(
  entries: readonly ScenarioEntry[],
  version: string,
  kind: NamedKind,
  name: string,
): { rewritten: string[]; shared: string[]; copyable: string[]; splittable: string[] } {
  const naming = applicableScenarios(entries, version).filter(({ scenario }) =>
    scenarioNames(scenario, kind, name),
  );
  return {
    rewritten: naming.filter((e) => onlyFor(e.scenario, version)).map((e) => e.scenario.name),
    shared: naming.filter((e) => !onlyFor(e.scenario, version)).map((e) => e.scenario.name),
    // Inherited ones are copied: a copy replaces an inherited patient of its name (engine
    // scenarioBases).
    copyable: naming.filter((e) => e.basis !== version).map((e) => e.file),
    // Ones naming this version and others are split: the original loses this version (so it
    // no longer runs here) and the copy takes its place; the other versions check the same.
    splittable: naming
      .filter((e) => e.basis === version && !onlyFor(e.scenario, version) && e.hash !== undefined)
      .map((e) => e.file),
  };
}

/**
 * A test patient inherited from an earlier version, copied for this draft alone (a new file,
 * written with the draft when it is saved; the original is never changed).
 */
export interface ScenarioCopy {
  /** The new file's name, without `.yaml`. */
  name: string;
  scenario: Scenario;
  /**
   * Set when the copy comes from splitting a patient this version shares with others: the
   * original's file, the hash it was loaded with, and what it keeps (its other versions,
   * `splitScenario`'s `rest`), written over it on save together with the copy.
   */
  splitFrom?: { file: string; hash: string; rest: Scenario };
}

const fileBase = (file: string): string => file.replace(/\.yaml$/, '');

/**
 * Copies of the patients `files` for `version`, each under a new file name `<file>-<version>`
 * not yet taken and with the patient's name (so that the copy takes its place for this
 * version): an inherited patient checks what it checked for the version it came from
 * (`scenarioFor`); one naming `version` and other versions is split (`splitScenario`): the
 * copy checks what it checked for `version`, and the original keeps the others. Files that
 * do not apply to `version`, name it alone, or are already copied in `pending`, are left out.
 */
export function copiesFor(
  entries: readonly ScenarioEntry[],
  version: string,
  files: readonly string[],
  pending: readonly ScenarioCopy[] = [],
): ScenarioCopy[] {
  const taken = new Set([...entries.map((e) => fileBase(e.file)), ...pending.map((c) => c.name)]);
  const copied = new Set(pending.map((c) => c.scenario.name));
  const out: ScenarioCopy[] = [];
  for (const entry of applicableScenarios(entries, version)) {
    if (!files.includes(entry.file) || copied.has(entry.scenario.name)) continue;
    const split = entry.basis === version ? splitScenario(entry.scenario, version) : undefined;
    if (entry.basis === version && (split === undefined || entry.hash === undefined)) continue;
    const stem = `${fileBase(entry.file)}-${version.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    let name = stem;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
    taken.add(name);
    copied.add(entry.scenario.name);
    out.push(
      split === undefined || entry.hash === undefined
        ? { name, scenario: scenarioFor(entry, version) }
        : {
            name,
            scenario: split.own,
            splitFrom: { file: entry.file, hash: entry.hash, rest: split.rest },
          },
    );
  }
  return out;
}

/** A rename made since the scenarios were loaded, to carry into this version's own scenarios. */
export interface PendingRename {
  kind: NamedKind;
  from: string;
  to: string;
}

/** One scenario file sent with a save: `baseHash` null for a new file (a copy). */
export interface ScenarioWriteEntry {
  name: string;
  scenario: Scenario;
  baseHash: string | null;
}

/**
 * The scenario files to save with `pathway`: each scenario of this version alone with the
 * renames applied, in order, whose old name the document no longer has (an undone rename is
 * left out), each with the hash it was loaded with, only those that change; then each pending
 * copy of an inherited patient, with the same renames, as a new file.
 */
export function scenarioWrites(
  entries: readonly ScenarioEntry[],
  renames: readonly PendingRename[],
  pathway: Pathway,
  copies: readonly ScenarioCopy[] = [],
): ScenarioWriteEntry[] {
  const live = liveRenames(renames, pathway);
  const renamed = (scenario: Scenario): Scenario => withRenames(scenario, live);
  const out: ScenarioWriteEntry[] = [];
  for (const entry of live.length === 0 ? [] : entries) {
    if (!onlyFor(entry.scenario, pathway.version) || entry.hash === undefined) continue;
    const scenario = renamed(entry.scenario);
    if (JSON.stringify(scenario) !== JSON.stringify(entry.scenario))
      out.push({ name: fileBase(entry.file), scenario, baseHash: entry.hash });
  }
  for (const copy of copies) {
    if (!onlyFor(copy.scenario, pathway.version)) continue;
    out.push({ name: copy.name, scenario: renamed(copy.scenario), baseHash: null });
    // The split original keeps its other versions, with their names unchanged.
    if (copy.splitFrom !== undefined)
      out.push({
        name: fileBase(copy.splitFrom.file),
        scenario: copy.splitFrom.rest,
        baseHash: copy.splitFrom.hash,
      });
  }
  return out;
}

/** The renames still in effect: an undone one (its old name is back) is left out. */
function liveRenames(renames: readonly PendingRename[], pathway: Pathway): PendingRename[] {
  return renames.filter((r) => !isTaken(pathway, r.kind, r.from));
}

/** `scenario` with the fact and alert renames applied, in order. */
function withRenames(scenario: Scenario, renames: readonly PendingRename[]): Scenario {
  let out = scenario;
  for (const r of renames)
    if (r.kind === 'fact' || r.kind === 'alert') out = renameInScenario(out, r.kind, r.from, r.to);
  return out;
}

/**
 * The scenario files as the test panel lists them before a save: this version's own patients
 * and the pending copies with the renames applied (as the save will write them), the copies
 * marked `unsaved`, and each split original already without this version. So the copies run
 * against the draft, in place of their originals, from the moment they are made.
 */
export function withPendingWork(
  entries: readonly ScenarioEntry[],
  renames: readonly PendingRename[],
  pathway: Pathway,
  copies: readonly ScenarioCopy[],
): ScenarioEntry[] {
  if (renames.length === 0 && copies.length === 0) return [...entries];
  const live = liveRenames(renames, pathway);
  const rests = new Map(
    copies.flatMap((c) =>
      c.splitFrom === undefined ? [] : [[c.splitFrom.file, c.splitFrom.rest] as const],
    ),
  );
  const listed = entries.map((entry) => {
    const rest = rests.get(entry.file);
    if (rest !== undefined) return { ...entry, scenario: rest };
    if (live.length === 0 || !onlyFor(entry.scenario, pathway.version)) return entry;
    return { ...entry, scenario: withRenames(entry.scenario, live) };
  });
  const pending = copies
    .filter((c) => onlyFor(c.scenario, pathway.version))
    .map((c) => ({
      file: `${c.name}.yaml`,
      scenario: withRenames(c.scenario, live),
      unsaved: true,
    }));
  return [...listed, ...pending];
}
