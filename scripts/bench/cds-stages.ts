/**
 * The CDS patient-view call in its stages, for `bench:http --stages` (not a test): body
 * parse, request check, prefetch unpack, FHIR mapping, evaluation (no audit), cards and the
 * answer's JSON, each timed in CPU microseconds per call (`process.cpuUsage`, so a busy
 * machine moves it less than wall time). With a second checkout both pipelines are loaded in
 * this one process and called in turn, alternating which goes first, and their answers are
 * checked to be the same text (card ids numbered, not random).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as JsonBody from '../../engine/http/json-body';
import type * as RequestCheck from '../../engine/cds/request-check';
import type * as Prefetch from '../../engine/cds/prefetch';
import type * as Services from '../../engine/cds/services';
import type * as Fhir from '../../engine/fhir';
import type * as Cards from '../../engine/cds/cards';
import type * as Repository from '../../engine/node/repository';
import type * as MedicationCodes from '../../engine/node/medication-codes';
import type * as Service from '../../engine/service/service';

/** What a stage run keeps: CPU µs by stage, summed over the calls. */
type Totals = Record<string, number>;

/** One checkout's CDS pipeline, called stage by stage. */
interface Pipeline {
  dir: string;
  totals: Totals;
  /** One call; resolves with the answer's JSON. */
  call(): Promise<string>;
}

const cpu = (): number => {
  const used = process.cpuUsage();
  return used.user + used.system;
};

/** Loads the CDS pipeline of the checkout `dir` (its own engine) over its pathways folder. */
async function pipelineOf(dir: string, body: Buffer): Promise<Pipeline> {
  // The modules of another checkout have no types here: each is read as what this one exports.
  const load = async <T>(path: string): Promise<T> =>
    (await import(pathToFileURL(join(dir, path)).href)) as T;
  const { parseJsonBody } = await load<typeof JsonBody>('engine/http/json-body.ts');
  const { parseCdsRequest } = await load<typeof RequestCheck>('engine/cds/request-check.ts');
  const { unpackPrefetch } = await load<typeof Prefetch>('engine/cds/prefetch.ts');
  const { prefetchTemplates } = await load<typeof Services>('engine/cds/services.ts');
  const { factsFromFhir } = await load<typeof Fhir>('engine/fhir/index.ts');
  const { buildCards } = await load<typeof Cards>('engine/cds/cards.ts');
  const { loadRepository, versionsOf } = await load<typeof Repository>('engine/node/repository.ts');
  const { loadMedicationCodes } = await load<typeof MedicationCodes>(
    'engine/node/medication-codes.ts',
  );
  const { createEvaluationService } = await load<typeof Service>('engine/service/service.ts');
  const repo = await loadRepository(join(dir, 'pathways'));
  const medicationCodes = await loadMedicationCodes();
  const service = createEvaluationService({
    versionsOf: (id) => versionsOf(repo, id),
    today: () => '2026-12-07',
  });
  const chosen = await service.choose('chronic-pain', {});
  const { pathway } = chosen.version;
  const keys = Object.keys(prefetchTemplates(pathway)) as (keyof ReturnType<
    typeof prefetchTemplates
  >)[];
  const totals: Totals = {};
  const timed = <T>(stage: string, work: () => T): T => {
    const start = cpu();
    const out = work();
    totals[stage] = (totals[stage] ?? 0) + cpu() - start;
    return out;
  };
  return {
    dir,
    totals,
    async call() {
      const parsed = timed('body JSON.parse and input rule', () => parseJsonBody(body));
      const request = timed('request check', () => parseCdsRequest(parsed));
      if (!request.success) throw new Error('the benchmark request is refused');
      const prefetch = request.data.prefetch ?? {};
      const unpacked = timed('prefetch unpack', () => unpackPrefetch(prefetch, keys));
      const mapping = timed('prefetch → facts', () =>
        factsFromFhir(pathway, unpacked.resources, {
          asOf: chosen.asOf,
          patientId: 'pat-greta',
          completeTypes: unpacked.completeTypes,
          lists: unpacked.lists,
          medicationCodes,
        }),
      );
      const start = cpu();
      const served = await service.evaluate(
        chosen,
        { facts: mapping.facts, asOf: chosen.asOf },
        { language: 'sv', trace: false },
      );
      totals['evaluation and words (no audit)'] =
        (totals['evaluation and words (no audit)'] ?? 0) + cpu() - start;
      let n = 0;
      const cards = timed('cards', () =>
        buildCards({
          pathway,
          result: served.result,
          mapping,
          prefetch: unpacked,
          language: 'sv',
          uuid: () => `card-${n++}`,
        }),
      );
      return timed('answer JSON', () => JSON.stringify({ cards: cards.map((c) => c.card) }));
    },
  };
}

/**
 * Runs `calls` CDS calls through each checkout's pipeline (after a warm-up), alternating, and
 * prints CPU µs per call by stage with the ratio this / compared.
 */
export async function cdsStages(dirs: readonly string[], calls: number): Promise<void> {
  const root = join(import.meta.dirname, '../..');
  const prefetch = JSON.parse(
    await readFile(join(root, 'test/fixtures/fhir/greta-ten-medication-requests.json'), 'utf8'),
  ) as unknown;
  const body = Buffer.from(
    JSON.stringify({
      hook: 'patient-view',
      hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
      fhirServer: 'https://fhir.example.se/r4',
      context: { userId: 'Practitioner/dr-lind', patientId: 'pat-greta' },
      prefetch,
    }),
  );
  const pipelines: Pipeline[] = [];
  for (const dir of dirs) pipelines.push(await pipelineOf(dir, body));
  const answers = new Set<string>();
  for (let i = 0; i < 300; i++) for (const p of pipelines) answers.add(await p.call());
  if (answers.size !== 1) throw new Error('the checkouts answer the benchmark call differently');
  for (const p of pipelines) for (const stage of Object.keys(p.totals)) p.totals[stage] = 0;
  for (let i = 0; i < calls; i++) {
    const order = i % 2 === 0 ? pipelines : [...pipelines].reverse();
    for (const p of order) await p.call();
  }
  const [mine, theirs] = pipelines as [Pipeline, Pipeline | undefined];
  console.log(pipelines.map((p, i) => `${i === 0 ? 'this' : 'compared'}: ${p.dir}`).join('; '));
  console.log(`${calls} calls each, the same answer (${[...answers][0]?.length ?? 0} bytes)`);
  console.log('');
  console.log('| stage | CPU µs/call (this) | compared | this / compared |');
  console.log('| --- | ---: | ---: | ---: |');
  const sum = (t: Totals): number => Object.values(t).reduce((a, b) => a + b, 0);
  const rows = [...Object.entries(mine.totals), ['all stages', sum(mine.totals)] as const];
  for (const [stage, total] of rows) {
    const other = theirs === undefined ? undefined : (theirs.totals[stage] ?? sum(theirs.totals));
    const a = total / calls;
    const b = other === undefined ? undefined : other / calls;
    console.log(
      `| ${stage} | ${a.toFixed(0)} | ${b === undefined ? '' : b.toFixed(0)} | ${b === undefined ? '' : `×${(a / b).toFixed(2)}`} |`,
    );
  }
}
