/**
 * The few git operations the CLI needs, run with `git` itself (no shell, arguments passed
 * as given): reading a file at a revision, finding the repository root, setting config.
 * Node-only. Failures are `PathwayError`s naming the git command and what git said.
 */
import { execFile } from 'node:child_process';
import { PathwayError } from '../errors';

/** Largest file `git show` may return (pathway files are far smaller). */
const MAX_BUFFER = 64 * 1024 * 1024;

/** Runs `git args…` in `cwd` and resolves to its standard output. */
export function runGit(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...args],
      { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve(stdout);
          return;
        }
        const said = stderr.trim() || error.message;
        const message = `git ${args.join(' ')} failed: ${said}`;
        reject(new PathwayError('FILE_READ', message, [{ code: 'FILE_READ', message }]));
      },
    );
  });
}

/**
 * A plain line diff of two files outside any repository (`git diff --no-index`), for files
 * that are not pathways. Resolves to git's output whether or not the files differ.
 */
export function gitDiffFiles(cwd: string, before: string, after: string): Promise<string> {
  const args = ['diff', '--no-index', '--no-ext-diff', '--no-color', '--', before, after];
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8' },
      (error, stdout, stderr) => {
        // Exit code 1 only means "the files differ".
        if (error === null || error.code === 1) resolve(stdout);
        else {
          const message = `git ${args.join(' ')} failed: ${stderr.trim() || error.message}`;
          reject(new PathwayError('FILE_READ', message, [{ code: 'FILE_READ', message }]));
        }
      },
    );
  });
}

/** The text of `path` at revision `ref` (`git show ref:path`); `path` is read as git reads it. */
export function gitShowFile(cwd: string, ref: string, path: string): Promise<string> {
  return runGit(cwd, ['show', `${ref}:${path}`]);
}

/** The top folder of the working tree that holds `cwd`. */
export async function gitTopLevel(cwd: string): Promise<string> {
  return (await runGit(cwd, ['rev-parse', '--show-toplevel'])).trim();
}

/** Sets a key in the repository's own config (`.git/config`). */
export async function gitConfigSet(cwd: string, key: string, value: string): Promise<void> {
  await runGit(cwd, ['config', '--local', key, value]);
}
