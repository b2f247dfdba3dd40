/**
 * Publishing a version retires the one it replaces. Without this no pathway could ever
 * change: the active version would stay open-ended, and any successor would overlap it.
 * Retiring touches only the lifecycle fields (`status`, `effective.to`), which the frozen
 * lock leaves out of its hash, so the retired version's clinical content stays frozen.
 */
import { PathwayError } from '../errors';
import type { Pathway } from '../model/types';

/**
 * The versions that publishing `successor` retires, already retired: every active sibling
 * still in effect on or after the successor's start gets `status: retired` and
 * `effective.to` = that start. An active sibling starting on or after that date cannot be
 * replaced this way (the two would overlap from its start), so that is an error.
 */
export function retirementsFor(siblings: readonly Pathway[], successor: Pathway): Pathway[] {
  const start = successor.effective.from;
  const retired: Pathway[] = [];
  for (const sibling of siblings) {
    if (sibling.version === successor.version || sibling.status !== 'active') continue;
    if (sibling.effective.from >= start) {
      throw new PathwayError(
        'AMBIGUOUS_VERSION',
        `cannot publish ${successor.id} ${successor.version} from ${start}: active version ${sibling.version} only starts on ${sibling.effective.from}`,
        [
          {
            code: 'AMBIGUOUS_VERSION',
            message: `overlaps active version ${sibling.version}`,
            path: 'effective.from',
            value: start,
          },
        ],
        successor.id,
      );
    }
    if (sibling.effective.to === undefined || sibling.effective.to > start) {
      retired.push({
        ...sibling,
        status: 'retired',
        effective: { from: sibling.effective.from, to: start },
      });
    }
  }
  return retired;
}
