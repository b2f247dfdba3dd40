/**
 * Golden tests: every scenario in pathways/ runs against every version it names, and
 * each (scenario, version) pair is its own test.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway, type CompiledPathway } from '../../engine/evaluate/compile';
import { loadRepository, loadScenarios, versionsOf } from '../../engine/node/repository';
import { runScenario } from '../../engine/scenarios/run';
import { productionAnswer, referenceAnswer } from '../fixtures/fast-answers';

const root = join(process.cwd(), 'pathways');
const repo = await loadRepository(root);
const cases: { id: string; file: string; name: string; version: string; scenario: Awaited<ReturnType<typeof loadScenarios>>[number]['scenario'] }[] = [];
for (const id of repo.pathways.keys()) {
  for (const { scenario, file } of await loadScenarios(join(root, id, 'scenarios'))) {
    for (const version of scenario.versions) cases.push({ id, file, name: scenario.name, version, scenario });
  }
}
const compiled = new Map<string, CompiledPathway>();
function compiledFor(id: string, version: string): CompiledPathway {
  const key = `${id}@${version}`;
  let c = compiled.get(key);
  if (c === undefined) {
    const loaded = versionsOf(repo, id).find((v) => v.pathway.version === version);
    if (loaded === undefined) throw new Error(`scenario names ${id} ${version}, which does not exist`);
    c = compilePathway(loaded.pathway);
    compiled.set(key, c);
  }
  return c;
}

describe('golden scenarios', () => {
  it('finds scenarios to run', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [`${c.id} ${c.version}: ${c.name}`, c] as const))('%s', async (_title, c) => {
    const outcome = await runScenario(compiledFor(c.id, c.version), c.scenario);
    expect(outcome.failures).toEqual([]);
  });

  it.each(cases.map((c) => [`${c.id} ${c.version}: ${c.name}`, c] as const))('%s answers exactly as the json-rules-engine reference', async (_title, c) => {
    const compiled = compiledFor(c.id, c.version);
    const input = { ...c.scenario.input, asOf: c.scenario.asOf };
    const expected = await referenceAnswer(compiled.pathway, input, c.scenario.asOf);
    expect(await productionAnswer(compiled, input, c.scenario.asOf)).toBe(expected);
  });
});
