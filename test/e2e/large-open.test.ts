/**
 * Opening a large pathway mounts only the steps in view (issue 18: 200 steps first render):
 * the canvas gives React Flow each node's size and handle places before it measures them
 * (canvas/node-size.ts) and opens at the fitted view (canvas/initial-view.ts), so React Flow
 * never mounts the other steps hidden to measure them, and every drawn edge still meets its
 * steps' handles.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { printPathway } from '../../engine/yaml/print';
import { gridLayout, ladderPathway } from '../fixtures/large-pathway';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session));

/** Opens a generated pathway of `count` steps, counting every step node ever mounted. */
async function openCounting(count: number): Promise<void> {
  const pathway = ladderPathway(count);
  await mkdir(join(service.pathwaysDir, 'bench'), { recursive: true });
  await writeFile(join(service.pathwaysDir, 'bench', '0.1.0.yaml'), printPathway(pathway));
  await writeFile(join(service.pathwaysDir, 'bench', '0.1.0.layout.json'), gridLayout(pathway));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.addInitScript(() => {
    const w = window as unknown as {
      __mounted: Set<string>;
      __firstTransform?: string | undefined;
    };
    w.__mounted = new Set();
    new MutationObserver(() => {
      const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node-step');
      for (const node of nodes) w.__mounted.add(node.dataset.id ?? '');
      if (nodes.length > 0)
        w.__firstTransform ??=
          document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform;
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(`${service.url}/?pathway=bench&version=0.1.0`);
  await page.waitForFunction(() => {
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node-step')];
    return nodes.length > 0 && nodes.every((n) => n.style.visibility === 'visible');
  });
  await page.waitForTimeout(500);
}

describe('opening a large pathway', () => {
  it('mounts only the steps in view, already at the fitted view', async () => {
    await openCounting(200);
    const { mounted, drawn, first, now } = await page.evaluate(() => {
      const w = window as unknown as { __mounted: Set<string>; __firstTransform?: string };
      return {
        mounted: w.__mounted.size,
        drawn: document.querySelectorAll('.react-flow__node-step').length,
        first: w.__firstTransform,
        now: document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform,
      };
    });
    // Before, React Flow mounted all 200 once, hidden, to measure them.
    expect(drawn).toBeGreaterThan(0);
    expect(mounted).toBe(drawn);
    expect(mounted).toBeLessThan(100);
    // The first steps were mounted in the view the pathway opens at, not in an unfitted one.
    expect(first).toBe(now);
    expect(now).toContain('scale(0.35)');
    expect(errors).toEqual([]);
  });

  it('ends every drawn edge, where it is in view, at a handle of a drawn step', async () => {
    await openCounting(200);
    const result = await page.evaluate(() => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      const centres = (kind: string): [number, number][] =>
        [...document.querySelectorAll(`.react-flow__node .react-flow__handle.${kind}`)].map(
          (el) => {
            const r = el.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2];
          },
        );
      const sources = centres('source');
      const targets = centres('target');
      const misses: string[] = [];
      let checked = 0;
      for (const edge of document.querySelectorAll<SVGGElement>('.react-flow__edge')) {
        const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path');
        const matrix = path?.getScreenCTM();
        if (path === null || matrix === null || matrix === undefined) continue;
        const ends: [number, [number, number][]][] = [
          [0, sources],
          [path.getTotalLength(), targets],
        ];
        for (const [at, handles] of ends) {
          const p = path.getPointAtLength(at);
          const x = matrix.a * p.x + matrix.e;
          const y = matrix.d * p.y + matrix.f;
          const inView = x > pane.left && x < pane.right && y > pane.top && y < pane.bottom;
          if (!inView) continue;
          checked += 1;
          const nearest = Math.min(...handles.map(([hx, hy]) => Math.hypot(hx - x, hy - y)));
          if (nearest > 2) misses.push(`${edge.dataset.id}@${at === 0 ? 'source' : 'target'}`);
        }
      }
      return { misses, checked };
    });
    expect(result.checked).toBeGreaterThan(50);
    expect(result.misses).toEqual([]);
  });
});
