/** Every subcommand of `pathway`, in the order `pathway --help` lists them. */
import type { CommandFactory } from '../main';
import { cohortCommand } from './cohort';
import { diffCommand } from './diff';
import { evaluateCommand } from './evaluate';
import { formatCommand } from './format';
import { freezeCommand } from './freeze';
import { gitSetupCommand } from './git-setup';
import { impactCommand } from './impact';
import { lintCommand } from './lint';
import { replayCommand } from './replay';
import { reportCommand } from './report';
import { serveCommand } from './serve';
import { synthCommand } from './synth';
import { testCommand } from './test';
import { versionsCommand } from './versions';

export const COMMANDS: CommandFactory[] = [
  evaluateCommand,
  testCommand,
  lintCommand,
  formatCommand,
  diffCommand,
  impactCommand,
  cohortCommand,
  reportCommand,
  synthCommand,
  gitSetupCommand,
  versionsCommand,
  freezeCommand,
  serveCommand,
  replayCommand,
];
