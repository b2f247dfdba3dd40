/** Every subcommand of `pathway`, in the order `pathway --help` lists them. */
import type { CommandFactory } from '../main';

export const COMMANDS: CommandFactory[] = [];
