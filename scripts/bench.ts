/**
 * Evaluation benchmark (not a test): patients per second on one core (everything runs in this
 * thread) for the chronic-pain pathway, interleaved in rounds so that machine noise hits every
 * path alike; then a differential check of production `evaluate()`, `evaluateOutcome()` and
 * the batch path against the json-rules-engine reference (`engine/reference/`).
 *
 * Two input sets, both pre-parsed (JSON objects in memory):
 * - `adversarial`: the differential-test generator (thresholds, unknowns; test/fixtures/chronic-pain-patients.ts);
 * - `population`: `pathway synth` patients (realistic health centres; engine/synth/population.ts).
 *
 * Paths: production `evaluate()` (generated code, then `describe()` into words) with and
 * without trace, `evaluateOutcome()` (no words) without and with trace, the reference
 * `referenceEvaluate()` on json-rules-engine, plain json-rules-engine with the same rules
 * (facts given directly, derived ones precomputed), GoRules ZEN with an equivalent decision
 * graph (awaited one at a time and 64 in flight), the batch phases of the population path,
 * and a hand-written function of the pathway.
 *
 * Every path is printed with its ratio to json-rules-engine (the reference), to zen-engine
 * (awaited one at a time) and to the hand-written function, all from the same interleaved run.
 *
 *   npm run bench                                 # quick (< 3 minutes): 10 000 patients per set, 3 000 in the differential
 *   npm run bench -- --full                       # the long run: 20 000 per set, 100 000 in the differential
 *   npm run bench -- --patients 100000 --differential 100000
 *   npm run bench -- --only batch --differential 0   # only the batch paths, no differential
 *   npm run bench -- --cohort                     # the cohort benchmark instead (scripts/bench/cohort.ts)
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compilePathway } from '../engine/evaluate/compile';
import { evaluate, evaluateOutcome } from '../engine/evaluate/evaluate';
import {
  BatchResults,
  evaluateBatch,
  loadBatch,
  PatientBatch,
  outcomeAt,
} from '../engine/fast/index';
import { referenceEvaluate, referenceFor, referenceOutcome } from '../engine/reference/evaluate';
import { deriveFacts } from '../engine/facts/derive';
import { validateInput } from '../engine/facts/validate';
import { findVersion, loadRepository } from '../engine/node/repository';
import { synthPatients } from '../engine/synth/index';
import { chronicPainPatients } from '../test/fixtures/chronic-pain-patients';
import { cohortBench } from './bench/cohort';
import { ALERT_IDS, STEP_IDS, handwritten } from './bench/handwritten';
import { plainEngine } from './bench/plain-rules-engine';
import { zenDecision } from './bench/zen';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';

const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    patients: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    differential: { type: 'string' },
    only: { type: 'string', default: '' },
    // The cohort benchmark's own options (scripts/bench/cohort.ts).
    cohort: { type: 'boolean', default: false },
    data: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    bin: { type: 'string', multiple: true, default: [] },
    workers: { type: 'string' },
    'as-of': { type: 'string' },
  },
});
if (values.cohort) {
  await cohortBench({
    patients: Number(values.patients ?? '1000000'),
    rounds: Number(values.rounds),
    data: values.data,
    repeat: Number(values.repeat),
    bins: values.bin,
    workers: values.workers,
    asOf: values['as-of'],
  });
  process.exit(0);
}
// The quick default keeps the slow engines' share small: they run at hundreds per second.
const count = Number(values.patients ?? (values.full ? '20000' : '10000'));
const rounds = Number(values.rounds);
const AS_OF = '2026-11-23';

const repo = await loadRepository(join(process.cwd(), 'pathways'));
const { pathway } = findVersion(repo, 'chronic-pain', { version: '1.1.0', asOf: AS_OF });
const reference = referenceFor(pathway);
const compiled = compilePathway(pathway);
const population = compiled.population;
const plain = plainEngine(pathway);
const zen = zenDecision(pathway);
const zenVersion = (
  createRequire(import.meta.url)('@gorules/zen-engine/package.json') as { version: string }
).version;

type Input = { input: Record<string, unknown>; asOf: string };
/** Whether the engine accepts the input (a timed path must not stop at a refused one). */
function accepted({ input, asOf }: Input): boolean {
  try {
    validateInput(pathway, { ...input, asOf }, { asOf });
    return true;
  } catch {
    return false;
  }
}
// The generator's few refused inputs (a medication started after the evaluation date, say)
// are left out of the timings; the differential below keeps its invalid inputs.
const adversarial: Input[] = chronicPainPatients(count, 42).filter(accepted);
// As NDJSON lines parsed one by one, the way a population job holds them.
const people: Input[] = [...synthPatients(count, 42, AS_OF)].map(({ currentStep, facts }) => ({
  input: JSON.parse(
    JSON.stringify(currentStep === undefined ? { facts } : { currentStep, facts }),
  ) as Record<string, unknown>,
  asOf: AS_OF,
}));

