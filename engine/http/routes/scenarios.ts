/**
 * Scenarios (example patients) of a pathway: `GET /api/pathways/:id/scenarios` lists them,
 * `POST /api/pathways/:id/scenarios` saves one in canonical form. An existing scenario is
 * overwritten only when the request carries the hash it was loaded with. A saved scenario
 * names only versions that exist on disk, and its expected step and alerts exist in each of
 * them: `pathway test` would otherwise fail on a version it cannot find.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { contentHash } from '../../model/hash';
import { writeFileAtomic } from '../../node/write';
import { parseScenario } from '../../yaml/parse';
import { printScenario } from '../../yaml/print';
import { PathwayError } from '../../errors';
import type { Pathway, Scenario } from '../../model/types';
import { versionsOf } from '../../node/repository';
import { requireScenarioObject } from '../documents';
import { HttpError, type HttpIssue } from '../errors';
import { pathInside, readIfExists, repositoryOf, requirePathway, scenariosDir } from '../repo';
import {
  idParamsSchema,
  saveScenarioBodySchema,
  saveScenarioResponseSchema,
  scenariosResponseSchema,
} from '../schemas';

/**
 * What a scenario names that the versions on disk do not have: a version (not saved yet, so
 * `pathway test` could not run it), an expected step or an expected alert id. Each issue
 * names the field.
 */
export function scenarioReferenceIssues(
  scenario: Scenario,
  versions: readonly Pathway[],
): HttpIssue[] {
  const issues: HttpIssue[] = [];
  const byVersion = new Map(versions.map((p) => [p.version, p] as const));
  const known = [...byVersion.keys()].join(', ');
  scenario.versions.forEach((version, i) => {
    const pathway = byVersion.get(version);
    if (pathway === undefined) {
      issues.push({
        code: 'UNKNOWN_VERSION',
        message: `version ${version} is not saved (saved versions: ${known}); save the version first`,
        path: `scenario.versions[${i}]`,
        value: version,
      });
      return;
    }
    const expectations = [
      { path: 'scenario.expect', expect: scenario.expect },
      ...Object.entries(scenario.expectByVersion ?? {})
        .filter(([v]) => v === version)
        .map(([v, expect]) => ({ path: `scenario.expectByVersion.${v}`, expect })),
    ];
    for (const { path, expect } of expectations) {
      const step = expect.step;
      if (step !== undefined && !pathway.steps.some((s) => s.id === step))
        issues.push({
          code: 'UNKNOWN_STEP',
          message: `version ${version} has no step ${step}`,
          path: `${path}.step`,
          value: step,
        });
      const alertIds = new Set(pathway.alerts.map((a) => a.id));
      for (const field of ['alerts', 'alertsInclude', 'alertsExclude'] as const)
        (expect[field] ?? []).forEach((id, j) => {
          if (!alertIds.has(id))
            issues.push({
              code: 'BAD_REQUEST',
              message: `version ${version} has no alert ${id}`,
              path: `${path}.${field}[${j}]`,
              value: id,
            });
        });
    }
  });
  return issues;
}

async function scenarioFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
import { defineRoute, errorResponses } from '../route';

export const scenarioListRoute = defineRoute({
  method: 'get',
  path: '/api/pathways/:id/scenarios',
  summary: 'The example patients of a pathway',
  responses: {
    200: { description: 'the scenarios', name: 'ScenarioList', schema: scenariosResponseSchema },
    ...errorResponses(400, 404),
  },
  params: idParamsSchema,
  async handler({ params: { id }, deps }) {
    const { ctx } = deps;
    await requirePathway(ctx, id);
    const dir = scenariosDir(ctx.pathwaysDir, id);
    const scenarios = [];
    for (const file of await scenarioFiles(dir)) {
      const text = await readIfExists(pathInside(ctx.pathwaysDir, id, 'scenarios', file));
      if (text === null) continue;
      try {
        scenarios.push({
          file,
          hash: contentHash(text),
          scenario: parseScenario(text, `${id}/scenarios/${file}`),
        });
      } catch (error) {
        if (error instanceof PathwayError)
          throw new HttpError(
            'SCENARIO',
            `scenario ${id}/scenarios/${file} is broken: ${error.message}`,
            [],
            {},
            500,
          );
        throw error;
      }
    }
    return { scenarios };
  },
});

export const saveScenarioRoute = defineRoute({
  method: 'post',
  path: '/api/pathways/:id/scenarios',
  summary:
    'Save a scenario in canonical form (overwrite only with the baseHash it was loaded with)',
  responses: {
    200: {
      description: 'overwritten',
      name: 'SaveScenarioResponse',
      schema: saveScenarioResponseSchema,
    },
    201: {
      description: 'created',
      name: 'SaveScenarioResponse',
      schema: saveScenarioResponseSchema,
    },
    ...errorResponses(400, 403, 404, 409),
  },
  guard: 'save scenarios',
  params: idParamsSchema,
  body: { schema: saveScenarioBodySchema, name: 'SaveScenarioRequest' },
  async handler({ params: { id }, body, reply, deps }) {
    const { ctx } = deps;
    await requirePathway(ctx, id);
    const scenario = requireScenarioObject(body.scenario, 'scenario');
    if (scenario.pathway !== id)
      throw new HttpError(
        'ID_MISMATCH',
        `scenario.pathway is '${scenario.pathway}' but the URL names '${id}'`,
        [
          {
            code: 'ID_MISMATCH',
            message: `expected '${id}'`,
            path: 'scenario.pathway',
            value: scenario.pathway,
          },
        ],
      );
    const onDisk = versionsOf(await repositoryOf(ctx), id).map((v) => v.pathway);
    const issues = scenarioReferenceIssues(scenario, onDisk);
    if (issues.length > 0)
      throw new HttpError(
        'BAD_REQUEST',
        `scenario names what the saved versions do not have: ${issues[0]?.path ?? ''}: ${issues[0]?.message ?? ''}`,
        issues,
        {},
        400,
      );
    const dir = scenariosDir(ctx.pathwaysDir, id);
    const file = pathInside(ctx.pathwaysDir, id, 'scenarios', `${body.name}.yaml`);
    const text = printScenario(scenario);
    const saved = await ctx.writes.run(file, async () => {
      const current = await readIfExists(file);
      const currentHash = current === null ? null : contentHash(current);
      if (current !== null && (body.baseHash === undefined || body.baseHash === null))
        throw new HttpError(
          'ALREADY_EXISTS',
          `scenario ${body.name} exists: send its baseHash to overwrite it`,
          [],
          { currentHash },
        );
      if (typeof body.baseHash === 'string' && body.baseHash !== currentHash)
        throw new HttpError(
          'HASH_MISMATCH',
          currentHash === null
            ? `scenario ${body.name} does not exist (baseHash was given)`
            : `scenario ${body.name} changed since it was loaded`,
          [],
          { currentHash },
        );
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(file, text);
      return { created: current === null };
    });
    void reply.code(saved.created ? 201 : 200);
    return {
      file: `${body.name}.yaml`,
      hash: contentHash(text),
      created: saved.created,
    };
  },
});
