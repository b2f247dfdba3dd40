/** Reading pathways: the list of pathways and versions, and one version with its layout. */
import type { FastifyInstance } from 'fastify';
import { readLock } from '../../node/lock';
import { inEffectOn } from '../../versions/select';
import { answer, paramsOf, type RouteDeps } from '../http';
import { readVersion, repositoryOf } from '../repo';
import { pathwayListResponseSchema, versionParamsSchema, versionResponseSchema } from '../schemas';

/** Registers `GET /api/pathways` and `GET /api/pathways/:id/versions/:version`. */
export function registerPathwayRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { ctx } = deps;

  app.get('/api/pathways', async () => {
    const repo = await repositoryOf(ctx);
    const lock = await readLock(ctx.pathwaysDir);
    const today = ctx.today();
    const pathways = [...repo.pathways.entries()].map(([id, versions]) => {
      const latest = versions[versions.length - 1];
      const current = versions.filter((v) => inEffectOn(v.pathway, today));
      return {
        id,
        title: { ...(latest?.pathway.title ?? {}) },
        inEffect: current.length === 1 ? (current[0]?.pathway.version ?? null) : null,
        versions: versions.map((v) => ({
          version: v.pathway.version,
          status: v.pathway.status,
          effective: { ...v.pathway.effective },
          inEffectToday: inEffectOn(v.pathway, today),
          frozen: v.pathway.status !== 'draft' || lock[v.key] !== undefined,
          hash: v.hash,
          title: { ...v.pathway.title },
        })),
      };
    });
    return answer(deps, pathwayListResponseSchema, { today, pathways });
  });

  app.get('/api/pathways/:id/versions/:version', async (request) => {
    const { id, version } = paramsOf(versionParamsSchema, request);
    const found = await readVersion(ctx, id, version);
    return answer(deps, versionResponseSchema, {
      pathway: found.pathway,
      text: found.text,
      hash: found.hash,
      layout: found.layout,
      layoutHash: found.layoutHash,
      frozen: found.frozen,
    });
  });
}
