/** `pathway test [paths…]`: run scenarios against the versions they name; report coverage. */
import { basename, dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { compilePathway, type CompiledPathway } from '../../evaluate/compile';
import {
  loadRepository,
  loadScenarios,
  versionsOf,
  type LoadedScenario,
  type PathwayRepository,
} from '../../node/repository';
import { coverage, runScenario, type ScenarioOutcome } from '../../scenarios/run';
import type { CommandFactory } from '../main';
import { EXIT_FAILURES, EXIT_OK, type Io } from '../io';
import { isDirectory, isFile } from './shared';

interface TestFlags {
  json?: boolean;
}

/** A pathways root and the pathway ids (and optionally single scenario files) to test in it. */
interface Target {
  root: string;
  id?: string;
  files?: string[];
}

/** Works out what a path names: a pathways root, one pathway's folder, its scenarios folder or one scenario file. */
async function targetOf(path: string): Promise<Target> {
  if (await isFile(path))
    return {
      root: dirname(dirname(dirname(path))),
      id: basename(dirname(dirname(path))),
      files: [path],
    };
  if (basename(path) === 'scenarios')
    return { root: dirname(dirname(path)), id: basename(dirname(path)) };
  if (await isDirectory(join(path, 'scenarios')))
    return { root: dirname(path), id: basename(path) };
  return { root: path };
}

async function scenariosFor(
  repo: PathwayRepository,
  target: Target,
): Promise<{ id: string; scenarios: LoadedScenario[] }[]> {
  const ids = target.id === undefined ? [...repo.pathways.keys()] : [target.id];
  const out: { id: string; scenarios: LoadedScenario[] }[] = [];
  for (const id of ids) {
    let scenarios = await loadScenarios(join(repo.root, id, 'scenarios'));
    if (target.files !== undefined)
      scenarios = scenarios.filter((s) => target.files?.includes(s.file));
    out.push({ id, scenarios });
  }
  return out;
}

async function run(io: Io, paths: string[], flags: TestFlags): Promise<number> {
  const targets = await Promise.all(
    (paths.length > 0 ? paths : ['pathways']).map((p) => targetOf(resolve(io.cwd, p))),
  );
  const outcomes: (ScenarioOutcome & { file: string })[] = [];
  const lines: string[] = [];
  const coverageLines: string[] = [];
  const coverages = [];
  for (const target of targets) {
    const repo = await loadRepository(target.root);
    for (const { id, scenarios } of await scenariosFor(repo, target)) {
      const versions = versionsOf(repo, id);
      const compiled = new Map<string, CompiledPathway>();
      const perVersion = new Map<string, ScenarioOutcome[]>();
      for (const { scenario, file } of scenarios) {
        for (const version of scenario.versions) {
          const loaded = versions.find((v) => v.pathway.version === version);
          let outcome: ScenarioOutcome;
          if (loaded === undefined || scenario.pathway !== id) {
            outcome = {
              name: scenario.name,
              version,
              passed: false,
              failures: [
                scenario.pathway !== id
                  ? `scenario is for pathway ${scenario.pathway}, found under ${id}`
                  : `pathway ${id} has no version ${version}`,
              ],
            };
          } else {
            let c = compiled.get(version);
            if (c === undefined) {
              c = compilePathway(loaded.pathway);
              compiled.set(version, c);
            }
            outcome = await runScenario(c, scenario);
          }
          outcomes.push({ ...outcome, file });
          perVersion.set(version, [...(perVersion.get(version) ?? []), outcome]);
          lines.push(
            `${outcome.passed ? '✓' : '✗'} ${id} ${version} ${basename(file)}: ${scenario.name}`,
          );
          for (const f of outcome.failures) lines.push(`    ${f}`);
        }
      }
      for (const v of versions) {
        const cov = coverage(v.pathway, perVersion.get(v.pathway.version) ?? []);
        coverages.push({ pathway: id, ...cov });
        const pct = (n: number, d: number): string =>
          d === 0 ? '100' : ((100 * n) / d).toFixed(0);
        coverageLines.push(
          `coverage ${id} ${v.pathway.version}: transitions ${cov.transitions.covered.length}/${cov.transitions.total} (${pct(cov.transitions.covered.length, cov.transitions.total)} %), alerts ${cov.alerts.covered.length}/${cov.alerts.total} (${pct(cov.alerts.covered.length, cov.alerts.total)} %)`,
        );
        for (const k of [...cov.transitions.uncovered, ...cov.alerts.uncovered])
          coverageLines.push(`    not exercised: ${k}`);
      }
    }
  }
  const passed = outcomes.filter((o) => o.passed).length;
  const failed = outcomes.length - passed;
  if (flags.json === true) {
    io.out(
      JSON.stringify(
        {
          passed,
          failed,
          scenarios: outcomes.map(({ result: _r, ...o }) => o),
          coverage: coverages,
        },
        null,
        2,
      ),
    );
  } else {
    io.out([...lines, '', ...coverageLines, `${passed} passed, ${failed} failed`].join('\n'));
  }
  return failed > 0 || outcomes.length === 0 ? EXIT_FAILURES : EXIT_OK;
}

export const testCommand: CommandFactory = (io, done) =>
  new Command('test')
    .description(
      'Run scenarios (example patients with expected results) and report transition and alert coverage.',
    )
    .argument(
      '[paths...]',
      'pathways folder, a pathway folder, its scenarios folder or scenario files (default: ./pathways)',
    )
    .option('--json', 'print outcomes and coverage as JSON')
    .action(async (paths: string[], flags: TestFlags) => done(await run(io, paths, flags)));
