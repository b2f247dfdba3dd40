/** Reading pathways: the list of pathways and versions, and one version with its layout. */
import type { Pathway } from '../../model/types';
import { readLock } from '../../node/lock';
import { pathwayToday } from '../../service/today';
import { effectiveEnd, inEffectOn } from '../../versions/select';
import { readVersion, repositoryOf } from '../repo';
import { pathwayListResponseSchema, versionParamsSchema, versionResponseSchema } from '../schemas';
import { defineRoute, errorResponses } from '../route';

function effectivePeriod(pathway: Pathway, all: readonly Pathway[]): Pathway['effective'] {
  const to = effectiveEnd(pathway, all);
  return to === undefined ? { from: pathway.effective.from } : { from: pathway.effective.from, to };
}

export const pathwayListRoute = defineRoute({
  method: 'get',
  path: '/api/pathways',
  summary: 'Pathways with their versions (status, effective dates, in effect today, hash)',
  responses: {
    200: { description: 'the list', name: 'PathwayList', schema: pathwayListResponseSchema },
  },
  async handler({ deps }) {
    const { ctx } = deps;
    const repo = await repositoryOf(ctx);
    const lock = await readLock(ctx.pathwaysDir);
    const today = ctx.today();
    const pathways = [...repo.pathways.entries()].map(([id, versions]) => {
      // Each pathway's "today" is its own time zone's date (docs/versions.md).
      const day = pathwayToday(versions, ctx.today);
      const latest = versions[versions.length - 1];
      const all = versions.map((v) => v.pathway);
      const current = versions.filter((v) => inEffectOn(v.pathway, day, all));
      return {
        id,
        title: { ...(latest?.pathway.title ?? {}) },
        inEffect: current.length === 1 ? (current[0]?.pathway.version ?? null) : null,
        versions: versions.map((v) => ({
          version: v.pathway.version,
          status: v.pathway.status,
          // The effective period, ended by a successor's `supersedes` when it declares one.
          effective: effectivePeriod(v.pathway, all),
          inEffectToday: inEffectOn(v.pathway, day, all),
          frozen: v.pathway.status !== 'draft' || lock[v.key] !== undefined,
          hash: v.hash,
          title: { ...v.pathway.title },
        })),
      };
    });
    return { today, pathways };
  },
});

export const versionRoute = defineRoute({
  method: 'get',
  path: '/api/pathways/:id/versions/:version',
  summary: 'One version: the document, its canonical YAML, hash, layout and whether it is frozen',
  responses: {
    200: { description: 'the version', name: 'Version', schema: versionResponseSchema },
    ...errorResponses(400, 404),
  },
  params: versionParamsSchema,
  async handler({ params: { id, version }, deps }) {
    const { ctx } = deps;
    const found = await readVersion(ctx, id, version);
    return {
      pathway: found.pathway,
      text: found.text,
      hash: found.hash,
      layout: found.layout,
      layoutHash: found.layoutHash,
      frozen: found.frozen,
    };
  },
});
