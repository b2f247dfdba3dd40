/**
 * Editor benchmark (not a test): a generated 200-step pathway opened in Debian's chromium
 * through the real service. Reports the time from navigation to all 200 nodes drawn, and
 * the time a 20-move drag of one node takes until the canvas shows the final position.
 *
 *   npm run build && npx tsx scripts/bench-editor.ts [steps] [runs]
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { printLayout } from '../engine/model/layout';
import type { Pathway, Step } from '../engine/model/types';
import { parsePathway } from '../engine/yaml/parse';
import { printPathway } from '../engine/yaml/print';
import { launchBrowser, startService } from '../test/e2e/harness';

const STEPS = Number(process.argv[2] ?? 200);
const RUNS = Number(process.argv[3] ?? 3);
const LEVELS = ['primary-care', 'specialist-care', 'other'] as const;

/** A pathway of `count` steps in a ladder: each step moves on to the next one or two. */
function generated(count: number): Pathway {
  const base = parsePathway(readFileSync('pathways/chronic-pain/1.1.0.yaml', 'utf8'));
  const id = (i: number): string => (i === count - 1 ? 'done' : `step-${i}`);
  const steps: Step[] = Array.from({ length: count }, (_, i) => ({
    id: id(i),
    level: i === count - 1 ? 'exit' : LEVELS[i % 3]!,
    title: { sv: `Steg ${i}`, da: `Trin ${i}`, en: `Step ${i}` },
    actions: [],
    followUps: [],
    transitions:
      i === count - 1
        ? []
        : [
            ...(i + 2 < count
              ? [
                  {
                    to: id(i + 2),
                    when: {
                      fact: 'painDurationMonths',
                      operator: 'greaterThanInclusive' as const,
                      value: (i % 12) + 3,
                    },
                    reason: { sv: 'Hoppa', da: 'Spring', en: 'Skip' },
                  },
                ]
              : []),
            {
              to: id(i + 1),
              when: { fact: 'nrsPain', operator: 'greaterThanInclusive' as const, value: i % 10 },
              reason: { sv: 'Nästa', da: 'Næste', en: 'Next' },
            },
          ],
  }));
  return {
    ...base,
    id: 'bench',
    version: '0.1.0',
    status: 'draft',
    entryStep: 'step-0',
    globalTransitions: base.globalTransitions.map((t) => ({ ...t, to: 'done' })),
    steps,
    followUps: [],
  };
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  if (!existsSync('dist/editor/index.html'))
    throw new Error('build the editor first: npm run build');
  const source = await mkdtemp(join(tmpdir(), 'bench-editor-'));
  await mkdir(join(source, 'bench'), { recursive: true });
  const pathway = generated(STEPS);
  await writeFile(join(source, 'bench', '0.1.0.yaml'), printPathway(pathway));
  // A saved layout, as a real pathway has: a grid of 20 columns.
  const nodes = Object.fromEntries(
    pathway.steps.map((step, i) => [step.id, { x: (i % 20) * 300, y: Math.floor(i / 20) * 160 }]),
  );
  await writeFile(
    join(source, 'bench', '0.1.0.layout.json'),
    printLayout({ schemaVersion: 1, nodes }),
  );
  const service = await startService(resolve(source));
  const browser = await launchBrowser();
  const first: number[] = [];
  const drag: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
      const page = await context.newPage();
      await page.goto(`${service.url}/?pathway=bench&version=0.1.0`);
      // All nodes drawn and measured (React Flow shows a node once it knows its size).
      await page
        .locator('.react-flow__node[data-id="done"]')
        .waitFor({ state: 'visible', timeout: 60_000 });
      await page.waitForFunction(
        (n) => document.querySelectorAll('.react-flow__node').length >= n,
        STEPS,
      );
      first.push(await page.evaluate(() => performance.now()));

      // Drag the step nearest the middle of the canvas, as a user would.
      const id = await page.evaluate(() => {
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
        const cx = pane.left + pane.width / 2;
        const cy = pane.top + pane.height / 2;
        let best = { id: '', d: Infinity };
        for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node-step')) {
          const r = el.getBoundingClientRect();
          const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
          if (d < best.d) best = { id: el.dataset.id ?? '', d };
        }
        return best.id;
      });
      const target = page.locator(`.react-flow__node[data-id="${id}"]`);
      const box = await target.boundingBox();
      if (box === null) throw new Error(`${id} is not on screen`);
      const before = await target.evaluate((el) => (el as HTMLElement).style.transform);
      const start = Date.now();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      for (let i = 1; i <= 20; i++)
        await page.mouse.move(box.x + box.width / 2 + i * 6, box.y + box.height / 2 + i * 4);
      await page.mouse.up();
      await page.waitForFunction(
        (b) =>
          (document.querySelector('.react-flow__node[data-id="step-0"]') as HTMLElement).style
            .transform !== b,
        before,
      );
      drag.push(Date.now() - start);
      await context.close();
    }
  } finally {
    await browser.close();
    await service.close();
    await rm(source, { recursive: true, force: true });
  }
  const fmt = (xs: number[]): string =>
    `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
  process.stdout.write(`${STEPS}-step pathway, ${RUNS} runs, chromium headless\n`);
  process.stdout.write(`first render (navigation → all nodes drawn): ${fmt(first)}\n`);
  process.stdout.write(`drag (20 moves of one node → final position drawn): ${fmt(drag)}\n`);
  process.stdout.write(
    `per pointer move, including the browser round trip: ${(median(drag) / 20).toFixed(1)} ms\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
