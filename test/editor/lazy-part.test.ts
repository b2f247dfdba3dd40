import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPart } from '../../editor/src/parts/lazy-part';

/** A part whose chunk "arrives" when the test says so, counting how often it is fetched. */
function deferredPart() {
  let arrive: () => void = () => undefined;
  const arrived = new Promise<void>((done) => (arrive = done));
  let fetches = 0;
  const Greeting = ({ name }: { name: string }) => createElement('b', null, `hej ${name}`);
  const part = lazyPart<{ name: string }>(async () => {
    fetches += 1;
    await arrived;
    return Greeting;
  });
  return { part, arrive, fetches: () => fetches };
}

describe('a part loaded after the first screen', () => {
  it('shows the loading status in the UI language until its chunk has arrived', () => {
    const { part } = deferredPart();
    const html = renderToString(createElement(part.Component, { name: 'Anna' }));
    expect(html).toContain('role="status"');
    expect(html).toContain('Laddar …');
    expect(html).not.toContain('hej Anna');
  });

  it('draws the part at once, with its props, once prefetched', async () => {
    const { part, arrive } = deferredPart();
    const prefetched = part.prefetch();
    arrive();
    await prefetched;
    const html = renderToString(createElement(part.Component, { name: 'Anna' }));
    expect(html).toBe('<b>hej Anna</b>');
  });

  it('fetches its chunk once, however often it is prefetched or drawn', async () => {
    const { part, arrive, fetches } = deferredPart();
    renderToString(createElement(part.Component, { name: 'a' }));
    const first = part.prefetch();
    const second = part.prefetch();
    arrive();
    await Promise.all([first, second]);
    renderToString(createElement(part.Component, { name: 'b' }));
    expect(fetches()).toBe(1);
  });
});
