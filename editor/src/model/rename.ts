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
): { rewritten: string[]; shared: string[]; copyable: string[] } {
  const naming = applicableScenarios(entries, version).filter(({ scenario }) =>
    scenarioNames(scenario, kind, name),
  );
  return {
    rewritten: naming.filter((e) => onlyFor(e.scenario, version)).map((e) => e.scenario.name),
    shared: naming.filter((e) => !onlyFor(e.scenario, version)).map((e) => e.scenario.name),
    // Only inherited ones can be copied: a copy replaces an inherited patient of its name
    // (engine scenarioBases), while one that names this version itself would still run.
    copyable: naming.filter((e) => e.basis !== version).map((e) => e.file),
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
}

const fileBase = (file: string): string => file.replace(/\.yaml$/, '');

/**
 * Copies of the inherited patients `files` for `version`: each checks what it checked for the
 * version it was inherited from (`scenarioFor`), keeps its name (so that the copy replaces it
 * for this version) and gets a new file name `<file>-<version>` not yet taken. Files that are
 * not inherited by `version`, or already copied in `pending`, are left out.
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
    if (entry.basis === version || !files.includes(entry.file) || copied.has(entry.scenario.name))
      continue;
    const stem = `${fileBase(entry.file)}-${version.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    let name = stem;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
    taken.add(name);
    copied.add(entry.scenario.name);
    out.push({ name, scenario: scenarioFor(entry, version) });
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
  const live = renames.filter((r) => !isTaken(pathway, r.kind, r.from));
  const renamed = (original: Scenario): Scenario => {
    let scenario = original;
    for (const r of live)
      if (r.kind === 'fact' || r.kind === 'alert')
        scenario = renameInScenario(scenario, r.kind, r.from, r.to);
    return scenario;
  };
  const out: ScenarioWriteEntry[] = [];
  for (const entry of live.length === 0 ? [] : entries) {
    if (!onlyFor(entry.scenario, pathway.version) || entry.hash === undefined) continue;
    const scenario = renamed(entry.scenario);
    if (JSON.stringify(scenario) !== JSON.stringify(entry.scenario))
      out.push({ name: fileBase(entry.file), scenario, baseHash: entry.hash });
  }
  for (const copy of copies)
    if (onlyFor(copy.scenario, pathway.version))
      out.push({ name: copy.name, scenario: renamed(copy.scenario), baseHash: null });
  return out;
}
