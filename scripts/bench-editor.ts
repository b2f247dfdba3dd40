/**
 * Editor benchmark (not a test): a generated pathway of N steps opened in Debian's chromium
 * through the real service. Reports, per build of the editor:
 *
 * - first render: navigation → the view fitted and every step node IN THAT VIEW (from the
 *   saved layout and the step's least size, 240 × 76) in the DOM and shown, every step node
 *   in the DOM shown, and edges drawn (the editor draws only what is in view; `--all` waits
 *   for every step and every edge, as an editor drawing everything does), styled and laid
 *   out, timed in the page when the DOM first reaches that state (not when the script hears
 *   of it: a task queued after that frame would otherwise be counted);
 * - first frame: navigation → the frame that paints that state laid out, its resize observers
 *   run (React Flow measures the nodes it drew there, and renders what changes) and about to
 *   be painted, so that work is counted too (a resize observer made in that frame's animation
 *   frame callback: it runs after React Flow's);
 * - settled: navigation → the end of the last long task (> 50 ms) before the main thread was
 *   free for 300 ms, i.e. the deferred work after the first render (lint, test runs) done;
 * - drag, in the page: one pointer move of the DRAGGED node → that node's new position in
 *   the DOM (main-thread work of React Flow, the store and React; no browser round trip);
 * - drag, end to end: 20 pointer moves sent by playwright → the dragged node drawn at its
 *   final position, divided by 20 (includes the CDP round trip of each move);
 * - open a step's panel: a click on the dragged step → its panel shows it;
 * - pan and zoom, in the page: one pointer move on the empty pane, or one wheel step (in
 *   through the zoom bands, then out), → React Flow's new viewport transform in the DOM.
 *
 *   npm run build && npx tsx scripts/bench-editor.ts [--steps 200] [--runs 3]
 *     [--editor name=dir,name=dir]   (several builds, runs interleaved: before/after pairs)
 *     [--all]                        (first render = every step and edge drawn)
 *
 * Each run opens a new browser context (an empty HTTP cache); the builds take turns going
 * first, so none always meets the browser cold. The first run of each build is reported
 * apart as "cold" (the browser process and its code caches new to that build's files) and
 * the median of the others as "warm".
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { printPathway } from '../engine/yaml/print';
import { buildApp } from '../engine/http/app';
import { launchBrowser } from '../test/e2e/harness';
import { gridLayout, ladderPathway } from '../test/fixtures/large-pathway';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : (process.argv[at + 1] ?? fallback);
}

const STEPS = Number(option('steps', '200'));
const RUNS = Number(option('runs', '3'));
const MOVES = 20;
/** `--all`: the first render waits for every step and edge (an editor that draws them all). */
const ALL = process.argv.includes('--all');
/** The transitions of the generated pathway: every one is an edge to be drawn. */
let EDGES = 0;
const EDITORS = option('editor', 'current=dist/editor')
  .split(',')
  .map((pair) => {
    const [name = '', dir = ''] = pair.split('=');
    return { name, dir: resolve(dir) };
  });

/**
 * The end of the last long task once the main thread has been free of them for 300 ms (at
 * least `first`): when the work deferred past the first render is done.
 */
async function settledAfter(page: Page, first: number): Promise<number> {
  for (;;) {
    const { now, lastEnd } = await page.evaluate(() => {
      const tasks = (window as unknown as { __longTasks: [number, number][] }).__longTasks;
      return {
        now: performance.now(),
        lastEnd: Math.max(0, ...tasks.map(([start, duration]) => start + duration)),
      };
    });
    if (now - Math.max(first, lastEnd) >= 300) return Math.max(first, lastEnd);
    await page.waitForTimeout(100);
  }
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** A node to drag and the point (in the window) where it is grabbed. */
interface Grab {
  id: string;
  x: number;
  y: number;
}

/**
 * The step node nearest the middle of the canvas, grabbed at a point of it that nothing
 * covers (an edge label may lie on its centre), as a user would pick it.
 */
function middleNode(page: Page): Promise<Grab> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best = { id: '', x: 0, y: 0, d: Infinity };
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node-step')) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (d >= best.d) continue;
      for (const [fx, fy] of [
        [0.5, 0.5],
        [0.2, 0.5],
        [0.8, 0.5],
        [0.5, 0.2],
        [0.5, 0.8],
      ] as const) {
        const x = r.left + r.width * fx;
        const y = r.top + r.height * fy;
        if (el.contains(document.elementFromPoint(x, y))) {
          best = { id: el.dataset.id ?? '', x, y, d };
          break;
        }
      }
    }
    return { id: best.id, x: best.x, y: best.y };
  });
}