/**
 * Facts with derived ones, for the paths that take facts directly. Inputs the engine refuses
 * (the adversarial generator makes a few, e.g. a medication started after the evaluation
 * date) are left out: those paths have no input check to refuse them with.
 */
function derivedOf(list: readonly Input[]): Record<string, unknown>[] {
  return list.flatMap(({ input, asOf }) => {
    let v;
    try {
      v = validateInput(pathway, { ...input, asOf }, { asOf });
    } catch {
      return [];
    }
    const enteredAt = v.currentStep?.enteredAt;
    return [
      deriveFacts(pathway, v.facts, {
        asOf,
        ...(enteredAt === undefined ? {} : { enteredAt }),
        enteredDuringWalk: false,
      }).values,
    ];
  });
}
const derived = derivedOf(adversarial);
// Batches for the population path: loaded once (the loading is timed separately below).
const loadedAdversarial = new PatientBatch(population, adversarial.length);
for (const { input, asOf } of adversarial) loadedAdversarial.add(input, asOf);
const loadedPeople = loadBatch(
  population,
  people.map((p) => p.input),
  AS_OF,
);
const scratch = new PatientBatch(population, count);
const columns = new BatchResults(population, count);

/** Runs `n` patients through `loaded` (whole batches, then part of one) with `evaluateBatch`. */
function evaluateLoaded(loaded: PatientBatch, n: number, trace: boolean): void {
  for (let done = 0; done < n; done += loaded.size) {
    evaluateBatch(loaded, columns, { trace });
    sample();
  }
}
/** Loads `n` patients of `list` into the scratch batch, a batch at a time; then evaluates each batch when asked. */
function loadList(list: readonly Input[], n: number, evaluate: boolean): void {
  for (let done = 0; done < n;) {
    scratch.clear();
    for (let j = 0; j < scratch.capacity && done < n; j++, done++) {
      const p = at(list, done);
      scratch.add(p.input, p.asOf);
    }
    if (evaluate) evaluateBatch(scratch, columns);
    sample();
  }
}
const peopleDerived = derivedOf(people);

let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().rss);
};

interface Case {
  name: string;
  set: 'adversarial' | 'population';
  n: number;
  sync?: (i: number) => unknown;
  run?: (i: number) => Promise<unknown>;
  /** Runs a whole batch itself (for many in flight). */
  batch?: (n: number) => Promise<void>;
  /** Runs `n` patients itself, synchronously (batches of the population path). */
  block?: (n: number) => void;
}

