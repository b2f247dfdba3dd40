/**
 * `POST /api/pathways/:id/versions/:version/publish`: makes a draft active from a date and
 * freezes it (its hash goes into `frozen.lock.json`), retiring the version it replaces
 * (status retired, `effective.to` = the new start; see `versions/lifecycle.ts`). Refused
 * when the draft changed since it was loaded, or when the linter finds an error in the
 * published document together with its siblings as they will be.
 */
import { join } from 'node:path';
import { PathwayError } from '../../errors';
import { compilePathway } from '../../evaluate/compile';
import { contentHash } from '../../model/hash';
import { retirementsFor } from '../../versions/lifecycle';
import type { Pathway } from '../../model/types';
import { LOCK_FILE, frozenHash, readLock, writeLock } from '../../node/lock';
import { writeFileAtomic } from '../../node/write';
import { printPathway } from '../../yaml/print';
import { lintDocument } from '../documents';
import { HttpError } from '../errors';
import { isFrozen, pathInside, readIfExists, repositoryOf } from '../repo';
import { publishBodySchema, publishResponseSchema, versionParamsSchema } from '../schemas';
import { checkBaseHash, parsedOrUndefined } from './save';
import { defineRoute, errorResponses } from '../route';

export const publishRoute = defineRoute({
  method: 'post',
  path: '/api/pathways/:id/versions/:version/publish',
  summary: 'Publish a draft: status active, effective dates, recorded in frozen.lock.json',
  responses: {
    200: {
      description: 'published and frozen',
      name: 'PublishResponse',
      schema: publishResponseSchema,
    },
    ...errorResponses(400, 403, 404, 409),
  },
  guard: 'publish pathways',
  params: versionParamsSchema,
  body: { schema: publishBodySchema, name: 'PublishRequest' },
  async handler({ params: { id, version }, body, deps }) {
    const { ctx } = deps;
    const key = `${id}/${version}.yaml`;
    const file = pathInside(ctx.pathwaysDir, id, `${version}.yaml`);
    const lockFile = join(ctx.pathwaysDir, LOCK_FILE);

    const hash = await ctx.writes.run(file, async () => {
      const current = await readIfExists(file);
      if (current === null) throw new HttpError('UNKNOWN_VERSION', `there is no ${key} to publish`);
      const draft = parsedOrUndefined(current, key);
      if (await isFrozen(ctx.pathwaysDir, key, draft))
        throw new HttpError('FROZEN_VERSION', `${key} is already frozen (active or retired)`);
      checkBaseHash(key, contentHash(current), body.baseHash);
      if (draft === undefined)
        throw new HttpError(
          'PUBLISH_BLOCKED',
          `${key} does not pass the schema: fix and save it first`,
        );
      const published: Pathway = { ...draft, status: 'active', effective: { ...body.effective } };
      const loaded = (await repositoryOf(ctx)).pathways.get(id) ?? [];
      let retired: Pathway[];
      try {
        retired = retirementsFor(
          loaded.map((v) => v.pathway),
          published,
        );
      } catch (error) {
        if (!(error instanceof PathwayError)) throw error;
        throw new HttpError('PUBLISH_BLOCKED', error.message, [...error.issues]);
      }
      const retiredVersions = new Map(retired.map((r) => [r.version, r]));
      const siblings = loaded.map((v) => retiredVersions.get(v.pathway.version) ?? v.pathway);
      const errors = lintDocument(published, siblings).filter((i) => i.severity === 'error');
      try {
        compilePathway(published);
      } catch (error) {
        if (!(error instanceof PathwayError)) throw error;
        errors.push(
          ...error.issues.map((i) => ({
            rule: 'unknown-step' as const,
            severity: 'error' as const,
            message: i.message,
            path: i.path ?? '',
          })),
        );
      }
      if (errors.length > 0)
        throw new HttpError(
          'PUBLISH_BLOCKED',
          `${key} cannot be published: ${errors.length} lint error(s), first: ${errors[0]?.path ?? ''}: ${errors[0]?.message ?? ''}`,
          errors.map((e) => ({
            code: 'PUBLISH_BLOCKED',
            message: `${e.rule}: ${e.message}`,
            path: e.path,
          })),
        );
      // Retire the predecessors first: if publishing fails after that, the pathway has no
      // open-ended version rather than two overlapping ones, and lint says so.
      for (const r of retired) {
        await writeFileAtomic(
          pathInside(ctx.pathwaysDir, id, `${r.version}.yaml`),
          printPathway(r),
        );
      }
      const text = printPathway(published);
      await writeFileAtomic(file, text);
      const newHash = contentHash(text);
      await ctx.writes.run(lockFile, async () => {
        const lock = await readLock(ctx.pathwaysDir);
        lock[key] = frozenHash(published);
        await writeLock(ctx.pathwaysDir, lock);
      });
      ctx.invalidate();
      return newHash;
    });
    return { key, hash, frozen: true };
  },
});
