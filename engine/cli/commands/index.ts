/**
 * Every subcommand of `pathway`, in the order `pathway --help` lists them, each loaded only
 * when it is needed: `pathway cohort …` loads the cohort command's code alone, not the
 * server's or the test runner's (about half of the CLI's start-up time, which every monthly
 * cohort run pays). Help and unknown commands load them all.
 */
import type { CommandFactory } from '../main';

/** A subcommand's name (as typed after `pathway`) and how to load its factory. */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<CommandFactory>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'evaluate', load: async () => (await import('./evaluate')).evaluateCommand },
  { name: 'test', load: async () => (await import('./test')).testCommand },
  { name: 'lint', load: async () => (await import('./lint')).lintCommand },
  { name: 'format', load: async () => (await import('./format')).formatCommand },
  { name: 'diff', load: async () => (await import('./diff')).diffCommand },
  { name: 'impact', load: async () => (await import('./impact')).impactCommand },
  { name: 'cohort', load: async () => (await import('./cohort')).cohortCommand },
  { name: 'report', load: async () => (await import('./report')).reportCommand },
  { name: 'synth', load: async () => (await import('./synth')).synthCommand },
  { name: 'git-setup', load: async () => (await import('./git-setup')).gitSetupCommand },
  { name: 'versions', load: async () => (await import('./versions')).versionsCommand },
  { name: 'freeze', load: async () => (await import('./freeze')).freezeCommand },
  { name: 'serve', load: async () => (await import('./serve')).serveCommand },
  { name: 'replay', load: async () => (await import('./replay')).replayCommand },
];

/**
 * The commands to load for `argv`: the one it names, or every command when it names none
 * (help, a misspelt command: commander's answer lists or suggests them all).
 */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const named = COMMANDS.filter((entry) => entry.name === argv[0]);
  return named.length === 1 ? named : COMMANDS;
}
