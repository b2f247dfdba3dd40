/**
 * The editor's save. `PUT /api/pathways/:id/versions/:version` writes a draft in canonical
 * form, with its layout, each file atomically (temporary file + rename). The save only
 * happens if the file on disk still has the hash the editor loaded (`baseHash`; null = the
 * file must not exist yet), the version is not frozen, and the document is a draft whose
 * id and version match the URL. `PUT …/layout` saves positions only, for any version.
 */
import { mkdir } from 'node:fs/promises';
import { contentHash } from '../../model/hash';
import { printLayout } from '../../model/layout';
import { writeFileAtomic } from '../../node/write';
import { printPathway } from '../../yaml/print';
import { lintDocument, requirePathwayObject } from '../documents';
import { HttpError } from '../errors';
import { isFrozen, pathInside, readIfExists } from '../repo';
import {
  saveBodySchema,
  saveLayoutBodySchema,
  saveLayoutResponseSchema,
  saveResponseSchema,
  versionParamsSchema,
} from '../schemas';
import { parsePathway } from '../../yaml/parse';
import { prepareScenarioWrites } from './save-scenarios';
import type { Pathway } from '../../model/types';

/** The document on disk, parsed if it parses (a broken file can still be replaced). */
export function parsedOrUndefined(text: string | null, key: string): Pathway | undefined {
  if (text === null) return undefined;
  try {
    return parsePathway(text, key);
  } catch {
    return undefined;
  }
}

/** 409 unless the file's current hash is the one the client based its change on. */
export function checkBaseHash(
  what: string,
  currentHash: string | null,
  baseHash: string | null,
): void {
  if (currentHash === baseHash) return;
  if (baseHash === null)
    throw new HttpError(
      'ALREADY_EXISTS',
      `${what} already exists: load it and send its hash as baseHash`,
      [],
      {
        currentHash,
      },
    );
  throw new HttpError(
    'HASH_MISMATCH',
    currentHash === null
      ? `${what} does not exist any more (it was deleted since it was loaded)`
      : `${what} changed on disk since it was loaded: reload it and apply the change again`,
    [
      {
        code: 'HASH_MISMATCH',
        message: 'baseHash is not the current hash',
        path: 'baseHash',
        value: baseHash,
      },
    ],
    { currentHash },
  );
}
import { defineRoute, errorResponses } from '../route';

export const saveRoute = defineRoute({
  method: 'put',
  path: '/api/pathways/:id/versions/:version',
  summary: "Save a draft (the editor's save)",
  description:
    'Writes canonical YAML and the layout sidecar atomically. `baseHash` must be the hash of the file as loaded (null: the file must not exist). Only drafts; frozen versions are refused.',
  responses: {
    200: { description: 'saved', name: 'SaveResponse', schema: saveResponseSchema },
    201: { description: 'created', name: 'SaveResponse', schema: saveResponseSchema },
    ...errorResponses(400, 403, 409, 413),
  },
  guard: 'save pathways',
  params: versionParamsSchema,
  body: { schema: saveBodySchema, name: 'SaveRequest' },
  async handler({ params: { id, version }, body, reply, deps }) {
    const { ctx } = deps;
    const doc = requirePathwayObject(body.pathway, 'pathway');
    const mismatches = [
      ...(doc.id === id ? [] : [{ path: 'pathway.id', value: doc.id, expected: id }]),
      ...(doc.version === version
        ? []
        : [{ path: 'pathway.version', value: doc.version, expected: version }]),
    ];
    if (mismatches.length > 0)
      throw new HttpError(
        'ID_MISMATCH',
        `the document is ${doc.id} ${doc.version} but the URL names ${id} ${version}`,
        mismatches.map((m) => ({
          code: 'ID_MISMATCH',
          message: `expected '${m.expected}'`,
          path: m.path,
          value: m.value,
        })),
      );
    if (doc.status !== 'draft')
      throw new HttpError(
        'STATUS_NOT_DRAFT',
        `only drafts are saved: publish a draft with POST /api/pathways/${id}/versions/${version}/publish`,
        [
          {
            code: 'STATUS_NOT_DRAFT',
            message: 'expected status draft',
            path: 'pathway.status',
            value: doc.status,
          },
        ],
      );
    const key = `${id}/${version}.yaml`;
    const file = pathInside(ctx.pathwaysDir, id, `${version}.yaml`);
    const layoutFile = pathInside(ctx.pathwaysDir, id, `${version}.layout.json`);
    const text = printPathway(doc);
    const layoutText = body.layout === undefined ? undefined : printLayout(body.layout);

    const saved = await ctx.writes.run(file, async () => {
      const current = await readIfExists(file);
      if (await isFrozen(ctx.pathwaysDir, key, parsedOrUndefined(current, key)))
        throw new HttpError(
          'FROZEN_VERSION',
          `${key} is frozen (active or retired): put the change in a new version`,
          [],
          { currentHash: current === null ? null : contentHash(current) },
        );
      checkBaseHash(key, current === null ? null : contentHash(current), body.baseHash);
      // Scenarios sent with the version are all checked before anything is written.
      const writeScenarios = await prepareScenarioWrites(
        ctx.pathwaysDir,
        id,
        version,
        body.scenarios ?? [],
      );
      await mkdir(pathInside(ctx.pathwaysDir, id), { recursive: true });
      await writeFileAtomic(file, text);
      if (layoutText !== undefined) await writeFileAtomic(layoutFile, layoutText);
      await writeScenarios();
      ctx.invalidate();
      const layoutNow = layoutText ?? (await readIfExists(layoutFile));
      return {
        created: current === null,
        layoutHash: layoutNow === null ? null : contentHash(layoutNow),
      };
    });

    let siblings: Pathway[] = [];
    try {
      siblings = ((await ctx.repository()).pathways.get(id) ?? []).map((v) => v.pathway);
    } catch {
      siblings = [];
    }
    void reply.code(saved.created ? 201 : 200);
    return {
      key,
      hash: contentHash(text),
      layoutHash: saved.layoutHash,
      created: saved.created,
      lint: lintDocument(doc, siblings),
    };
  },
});

export const saveLayoutRoute = defineRoute({
  method: 'put',
  path: '/api/pathways/:id/versions/:version/layout',
  summary:
    'Save node positions only (allowed for frozen versions: positions are not clinical content)',
  responses: {
    200: { description: 'saved', name: 'SaveLayoutResponse', schema: saveLayoutResponseSchema },
    ...errorResponses(400, 403, 404, 409),
  },
  guard: 'save layouts',
  params: versionParamsSchema,
  body: { schema: saveLayoutBodySchema, name: 'SaveLayoutRequest' },
  async handler({ params: { id, version }, body, deps }) {
    const { ctx } = deps;
    const key = `${id}/${version}.yaml`;
    const file = pathInside(ctx.pathwaysDir, id, `${version}.yaml`);
    const layoutFile = pathInside(ctx.pathwaysDir, id, `${version}.layout.json`);
    const text = printLayout(body.layout);
    await ctx.writes.run(file, async () => {
      if ((await readIfExists(file)) === null)
        throw new HttpError('UNKNOWN_VERSION', `there is no ${key} to save a layout for`);
      const current = await readIfExists(layoutFile);
      checkBaseHash(
        `${id}/${version}.layout.json`,
        current === null ? null : contentHash(current),
        body.baseLayoutHash,
      );
      await writeFileAtomic(layoutFile, text);
    });
    return {
      key: `${id}/${version}.layout.json`,
      layoutHash: contentHash(text),
    };
  },
});
