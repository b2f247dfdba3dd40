/**
 * `POST /api/pathways/:id/versions/:version/publish`: makes a draft active from a date and
 * freezes it (its hash goes into `frozen.lock.json`), retiring the version it replaces
 * (status retired, `effective.to` = the new start; see `versions/lifecycle.ts`). Refused
 * when the draft changed since it was loaded, or when the linter finds an error in the
 * published document together with its siblings as they will be; failing scenarios and the
 * impact on the scenarios' patients and on a patients file sent with the request must be
 * acknowledged (the file by its digest: see versions/publish-patients).
 *
 * One publish at a time per pathway, across processes (several service instances may share
 * the folder): the whole check-and-write runs holding `<pathways>/.<id>.publish.lock`
 * (engine/node/exclusive), and the siblings are read from disk under it, not from a cache.
 * A publish that finds the lock taken, or finds that another version was just made active
 * over its dates, answers 409 PUBLISH_BLOCKED naming that version and when it was published.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PathwayError } from '../../errors';
import { contentHash } from '../../model/hash';
import { retirementsFor } from '../../versions/lifecycle';
import { publicationRecord, publishChecks } from '../../versions/publish-checks';
import { refuseUnlessClear, scenariosOf } from './publish-refusal';
import type { Pathway } from '../../model/types';
import { LockHeldError, withFileLock } from '../../node/exclusive';
import { frozenHash, updateLock } from '../../node/lock';
import { writeFileAtomic } from '../../node/write';
import { printPathway } from '../../yaml/print';
import { HttpError } from '../errors';
import { isFrozen, pathInside, readIfExists, repositoryOf } from '../repo';
import { publishBodySchema, publishResponseSchema, versionParamsSchema } from '../schemas';
import { checkBaseHash, parsedOrUndefined } from './save';
import { defineRoute, errorResponses } from '../route';
import { PUBLISH_BODY_LIMIT } from '../../versions/publish-limit';

export const publishRoute = defineRoute({
  method: 'post',
  path: '/api/pathways/:id/versions/:version/publish',
  summary: 'Publish a draft: status active, effective dates, recorded in frozen.lock.json',
  description:
    'The body may carry a patients file (NDJSON) to check the impact on, so this route takes bodies up to 64 MiB (PUBLISH_BODY_LIMIT; every other JSON route keeps the service limit, 1 MiB by default). A larger body is answered 413 PAYLOAD_TOO_LARGE naming its size and the limit (`size`, `limit` in bytes).',
  bodyLimit: PUBLISH_BODY_LIMIT,
  responses: {
    200: {
      description: 'published and frozen',
      name: 'PublishResponse',
      schema: publishResponseSchema,
    },
    ...errorResponses(400, 403, 404, 409, 413),
  },
  guard: 'publish pathways',
  params: versionParamsSchema,
  body: { schema: publishBodySchema, name: 'PublishRequest' },
  async handler({ params: { id, version }, body, deps }) {
    const { ctx } = deps;
    const key = `${id}/${version}.yaml`;
    const file = pathInside(ctx.pathwaysDir, id, `${version}.yaml`);
    const guard = join(ctx.pathwaysDir, `.${id}.publish.lock`);

    // An acknowledgement of a file the route is not sent could only be recorded unchecked.
    if (body.acknowledge?.patients !== undefined && body.patients === undefined)
      throw new HttpError(
        'BAD_REQUEST',
        'acknowledge.patients names a patients file that is not in the request: send it in patients so that it is checked',
        [
          {
            code: 'BAD_REQUEST',
            message: 'acknowledged without the file',
            path: 'acknowledge.patients',
          },
        ],
      );
    const publish = (): Promise<string> =>
      ctx.writes.run(file, async () => {
        const current = await readIfExists(file);
        if (current === null)
          throw new HttpError('UNKNOWN_VERSION', `there is no ${key} to publish`);
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
        // Only this publish says what it acknowledged (a draft copied from a published
        // version carries that version's record).
        delete published.publication;
        // Read from disk now, under the lock: another instance may have published a moment ago.
        ctx.invalidate();
        const loaded = (await repositoryOf(ctx)).pathways.get(id) ?? [];
        const winner = loaded.find(
          (v) =>
            v.pathway.version !== version &&
            v.pathway.status === 'active' &&
            v.pathway.effective.from >= published.effective.from,
        );
        if (winner !== undefined) {
          const since = await publishedAt(winner.file);
          throw new HttpError(
            'PUBLISH_BLOCKED',
            `cannot publish ${id} ${version} from ${published.effective.from}: active version ${winner.pathway.version} only starts on ${winner.pathway.effective.from} (published ${since})`,
            [
              {
                code: 'AMBIGUOUS_VERSION',
                message: `overlaps active version ${winner.pathway.version}`,
                path: 'effective.from',
                value: published.effective.from,
              },
            ],
            { winner: { version: winner.pathway.version, since } },
          );
        }
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
        const scenarios = await scenariosOf(ctx.pathwaysDir, id);
        const checks = await publishChecks(published, siblings, scenarios, body.patients);
        refuseUnlessClear(key, checks, body.acknowledge);
        const record = publicationRecord(checks, body.acknowledge);
        const final: Pathway =
          record === undefined ? published : { ...published, publication: record };
        // Retire the predecessors first: if publishing fails after that, the pathway has no
        // open-ended version rather than two overlapping ones, and lint says so.
        for (const r of retired) {
          await writeFileAtomic(
            pathInside(ctx.pathwaysDir, id, `${r.version}.yaml`),
            printPathway(r),
          );
        }
        const text = printPathway(final);
        await writeFileAtomic(file, text);
        const newHash = contentHash(text);
        await updateLock(ctx.pathwaysDir, `publish ${key}`, (lock) => {
          lock[key] = frozenHash(final);
          return true;
        });
        ctx.invalidate();
        return newHash;
      });

    let hash: string;
    try {
      hash = await withFileLock(guard, `publish ${key}`, publish, { details: { version } });
    } catch (error) {
      if (!(error instanceof LockHeldError)) throw error;
      const other = error.holder?.details?.version ?? 'another version';
      const since = error.holder?.since ?? 'just now';
      throw new HttpError(
        'PUBLISH_BLOCKED',
        `${id} ${other} is being published (since ${since}): one publish at a time per pathway; reload and try again`,
        [{ code: 'PUBLISH_BLOCKED', message: `publish of ${other} in progress`, path: 'version' }],
        { winner: { version: other, since } },
      );
    }
    return { key, hash, frozen: true };
  },
});

/** When a version file was last written (its publish, for a version just made active). */
async function publishedAt(file: string): Promise<string> {
  try {
    return (await stat(file)).mtime.toISOString();
  } catch {
    return 'at an unknown time';
  }
}
