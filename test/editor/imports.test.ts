import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../../editor/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The folders (under editor/src) each folder imports values from; type-only imports vanish at run time. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(src)) {
    const from = relative(src, dirname(file)) || '.';
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm,
    )) {
      const [, typeOnly, spec = ''] = match;
      if (typeOnly !== undefined || !spec.startsWith('.')) continue;
      const target = relative(src, dirname(resolve(dirname(file), spec))) || '.';
      if (!target.startsWith('..') && target !== from) targets.add(target);
    }
  }
  return graph;
}

/** One cycle of folders, or undefined if the graph has none. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (folder: string, trail: string[]): string[] | undefined => {
    if (state.get(folder) === 'open') return [...trail.slice(trail.indexOf(folder)), folder];
    if (state.get(folder) === 'done') return undefined;
    state.set(folder, 'open');
    for (const next of graph.get(folder) ?? []) {
      const cycle = visit(next, [...trail, folder]);
      if (cycle !== undefined) return cycle;
    }
    state.set(folder, 'done');
    return undefined;
  };
  for (const folder of graph.keys()) {
    const cycle = visit(folder, []);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

describe('the editor source folders', () => {
  it('import each other without a cycle (the views no longer import app/hooks, which imports the views)', () => {
    const graph = folderGraph();
    expect(graph.get('panels')).toContain('store');
    expect(findCycle(graph)).toBeUndefined();
  });

  it('find a cycle when one exists', () => {
    const graph = new Map([
      ['app', new Set(['panels'])],
      ['panels', new Set(['store', 'app'])],
      ['store', new Set<string>()],
    ]);
    expect(findCycle(graph)).toEqual(['app', 'panels', 'app']);
  });
});
