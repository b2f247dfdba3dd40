import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsFor } from '../../engine/cli/commands/index';
import type { Io } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';

/** An Io that keeps what is written to stderr. */
function quietIo(): Io & { written: () => string } {
  let err = '';
  return {
    out: () => undefined,
    err: (text) => {
      err += text;
    },
    cwd: process.cwd(),
    today: () => '2026-12-07',
    written: () => err,
  };
}

describe('the CLI loads only the command it is asked for', () => {
  it('names each lazily loaded command as the command it builds', async () => {
    for (const entry of COMMANDS) {
      const make = await entry.load();
      expect(make(quietIo(), () => undefined).name()).toBe(entry.name);
    }
  });

  it('picks the one command argv names, and every command for help or a misspelling', () => {
    expect(commandsFor(['cohort', '--patients', 'x']).map((entry) => entry.name)).toEqual([
      'cohort',
    ]);
    expect(commandsFor(['--help'])).toHaveLength(COMMANDS.length);
    expect(commandsFor(['cohrt'])).toHaveLength(COMMANDS.length);
  });

  it('still suggests the right command for a misspelt one', async () => {
    const io = quietIo();
    const code = await main(['cohrt'], io);
    expect(code).toBe(2);
    expect(io.written()).toContain('Did you mean cohort?');
  });
});
