/**
 * Renaming a fact, named condition, alert or measure from the editor: where the name is used
 * (shown before the author confirms) and the rename itself, as one pure edit of the drawing.
 * The places and the renaming are the engine's (`usesOfName`, `renameName`); this adds the
 * editor's check of the new name and the selection that follows the renamed entry.
 */
import type { Pathway, Scenario } from '../../../engine/index';
import { renameName, usesOfName, type NameUse } from '../../../engine/editor';
import { checkNewName, type NameProblem, type NamedKind } from './dictionary';
import type { Drawing } from './edit';
import type { ScenarioEntry } from './scenarios';
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

type Expectation = Scenario['expect'];

function expectationNames(e: Expectation, kind: NamedKind, name: string): boolean {
  if (kind === 'fact')
    return (e.missingFacts ?? []).includes(name) || Object.hasOwn(e.facts ?? {}, name);
  if (kind === 'alert')
    return [e.alerts, e.alertsInclude, e.alertsExclude, e.undecidedAlerts].some((list) =>
      (list ?? []).includes(name),
    );
  return false;
}

/**
 * The test patients (scenario files) that name a fact or alert: in their facts or in what
 * they expect. A rename does not rewrite them (they are files of their own, shared by
 * versions); the dialog lists them so that the author changes them knowingly.
 */
export function scenariosNaming(
  entries: readonly ScenarioEntry[],
  kind: NamedKind,
  name: string,
): string[] {
  return entries
    .filter(({ scenario }) => {
      if (kind === 'fact' && Object.hasOwn(scenario.input.facts, name)) return true;
      const expectations = [scenario.expect, ...Object.values(scenario.expectByVersion ?? {})];
      return expectations.some((e) => expectationNames(e, kind, name));
    })
    .map(({ scenario }) => scenario.name);
}