/**
 * Drags node `id` by `moves` synthetic pointer moves inside the page and returns the time of
 * each from the move to the node's new transform in the DOM (polled between tasks, so the
 * work React schedules after the event is included).
 */
async function dragInPage(page: Page, id: string, moves: number): Promise<number[]> {
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(
    async ({ id, moves }) => {
      const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;
      const box = el.getBoundingClientRect();
      const x0 = box.left + box.width / 2;
      const y0 = box.top + box.height / 2;
      const channel = new MessageChannel();
      const yieldTask = (): Promise<void> =>
        new Promise((done) => {
          channel.port1.onmessage = () => done();
          channel.port2.postMessage(null);
        });
      const fire = (type: string, target: EventTarget, x: number, y: number): void => {
        target.dispatchEvent(
          new MouseEvent(type, {
            bubbles: true,
            cancelable: true,
            view: window,
            clientX: x,
            clientY: y,
            button: 0,
            buttons: type === 'mouseup' ? 0 : 1,
          }),
        );
      };
      fire('mousedown', el, x0, y0);
      const times: number[] = [];
      for (let i = 1; i <= moves; i++) {
        const before = el.style.transform;
        const start = performance.now();
        fire('mousemove', el, x0 + i * 6, y0 + i * 4);
        for (let k = 0; k < 1000 && el.style.transform === before; k++) await yieldTask();
        times.push(performance.now() - start);
      }
      fire('mouseup', el, x0 + moves * 6, y0 + moves * 4);
      return times;
    },
    { id, moves },
  );
}

/**
 * Pans the canvas (a drag on the empty pane) and zooms it (wheel steps over the pane), and
 * returns the time of each pointer move or wheel step to React Flow's new viewport transform
 * in the DOM, timed in the page like {@link dragInPage}.
 */
async function panAndZoomInPage(
  page: Page,
  moves: number,
): Promise<{ pan: number[]; zoom: number[] }> {
  return page.evaluate(async (moves) => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const pane = document.querySelector<HTMLElement>('.react-flow__pane')!;
    const box = pane.getBoundingClientRect();
    // An empty point of the pane, away from steps and labels.
    let x0 = box.left + 10;
    let y0 = box.top + 10;
    for (let y = box.top + 10; y < box.bottom - 10; y += 17)
      for (let x = box.left + 10; x < box.right - 10; x += 23)
        if (document.elementFromPoint(x, y) === pane) {
          x0 = x;
          y0 = y;
          y = box.bottom;
          break;
        }
    const channel = new MessageChannel();
    const yieldTask = (): Promise<void> =>
      new Promise((done) => {
        channel.port1.onmessage = () => done();
        channel.port2.postMessage(null);
      });
    const settle = async (before: string, start: number): Promise<number> => {
      for (let k = 0; k < 1000 && viewport.style.transform === before; k++) await yieldTask();
      return performance.now() - start;
    };
    const mouse = (type: string, x: number, y: number): void => {
      pane.dispatchEvent(
        new MouseEvent(type, {
          bubbles: true,
          cancelable: true,
          view: window,
          clientX: x,
          clientY: y,
          button: 0,
          buttons: type === 'mouseup' ? 0 : 1,
        }),
      );
    };
    const pan: number[] = [];
    mouse('mousedown', x0, y0);
    for (let i = 1; i <= moves; i++) {
      const before = viewport.style.transform;
      const start = performance.now();
      mouse('mousemove', x0 - i * 5, y0 - i * 3);
      pan.push(await settle(before, start));
    }
    mouse('mouseup', x0 - moves * 5, y0 - moves * 3);
    const zoom: number[] = [];
    for (let i = 1; i <= moves; i++) {
      const before = viewport.style.transform;
      const start = performance.now();
      pane.dispatchEvent(
        new WheelEvent('wheel', {
          bubbles: true,
          cancelable: true,
          clientX: box.left + box.width / 2,
          clientY: box.top + box.height / 2,
          // In for the first half, out again for the second: through the zoom bands and back.
          deltaY: i <= moves / 2 ? -40 : 40,
        }),
      );
      zoom.push(await settle(before, start));
    }
    return { pan, zoom };
  }, moves);
}

/**
 * Opens step `id`'s panel with a click on its node and returns the time from the click to
 * the panel showing that step (its id field), timed in the page.
 */
async function openPanelInPage(page: Page, id: string): Promise<number> {
  return page.evaluate(async (id) => {
    const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;
    const box = el.getBoundingClientRect();
    const channel = new MessageChannel();
    const yieldTask = (): Promise<void> =>
      new Promise((done) => {
        channel.port1.onmessage = () => done();
        channel.port2.postMessage(null);
      });
    const shown = (): boolean =>
      document.querySelector<HTMLInputElement>('[data-testid="step-id"]')?.value === id;
    const start = performance.now();
    for (const type of ['mousedown', 'mouseup', 'click'])
      el.dispatchEvent(
        new MouseEvent(type, {
          bubbles: true,
          cancelable: true,
          view: window,
          clientX: box.left + box.width / 2,
          clientY: box.top + 4,
          button: 0,
        }),
      );
    for (let k = 0; k < 5000 && !shown(); k++) await yieldTask();
    return performance.now() - start;
  }, id);
}

