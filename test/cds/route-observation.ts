/**
 * What the CDS route does with one request, as text that can be compared between versions of
 * the code: the answer (status and body) and every row it wrote (the audit row and the cards
 * remembered for feedback), byte for byte, with only what differs between runs replaced: the
 * card uuids (numbered in the order they appear) and the audit row's time. Also the FHIR
 * mapping of the request's prefetch on its own (facts, missing, problems, notes, unmapped).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { unpackPrefetch } from '../../engine/cds/prefetch';
import { prefetchTemplates, type PrefetchKey } from '../../engine/cds/services';
import { factsFromFhir } from '../../engine/fhir';
import { buildApp } from '../../engine/http/app';
import { loadMedicationCodes } from '../../engine/node/medication-codes';
import { findVersion, loadRepository } from '../../engine/node/repository';
import type { CdsCase } from '../fixtures/fhir/mutated-prefetches';

const PATHWAYS = join(import.meta.dirname, '../../pathways');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The service of one day (the whole app, as `pathway serve` builds it) and its audit file. */
interface Route {
  app: FastifyInstance;
  db: Database.Database;
}

/** Observes CDS requests; {@link close} when done. */
export class RouteObserver {
  private readonly routes = new Map<string, Route>();
  private readonly dir = mkdtempSync(join(tmpdir(), 'cds-observe-'));

  private async route(today: string): Promise<Route> {
    let route = this.routes.get(today);
    if (route === undefined) {
      const auditFile = join(this.dir, `${today}.sqlite`);
      const app = await buildApp({
        pathwaysDir: PATHWAYS,
        auditFile,
        editorDir: join(this.dir, 'no-editor'),
        today: () => today,
        cds: { auth: { mode: 'off' } },
        limits: { clientConcurrency: 0 },
      });
      await app.ready();
      route = { app, db: new Database(auditFile, { readonly: true }) };
      this.routes.set(today, route);
    }
    return route;
  }

  /** The answer and the rows written for `c`, as one text. */
  async observe(c: CdsCase): Promise<string> {
    const { app, db } = await this.route(c.today);
    const before = db.prepare('SELECT max(id) AS id FROM audit').get() as { id: number | null };
    const response = await app.inject({
      method: 'POST',
      url: `/cds-services/${c.serviceId}`,
      headers: { 'accept-language': c.language, 'content-type': 'application/json' },
      payload: JSON.stringify(c.body),
    });
    const after = before.id ?? 0;
    const rows = db.prepare('SELECT * FROM audit WHERE id > ? ORDER BY id').all(after) as Record<
      string,
      unknown
    >[];
    const cards = db
      .prepare('SELECT * FROM cds_cards WHERE audit_id > ? ORDER BY rowid')
      .all(after);
    const text = JSON.stringify({
      status: response.statusCode,
      body: response.body,
      audit: rows.map((r) => ({ ...r, time: 'time' })),
      cards,
    });
    const seen = new Map<string, string>();
    return text.replace(UUID, (u) => {
      if (u === (c.body['hookInstance'] as string)) return u;
      let n = seen.get(u);
      if (n === undefined) seen.set(u, (n = `uuid-${seen.size}`));
      return n;
    });
  }

  async close(): Promise<void> {
    for (const { app, db } of this.routes.values()) {
      db.close();
      await app.close();
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

let repository: ReturnType<typeof loadRepository> | undefined;
let medicationCodes: ReturnType<typeof loadMedicationCodes> | undefined;

/** The FHIR mapping of `c`'s prefetch under the version in effect on its day, as text. */
export async function observeMapping(c: CdsCase): Promise<string> {
  const repo = await (repository ??= loadRepository(PATHWAYS));
  const pathwayId = c.serviceId.replace(/-pathway$/, '');
  const { pathway } = findVersion(repo, pathwayId, { asOf: c.today });
  const prefetch = c.body['prefetch'];
  const context = c.body['context'] as { patientId?: string } | undefined;
  if (typeof prefetch !== 'object' || prefetch === null || Array.isArray(prefetch)) return 'none';
  const keys = Object.keys(prefetchTemplates(pathway)) as PrefetchKey[];
  const unpacked = unpackPrefetch(prefetch as Record<string, unknown>, keys);
  try {
    const mapping = factsFromFhir(pathway, unpacked.resources, {
      asOf: c.today,
      ...(context?.patientId === undefined ? {} : { patientId: context.patientId }),
      completeTypes: unpacked.completeTypes,
      lists: unpacked.lists,
      medicationCodes: await (medicationCodes ??= loadMedicationCodes()),
    });
    return JSON.stringify({ unpacked, mapping });
  } catch (error) {
    return `throws ${String(error)}`;
  }
}

/** A short digest of an observation, for the recorded file. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
