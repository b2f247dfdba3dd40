/**
 * Evaluation benchmark (not a test): patients per second on one core for the chronic-pain
 * pathway, json-rules-engine reference vs the compiled evaluator, interleaved in rounds so
 * that machine noise hits both alike; then a differential check over the same patients.
 *
 *   npm run bench                 # 20 000 patients
 *   npm run bench -- --patients 100000
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compilePathway, type CompiledPathway } from '../engine/evaluate/compile';
import { evaluate } from '../engine/evaluate/evaluate';
import { deriveFacts } from '../engine/facts/derive';
import { validateInput } from '../engine/facts/validate';
import { findVersion, loadRepository } from '../engine/node/repository';
import { chronicPainPatients } from '../test/fixtures/chronic-pain-patients';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '3' },
  },
});
const count = Number(values.patients);
const rounds = Number(values.rounds);

const repo = await loadRepository(join(process.cwd(), 'pathways'));
const { pathway } = findVersion(repo, 'chronic-pain', { version: '1.1.0', asOf: '2026-11-23' });
const patients = chronicPainPatients(count, 42);
const reference = compilePathway(pathway);
const compiled = compilePathway(pathway, { evaluator: 'compiled' });

// Derived facts per patient, for measuring condition evaluation alone.
const derived = patients.map(({ input, asOf }) => {
  const v = validateInput(pathway, { ...input, asOf }, { asOf });
  const enteredAt = v.currentStep?.enteredAt;
  return deriveFacts(pathway, v.facts, {
    asOf,
    ...(enteredAt === undefined ? {} : { enteredAt }),
    enteredDuringWalk: false,
  }).values;
});

let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

async function timeIt(run: (i: number) => Promise<unknown>, n: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    await run(i);
    if ((i & 1023) === 0) sample();
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const cases: { name: string; n: number; run: (i: number) => Promise<unknown> }[] = [
  {
    name: 'evaluate(), json-rules-engine, with trace',
    n: Math.min(count, 5000),
    run: (i) => evaluate(reference, patients[i]?.input, { asOf: patients[i]?.asOf ?? '' }),
  },
  {
    name: 'evaluate(), compiled, with trace',
    n: count,
    run: (i) => evaluate(compiled, patients[i]?.input, { asOf: patients[i]?.asOf ?? '' }),
  },
  {
    name: 'evaluate(), compiled, without trace',
    n: count,
    run: (i) =>
      evaluate(compiled, patients[i]?.input, { asOf: patients[i]?.asOf ?? '', trace: false }),
  },
  {
    name: 'conditions only, json-rules-engine',
    n: Math.min(count, 5000),
    run: (i) => reference.evaluator.evaluateAll(derived[i] ?? {}),
  },
  {
    name: 'conditions only, compiled',
    n: count,
    run: (i) => compiled.evaluator.evaluateAll(derived[i] ?? {}),
  },
];

// Warm up both paths, then interleave rounds.
for (const c of cases) await timeIt(c.run, Math.min(c.n, 500));
const totals = new Map<string, { seconds: number; n: number }>();
for (let r = 0; r < rounds; r++) {
  for (const c of cases) {
    const seconds = await timeIt(c.run, c.n);
    const t = totals.get(c.name) ?? { seconds: 0, n: 0 };
    totals.set(c.name, { seconds: t.seconds + seconds, n: t.n + c.n });
  }
}

const rate = (name: string): number => {
  const t = totals.get(name);
  return t === undefined ? 0 : t.n / t.seconds;
};
const base = rate('evaluate(), json-rules-engine, with trace');
console.log(
  `chronic-pain ${pathway.version}, ${count} generated patients, ${rounds} interleaved rounds, Node ${process.version}`,
);
console.log('| path | patients/s | vs json-rules-engine |');
console.log('|---|---:|---:|');
for (const c of cases)
  console.log(
    `| ${c.name} | ${Math.round(rate(c.name)).toLocaleString('en')} | ${(rate(c.name) / base).toFixed(1)}× |`,
  );
console.log(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);

// Differential check over every generated patient.
async function answer(c: CompiledPathway, i: number): Promise<string> {
  const p = patients[i];
  try {
    return JSON.stringify(await evaluate(c, p?.input, { asOf: p?.asOf ?? '' }));
  } catch (error) {
    return `error ${String(error)}`;
  }
}
let differences = 0;
for (let i = 0; i < count; i++)
  if ((await answer(reference, i)) !== (await answer(compiled, i))) differences++;
console.log(
  `differential: ${count} patients, ${differences} differences between json-rules-engine and compiled`,
);
process.exitCode = differences === 0 ? 0 : 1;