const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
// Patients per round for json-rules-engine and zen-engine.
const slow = Math.min(count, values.full ? 5000 : 1000);
const BASELINE = 'referenceEvaluate(), json-rules-engine, with trace';
const ZEN = `zen-engine ${zenVersion}, awaited one at a time`;
const HANDWRITTEN = 'hand-written function of the pathway';
const allCases: Case[] = [
  {
    name: BASELINE,
    set: 'adversarial',
    n: slow,
    run: (i) =>
      referenceEvaluate(pathway, at(adversarial, i).input, { asOf: at(adversarial, i).asOf }),
  },
  {
    name: 'evaluate(), with trace',
    set: 'adversarial',
    n: count,
    run: (i) => evaluate(compiled, at(adversarial, i).input, { asOf: at(adversarial, i).asOf }),
  },
  {
    name: 'evaluate(), without trace',
    set: 'adversarial',
    n: count,
    run: (i) =>
      evaluate(compiled, at(adversarial, i).input, { asOf: at(adversarial, i).asOf, trace: false }),
  },
  {
    name: 'conditions only, json-rules-engine',
    set: 'adversarial',
    n: slow,
    run: (i) => reference.evaluator.evaluateAll(at(derived, i)),
  },
  {
    name: 'evaluateOutcome(), without trace',
    set: 'adversarial',
    n: count * 5,
    sync: (i) =>
      evaluateOutcome(compiled, at(adversarial, i).input, { asOf: at(adversarial, i).asOf }),
  },
  {
    name: 'evaluateOutcome(), with trace',
    set: 'adversarial',
    n: count,
    sync: (i) =>
      evaluateOutcome(compiled, at(adversarial, i).input, {
        asOf: at(adversarial, i).asOf,
        trace: true,
      }),
  },
  {
    name: BASELINE,
    set: 'population',
    n: slow,
    run: (i) => referenceEvaluate(pathway, at(people, i).input, { asOf: AS_OF }),
  },
  {
    name: 'evaluate(), with trace',
    set: 'population',
    n: count,
    run: (i) => evaluate(compiled, at(people, i).input, { asOf: AS_OF }),
  },
  {
    name: 'evaluate(), without trace',
    set: 'population',
    n: count,
    run: (i) => evaluate(compiled, at(people, i).input, { asOf: AS_OF, trace: false }),
  },
  {
    name: 'plain json-rules-engine, same rules, facts given',
    set: 'population',
    n: slow,
    run: (i) => plain.run({ ...at(peopleDerived, i) }),
  },
  {
    name: ZEN,
    set: 'population',
    n: slow,
    run: (i) => zen.decision.evaluate(at(peopleDerived, i)),
  },
  {
    name: `zen-engine ${zenVersion}, 64 in flight`,
    set: 'population',
    n: slow * 2,
    batch: async (n) => {
      for (let i = 0; i < n; i += 64) {
        const jobs: Promise<unknown>[] = [];
        for (let j = i; j < Math.min(n, i + 64); j++)
          jobs.push(zen.decision.evaluate(at(peopleDerived, j)));
        await Promise.all(jobs);
        sample();
      }
    },
  },
  {
    name: 'evaluateOutcome(), without trace',
    set: 'population',
    n: count * 5,
    sync: (i) => evaluateOutcome(compiled, at(people, i).input, { asOf: AS_OF }),
  },
  {
    name: 'evaluateOutcome(), with trace',
    set: 'population',
    n: count,
    sync: (i) => evaluateOutcome(compiled, at(people, i).input, { asOf: AS_OF, trace: true }),
  },
  {
    name: 'batch: load (check input, derive facts)',
    set: 'adversarial',
    n: count * 2,
    block: (n) => loadList(adversarial, n, false),
  },
  {
    name: 'batch: evaluate loaded patients, without trace',
    set: 'adversarial',
    n: count * 20,
    block: (n) => evaluateLoaded(loadedAdversarial, n, false),
  },
  {
    name: 'batch: evaluate loaded patients, trace recorded',
    set: 'adversarial',
    n: count * 10,
    block: (n) => evaluateLoaded(loadedAdversarial, n, true),
  },
  {
    name: 'batch: load (check input, derive facts)',
    set: 'population',
    n: count * 2,
    block: (n) => loadList(people, n, false),
  },
  {
    name: 'batch: evaluate loaded patients, without trace',
    set: 'population',
    n: count * 20,
    block: (n) => evaluateLoaded(loadedPeople, n, false),
  },
  {
    name: 'batch: evaluate loaded patients, trace recorded',
    set: 'population',
    n: count * 10,
    block: (n) => evaluateLoaded(loadedPeople, n, true),
  },
  {
    name: 'batch: load and evaluate, without trace',
    set: 'population',
    n: count * 2,
    block: (n) => loadList(people, n, true),
  },
  {
    name: 'batch: recorded trace read back as outcomes (outcomeAt)',
    set: 'population',
    n: count,
    block: (n) => {
      evaluateBatch(loadedPeople, columns, { trace: true });
      for (let i = 0; i < n; i++) {
        try {
          outcomeAt(loadedPeople, columns, i % loadedPeople.size);
        } catch {
          // A rejected patient's error: nothing to read back.
        }
      }
      sample();
    },
  },
  {
    name: HANDWRITTEN,
    set: 'population',
    n: count * 5,
    sync: (i) => handwritten(at(people, i).input as never, AS_OF),
  },
];

// `--only batch` times only the paths whose name contains "batch" (plus the baseline).
const cases = allCases.filter(
  (c) =>
    values.only === '' ||
    c.name.includes(values.only) ||
    [BASELINE, ZEN, HANDWRITTEN].includes(c.name),
);

