/**
 * The `pathway` command line. Each subcommand lives in `commands/<name>.ts` and returns
 * its exit code; this file only wires them up and turns errors into the exit code the error
 * catalogue gives them (engine/errors.ts: 2, bad usage or bad input).
 */
import { Command, CommanderError } from 'commander';
import { describeFailure } from './failure';
import { EXIT_USAGE, processIo, type Io } from './io';
import { commandsFor } from './commands/index';

/** A subcommand factory: builds the commander command; `done` records the exit code. */
export type CommandFactory = (io: Io, done: (code: number) => void) => Command;

/** Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('pathway')
    .description(
      'Care-pathway (vårdprogram) engine: evaluate patients, test scenarios, lint, format and diff pathway files.',
    )
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  const factories = await Promise.all(commandsFor(argv).map((entry) => entry.load()));
  for (const make of factories) {
    const sub = make(io, (code) => {
      exitCode = code;
    });
    sub.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
    program.addCommand(sub);
  }
  if (argv.length === 0) {
    io.err(program.helpInformation());
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version output are not failures.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    const { line, exitCode: code } = describeFailure(error);
    io.err(line);
    if (process.env.PATHWAY_DEBUG === '1' && error instanceof Error && error.stack !== undefined)
      io.err(error.stack);
    return code;
  }
}
