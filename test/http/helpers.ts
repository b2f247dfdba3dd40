/** Building the service over temporary folders for in-process HTTP tests (`app.inject`). */
import { join, resolve } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../engine/http/app';
import type { Pathway } from '../../engine/model/types';
import { tempDir, writePathway, writeTwoVersions } from '../fixtures/files';
import { miniPathway } from '../fixtures/pathways';

/** The date the tests run on. */
export const TODAY = '2026-11-23';

/** The repository's own pathways folder. */
export const REAL_PATHWAYS = resolve(__dirname, '../../pathways');

/** A temporary pathways folder with mini 1.0.0 (retired), 1.1.0 (active) and 2.0.0 (draft). */
export async function miniFolder(extra: Pathway[] = []): Promise<string> {
  const root = await tempDir();
  await writeTwoVersions(root);
  await writePathway(
    root,
    miniPathway({ version: '2.0.0', status: 'draft', effective: { from: '2027-01-01' } }),
  );
  for (const p of extra) await writePathway(root, p);
  return root;
}

/** A service under test, with its folders. */
export interface TestService {
  app: FastifyInstance;
  root: string;
  dataDir: string;
  /** Sends a request and parses the JSON answer. */
  call(
    options: InjectOptions,
  ): Promise<{ status: number; body: unknown; response: LightMyRequestResponse }>;
}

/** Builds the app over `root` (default: a fresh mini folder) with answers checked against their schemas. */
export async function service(
  options: Partial<AppOptions> & { root?: string } = {},
): Promise<TestService> {
  const root = options.root ?? (await miniFolder());
  const dataDir = options.dataDir ?? (await tempDir());
  const { root: _root, ...rest } = options;
  const app = await buildApp({
    pathwaysDir: root,
    dataDir,
    editorDir: join(dataDir, 'no-editor'),
    today: () => TODAY,
    checkResponses: true,
    ...rest,
  });
  return {
    app,
    root,
    dataDir,
    async call(request) {
      const response = await app.inject(request);
      const type = String(response.headers['content-type'] ?? '');
      return {
        status: response.statusCode,
        body: type.startsWith('application/json') ? (response.json() as unknown) : response.body,
        response,
      };
    },
  };
}

/** The error code of an error answer. */
export function errorCode(body: unknown): string | undefined {
  return (body as { error?: { code?: string } }).error?.code;
}

/** The error body of an error answer. */
export function errorOf(body: unknown): {
  code: string;
  message: string;
  issues: { code: string; message: string; path?: string; value?: unknown }[];
} & Record<string, unknown> {
  return (body as { error: never }).error;
}
