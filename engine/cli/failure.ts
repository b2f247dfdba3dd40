/**
 * The one line a failed command prints. A command that fails for a reason outside its own
 * checks (a file system refusal, a database that is not one, a bug) still ends with one
 * typed line on stderr and exit 2, never a stack trace: the user needs the file and the
 * reason, not the call chain. `PATHWAY_DEBUG=1` adds the stack for whoever debugs the CLI.
 */
import { exitCodeOf, formatIssue, isPathwayError, type ErrorCode } from '../errors';

/** Why a system call failed, in words (Node's own text is terse: "EISDIR: illegal operation"). */
const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
  EEXIST: 'already exists (and is not a folder)',
  ENOTFOUND: 'no such host',
  EADDRNOTAVAIL: 'not an address of this machine',
  EADDRINUSE: 'already in use',
};

interface SystemError {
  code: string;
  syscall?: string;
  path?: string;
  hostname?: string;
  message: string;
}

function isSystemError(error: unknown): error is SystemError {
  return (
    error instanceof Error &&
    typeof (error as Partial<SystemError>).code === 'string' &&
    ((error as Partial<SystemError>).syscall !== undefined ||
      (error as Partial<SystemError>).code?.startsWith('SQLITE_') === true)
  );
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}

/** The error line and exit code for anything a command threw. */
export function describeFailure(error: unknown): { line: string; exitCode: number } {
  if (isPathwayError(error)) {
    const first = error.issues[0] ?? { code: error.code, message: error.message };
    return {
      line: `error ${error.code}: ${error.issues.length > 1 ? error.message : formatIssue(first)}`,
      exitCode: exitCodeOf(error.code),
    };
  }
  let code: ErrorCode = 'INTERNAL';
  let message: string;
  if (isSystemError(error)) {
    code = 'FILE_READ';
    if (error.code.startsWith('SQLITE_')) message = `not a usable database: ${error.message}`;
    else {
      const what = error.path ?? error.hostname;
      const reason = SYSTEM_REASONS[error.code] ?? firstLine(error.message);
      message = `${what === undefined ? '' : `${what}: `}${reason} (${error.code}${error.syscall === undefined ? '' : ` on ${error.syscall}`})`;
    }
  } else {
    message = error instanceof Error ? firstLine(error.message) : String(error);
  }
  return { line: `error ${code}: ${message}`, exitCode: 2 };
}
