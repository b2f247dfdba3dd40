/**
 * The streams a command writes to. Commands take an `Io` instead of touching `process`
 * so that tests can run them in-process and read what they printed.
 */
import { systemToday, type Today } from '../service/today';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  /** Today's date as YYYY-MM-DD in a time zone, the default zone (Europe/Stockholm) when none is given (injected so tests are deterministic). */
  today: Today;
}

/** Exit codes: 0 success, 1 failures found (tests, lint, diff with changes), 2 bad usage or input. */
export const EXIT_OK = 0;
export const EXIT_FAILURES = 1;
export const EXIT_USAGE = 2;

/** The real process streams. */
export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    cwd: process.cwd(),
    today: systemToday(),
  };
}

/**
 * An in-memory Io for tests: read `stdout` / `stderr` after the command ran. `today` is a
 * fixed date (the same in every zone) or an instant (then today is reckoned in each zone).
 */
export function memoryIo(
  cwd: string,
  today: string | Date = '2026-11-23',
): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    cwd,
    today: typeof today === 'string' ? () => today : systemToday(() => today),
  };
}