interface Figures {
  first: number[];
  painted: number[];
  settled: number[];
  pan: number[];
  zoom: number[];
  panel: number[];
  perMove: number[];
  endToEnd: number[];
}

async function main(): Promise<void> {
  for (const editor of EDITORS)
    if (!existsSync(join(editor.dir, 'index.html')))
      throw new Error(`no editor build in ${editor.dir}: npm run build`);
  const source = await mkdtemp(join(tmpdir(), 'bench-editor-'));
  await mkdir(join(source, 'bench'), { recursive: true });
  const pathway = ladderPathway(STEPS);
  EDGES =
    pathway.globalTransitions.length +
    pathway.steps.reduce((n, step) => n + step.transitions.length, 0);
  await writeFile(join(source, 'bench', '0.1.0.yaml'), printPathway(pathway));
  const layout = gridLayout(pathway);
  await writeFile(join(source, 'bench', '0.1.0.layout.json'), layout);
  const places = (JSON.parse(layout) as { nodes: Record<string, { x: number; y: number }> }).nodes;
  const apps = await Promise.all(
    EDITORS.map(async (editor) => {
      const app = await buildApp({
        pathwaysDir: source,
        auditFile: ':memory:',
        editorDir: editor.dir,
      });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      return { ...editor, app, url: `http://127.0.0.1:${address.port}` };
    }),
  );
  const figures = new Map<string, Figures>(
    EDITORS.map((e) => [
      e.name,
      {
        first: [],
        painted: [],
        settled: [],
        pan: [],
        zoom: [],
        panel: [],
        perMove: [],
        endToEnd: [],
      },
    ]),
  );
  const browser = await launchBrowser();
  try {
    for (let run = 0; run < RUNS; run++)
      // Turns: run r starts with build r mod n, so the browser's own warm-up is shared.
      for (const editor of apps.map((_, i) => apps[(i + run) % apps.length]!)) {
        const f = figures.get(editor.name)!;
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        // tsx keeps function names with a helper the page does not have.
        await page.addInitScript('window.__name = (f) => f');
        await page.addInitScript(
          ({ steps, edges, all, places }) => {
            const w = window as unknown as {
              __longTasks: [number, number][];
              __drawn?: number;
              __painted?: number;
            };
            w.__longTasks = [];
            new PerformanceObserver((list) => {
              for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
            }).observe({ type: 'longtask', buffered: true });
            // What the editor draws is drawn: the view fitted to the pathway, every step node
            // React Flow has in the DOM measured and shown (it shows a node once it knows its
            // size) and the edges drawn; with `--all` (or an editor that draws everything) that
            // is every step and every edge. Checked after each batch of DOM changes, timed
            // once that state is styled and laid out (the frame's paint follows).
            // The steps in view: their saved places under the viewport's transform, each at
            // least 240 × 76 (an editor may not leave one of them out and count as drawn).
            const inView = (transform: string, pane: DOMRect): string[] => {
              const match =
                /translate\((-?[\d.e+-]+)px, (-?[\d.e+-]+)px\) scale\(([\d.e+-]+)\)/.exec(
                  transform,
                );
              if (match === null) return [];
              const [tx, ty, zoom] = [Number(match[1]), Number(match[2]), Number(match[3])];
              return Object.entries(places)
                .filter(([, p]) => {
                  const left = tx + p.x * zoom;
                  const top = ty + p.y * zoom;
                  return (
                    left < pane.width &&
                    left + 240 * zoom > 0 &&
                    top < pane.height &&
                    top + 76 * zoom > 0
                  );
                })
                .map(([id]) => id);
            };
            const drawn = (): boolean => {
              const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
              const transform = viewport?.style.transform ?? '';
              const fitted = transform.replace(/px/g, '');
              if (fitted === '' || fitted === 'translate(0, 0) scale(1)') return false;
              const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node-step');
              if (nodes.length === 0 || (all && nodes.length < steps)) return false;
              for (const node of nodes) if (node.style.visibility !== 'visible') return false;
              const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
              const shown = new Set([...nodes].map((node) => node.dataset.id));
              for (const id of inView(transform, pane)) if (!shown.has(id)) return false;
              const drawnEdges = document.querySelectorAll('.react-flow__edge').length;
              return all ? drawnEdges >= edges : drawnEdges > 0;
            };
            const observer = new MutationObserver(() => {
              if (!drawn()) return;
              observer.disconnect();
              void document.body.offsetHeight;
              w.__drawn = performance.now();
              // The frame that paints it: after its layout, resize observers run in the order
              // they were made, so one made now runs after React Flow's (and the renders its
              // measurements cause, in microtasks), just before the paint.
              requestAnimationFrame(() => {
                const probe = document.createElement('div');
                document.body.appendChild(probe);
                const last = new ResizeObserver(() => {
                  w.__painted ??= performance.now();
                  last.disconnect();
                  probe.remove();
                });
                last.observe(probe);
              });
            });
            observer.observe(document, {
              subtree: true,
              childList: true,
              attributes: true,
              attributeFilter: ['style'],
            });
          },
          { steps: STEPS, edges: EDGES, all: ALL, places },
        );
        await page.goto(`${editor.url}/?pathway=bench&version=0.1.0`);
        const drawn = await page.waitForFunction(
          () => (window as unknown as { __drawn?: number }).__drawn ?? false,
          undefined,
          { timeout: 300_000 },
        );
        const first = (await drawn.jsonValue()) as number;
        f.first.push(first);
        const painted = await page.waitForFunction(
          () => (window as unknown as { __painted?: number }).__painted ?? false,
        );
        f.painted.push((await painted.jsonValue()) as number);
        f.settled.push(await settledAfter(page, first));

        const grab = await middleNode(page);
        const id = grab.id;
        if (id === '') throw new Error('no step node can be grabbed');
        // End to end: real pointer moves from playwright, then the DRAGGED node's final place.
        const target = page.locator(`.react-flow__node[data-id="${id}"]`);
        const before = await target.evaluate((el) => (el as HTMLElement).style.transform);
        const start = Date.now();
        await page.mouse.move(grab.x, grab.y);
        await page.mouse.down();
        for (let i = 1; i <= MOVES; i++) await page.mouse.move(grab.x + i * 6, grab.y + i * 4);
        await page.mouse.up();
        await page.waitForFunction(
          ({ id, before }) =>
            document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.style
              .transform !== before,
          { id, before },
        );
        f.endToEnd.push((Date.now() - start) / MOVES);

        // In the page: the same node again (its element, whatever lies on top of it now).
        const moveTimes = await dragInPage(page, id, MOVES);
        f.perMove.push(median(moveTimes));

        // Opening the dragged step's panel, then panning and zooming the canvas.
        await page.waitForTimeout(400);
        f.panel.push(await openPanelInPage(page, id));
        await page.waitForTimeout(400);
        const view = await panAndZoomInPage(page, MOVES);
        f.pan.push(median(view.pan));
        f.zoom.push(median(view.zoom));

        await context.close();
      }
  } finally {
    await browser.close();
    for (const app of apps) await app.app.close();
    await rm(source, { recursive: true, force: true });
  }
  const fmt = (xs: number[], digits = 0): string =>
    `median ${median(xs).toFixed(digits)} ms (runs: ${xs.map((x) => x.toFixed(digits)).join(', ')})`;
  process.stdout.write(
    `${STEPS}-step pathway, ${RUNS} runs interleaved, chromium headless, 1440×900\n`,
  );
  for (const [name, f] of figures) {
    process.stdout.write(`[${name}]\n`);
    process.stdout.write(
      `  first render (navigation → ${ALL ? 'all nodes' : 'the view'} drawn): ${fmt(f.first)}\n`,
    );
    process.stdout.write(
      `  first frame (laid out and measured, before paint): ${fmt(f.painted)}\n`,
    );
    if (f.first.length > 1) {
      const warm = (xs: number[]): string => median(xs.slice(1)).toFixed(0);
      process.stdout.write(
        `  first render, cold (run 1) / warm (median of runs 2–${RUNS}): ${f.first[0]!.toFixed(0)} / ${warm(f.first)} ms; first frame: ${f.painted[0]!.toFixed(0)} / ${warm(f.painted)} ms\n`,
      );
    }
    process.stdout.write(`  settled (last long task after it ends): ${fmt(f.settled)}\n`);
    process.stdout.write(
      `  drag, in the page, per move (median of ${MOVES}): ${fmt(f.perMove, 1)}\n`,
    );
    process.stdout.write(`  drag, end to end, per move (${MOVES} moves): ${fmt(f.endToEnd, 1)}\n`);
    process.stdout.write(`  open a step's panel (click → panel shown): ${fmt(f.panel, 1)}\n`);
    process.stdout.write(`  pan, in the page, per move (median of ${MOVES}): ${fmt(f.pan, 1)}\n`);
    process.stdout.write(
      `  zoom, in the page, per wheel step (median of ${MOVES}): ${fmt(f.zoom, 1)}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