async function timeIt(c: Case, n: number): Promise<number> {
  const start = process.hrtime.bigint();
  if (c.batch !== undefined) await c.batch(n);
  else if (c.block !== undefined) c.block(n);
  else if (c.sync !== undefined) {
    const run = c.sync;
    for (let i = 0; i < n; i++) {
      run(i);
      if ((i & 16383) === 0) sample();
    }
  } else if (c.run !== undefined) {
    for (let i = 0; i < n; i++) {
      await c.run(i);
      if ((i & 1023) === 0) sample();
    }
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const key = (c: Case): string => `${c.set}: ${c.name}`;
const totals = new Map<string, { seconds: number; n: number; peak: number }>();
for (let r = 0; r < rounds; r++) {
  for (const c of cases) {
    // Warm each path right before timing it: while the others run, V8 may flush the bytecode
    // of code idle for several garbage collections, and re-warming would land in the timing.
    await timeIt(c, Math.min(c.n, 2000));
    peak = 0;
    sample();
    const seconds = await timeIt(c, c.n);
    sample();
    const t = totals.get(key(c)) ?? { seconds: 0, n: 0, peak: 0 };
    totals.set(key(c), {
      seconds: t.seconds + seconds,
      n: t.n + c.n,
      peak: Math.max(t.peak, peak),
    });
  }
}

const rate = (k: string): number => {
  const t = totals.get(k);
  return t === undefined ? 0 : t.n / t.seconds;
};
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `chronic-pain ${pathway.version}, ${count.toLocaleString('en')} patients per input set, ${rounds} interleaved rounds, one thread; Node ${process.version}, ${cpu}, ${cpus().length} cores`,
);
// The other engines and the hand-written function run on the population set only.
const zenRate = rate(`population: ${ZEN}`);
const handRate = rate(`population: ${HANDWRITTEN}`);
const ratio = (r: number, base: number): string =>
  base > 0 ? `${(r / base).toFixed(r / base < 1 ? 2 : 1)}×` : 'n/a';
console.log(
  '| input set | path | patients/s | vs json-rules-engine reference | vs zen-engine | vs hand-written | peak RSS |',
);
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const c of cases) {
  const r = rate(key(c));
  const base = rate(`${c.set}: ${BASELINE}`);
  console.log(
    `| ${c.set} | ${c.name} | ${Math.round(r).toLocaleString('en')} | ${ratio(r, base)} | ${ratio(r, zenRate)} | ${ratio(r, handRate)} | ${((totals.get(key(c))?.peak ?? 0) / 2 ** 20).toFixed(0)} MiB |`,
  );
}

// The hand-written function against the population path, on valid realistic patients.
const sorted = (xs: readonly string[]): string => [...xs].sort().join(',');
let handDifferences = 0;
for (const { input } of people) {
  const a = evaluateOutcome(compiled, input, { asOf: AS_OF });
  const b = handwritten(input as never, AS_OF);
  const step = STEP_IDS[b.step] ?? b.otherStep;
  const status = b.needsInformation ? 'needs-information' : 'settled';
  const alerts = ALERT_IDS.filter((_, k) => (b.alerts & (1 << k)) !== 0);
  if (a.step !== step || a.status !== status || sorted(a.alerts) !== sorted(alerts))
    handDifferences++;
}
console.log(
  `hand-written function vs population path: ${handDifferences} of ${people.length} patients answered differently`,
);

// Differential check: production evaluate() against the json-rules-engine reference (whole
// worded result, byte for byte), and the language-free outcome of evaluateOutcome() and of the
// batch path against the reference's outcome (whole outcome with its trace), with invalid inputs.
const diffCount = Number(values.differential ?? (values.full ? '100000' : '3000'));
const diffPatients = chronicPainPatients(diffCount, 4242, { invalid: 0.03 });
const errorText = (error: unknown): string =>
  `error ${JSON.stringify((error as { toJSON?: () => unknown }).toJSON?.() ?? String(error))}`;
async function text(answer: () => unknown): Promise<string> {
  try {
    return JSON.stringify(await answer());
  } catch (error) {
    return errorText(error);
  }
}
// The same patients as one batch, traces recorded: the columns read back per patient.
const diffBatch = new PatientBatch(population, diffCount);
for (const p of diffPatients) diffBatch.add(p.input, p.asOf);
const diffColumns = evaluateBatch(diffBatch, undefined, { trace: true });
let resultDifferences = 0;
let outcomeDifferences = 0;
let batchDifferences = 0;
let invalid = 0;
for (let i = 0; i < diffCount; i++) {
  const p = diffPatients[i] as Input;
  const refResult = await text(() => referenceEvaluate(pathway, p.input, { asOf: p.asOf }));
  const result = await text(() => evaluate(compiled, p.input, { asOf: p.asOf }));
  const refOutcome = await text(() => referenceOutcome(pathway, p.input, p.asOf));
  const outcome = await text(() =>
    evaluateOutcome(compiled, p.input, { asOf: p.asOf, trace: true }),
  );
  const batched = await text(() => outcomeAt(diffBatch, diffColumns, i));
  if (refResult !== result) resultDifferences++;
  if (refOutcome !== outcome) outcomeDifferences++;
  if (refOutcome !== batched) batchDifferences++;
  if (refResult.startsWith('error')) invalid++;
}
console.log(
  `differential: ${diffCount.toLocaleString('en')} generated patients (${invalid.toLocaleString('en')} invalid): ${resultDifferences} differences json-rules-engine vs evaluate() (whole result), ${outcomeDifferences} json-rules-engine vs evaluateOutcome() one by one, ${batchDifferences} json-rules-engine vs the batch path`,
);
process.exitCode = resultDifferences + outcomeDifferences + batchDifferences === 0 ? 0 : 1;
