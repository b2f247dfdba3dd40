import { describe, expect, it } from 'vitest';
import { chunkText } from '../../engine/node/chunk-text';

const utf8 = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('chunkText', () => {
  it('reads ASCII, UTF-8 and invalid bytes exactly as the UTF-8 decoder does', () => {
    const cases = [
      new TextEncoder().encode('{"id":"p1","facts":{"age":31}}\n'),
      new TextEncoder().encode('{"healthCentre":"vårdcentral Åby","note":"ø – €"}\n'),
      new Uint8Array([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
      new Uint8Array([0xe2, 0x82]),
      new Uint8Array(0),
    ];
    for (const bytes of cases) expect(chunkText(bytes)).toBe(utf8(bytes));
  });

  it('reads only the bytes of a view, not the rest of its buffer', () => {
    const whole = new TextEncoder().encode('xx{"a":1}\nyy');
    const view = whole.subarray(2, 10);
    expect(chunkText(view)).toBe('{"a":1}\n');
  });
});
