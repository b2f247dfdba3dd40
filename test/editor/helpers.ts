/** Fixtures for the editor's unit tests: the real chronic pain pathway, its layout and scenarios. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { layoutSchema, type Layout } from '../../engine/model/layout';
import type { Pathway } from '../../engine/model/types';
import { parsePathway, parseScenario } from '../../engine/yaml/parse';
import type { ScenarioEntry } from '../../editor/src/model/scenarios';
import type { DocumentSource } from '../../editor/src/store/document';
import { createEditorStore } from '../../editor/src/store/store';

const dir = join('pathways', 'chronic-pain');

/** A version of the chronic pain pathway as the server would send it. */
export function chronicPain(version = '1.1.0'): Pathway {
  return parsePathway(readFileSync(join(dir, `${version}.yaml`), 'utf8'), `${version}.yaml`);
}

/** Its layout sidecar. */
export function chronicPainLayout(version = '1.1.0'): Layout {
  return layoutSchema.parse(JSON.parse(readFileSync(join(dir, `${version}.layout.json`), 'utf8')));
}

/** All its scenarios, as `GET /api/pathways/chronic-pain/scenarios` lists them. */
export function chronicPainScenarios(): ScenarioEntry[] {
  return readdirSync(join(dir, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({
      file,
      scenario: parseScenario(readFileSync(join(dir, 'scenarios', file), 'utf8'), file),
    }));
}

/** A Storage in memory. */
export function memoryStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

/** An editor store with chronic pain opened as draft 1.4.0, started from 1.3.0 (read-only when `frozen`). */
export function openDraftStore(frozen = false): ReturnType<typeof createEditorStore> {
  const store = createEditorStore();
  const source: DocumentSource = {
    id: 'chronic-pain',
    version: '1.4.0',
    baseHash: 'sha256:base',
    layoutHash: null,
    frozen,
  };
  // A new draft started from the latest published version, as a clinical lead would.
  const pathway = { ...chronicPain('1.3.0'), version: '1.4.0', status: 'draft' as const };
  store.getState().openDocument(source, { pathway, layout: chronicPainLayout('1.3.0') });
  return store;
}
