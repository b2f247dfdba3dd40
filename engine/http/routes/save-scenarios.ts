/**
 * The test patients a save carries with the version (`scenarios` of `PUT …/versions/:version`):
 * after a rename, the scenarios that apply to this draft only are rewritten with it, so that
 * `pathway test` passes on the saved pair; a patient inherited from a frozen version may be
 * copied for the draft as a new file (`baseHash` null). A scenario shared with other versions
 * (frozen ones included) is never changed as a side effect of editing a draft, with one
 * exception that changes nothing for them: a split (`engine/scenarios/split.ts`), where the
 * shared file loses only this version, exactly as `splitScenario` leaves it, and the same
 * request writes the patient's copy for this version alone (same name, a new file), so the
 * patient is never lost. Every file is checked (schema, `versions` exactly this version on disk and in the
 * request, the hash it was loaded with) before anything is written, and each is then written
 * atomically after the version file.
 */
import { contentHash } from '../../model/hash';
import type { Scenario } from '../../model/types';
import { splitScenario } from '../../scenarios/split';
import { writeFileAtomic } from '../../node/write';
import { parseScenario } from '../../yaml/parse';
import { printScenario } from '../../yaml/print';
import { requireScenarioObject } from '../documents';
import { HttpError } from '../errors';
import { pathInside, readIfExists } from '../repo';

/** One scenario sent with a save. */
export interface ScenarioWrite {
  name: string;
  scenario: Record<string, unknown>;
  /** The hash of the file as loaded; null for a new file (a copy), which must not exist yet. */
  baseHash: string | null;
}

const onlyThis = (scenario: Scenario, version: string): boolean =>
  scenario.versions.length === 1 && scenario.versions[0] === version;

/**
 * True when writing `after` over the shared file `before` is a split for `version`: `after`
 * is exactly what `splitScenario` leaves for the other versions (compared in canonical form),
 * and the request also writes a new file for this version alone with the patient's name.
 */
function isSplit(
  before: Scenario,
  after: Scenario,
  version: string,
  writes: readonly ScenarioWrite[],
): boolean {
  const split = splitScenario(before, version);
  if (split === undefined || printScenario(split.rest) !== printScenario(after)) return false;
  return writes.some(
    (w) =>
      w.baseHash === null &&
      w.scenario['name'] === before.name &&
      Array.isArray(w.scenario['versions']) &&
      w.scenario['versions'].length === 1 &&
      w.scenario['versions'][0] === version,
  );
}

/**
 * Checks every scenario of the request against the files on disk (call under the version's
 * write lock, before the version is written) and returns the writes to make after it.
 * Throws 400 for a malformed or shared scenario, 409 HASH_MISMATCH for one changed on disk.
 */
export async function prepareScenarioWrites(
  root: string,
  id: string,
  version: string,
  writes: readonly ScenarioWrite[],
): Promise<() => Promise<void>> {
  const ready: { file: string; text: string }[] = [];
  for (const [i, write] of writes.entries()) {
    const field = `scenarios[${i}]`;
    const scenario = requireScenarioObject(write.scenario, `${field}.scenario`);
    const file = pathInside(root, id, 'scenarios', `${write.name}.yaml`);
    const current = await readIfExists(file);
    const currentHash = current === null ? null : contentHash(current);
    if (currentHash !== write.baseHash)
      throw new HttpError(
        'HASH_MISMATCH',
        write.baseHash === null
          ? `scenario ${write.name} already exists: a copy is written as a new file only`
          : `scenario ${write.name} changed on disk since it was loaded: reload and save again`,
        [
          {
            code: 'HASH_MISMATCH',
            message: 'baseHash is not the current hash',
            path: `${field}.baseHash`,
            value: write.baseHash,
          },
        ],
        { currentHash },
      );
    const before =
      current === null ? undefined : parseScenario(current, `${id}/scenarios/${write.name}.yaml`);
    if (before !== undefined && isSplit(before, scenario, version, writes)) {
      ready.push({ file, text: printScenario(scenario) });
      continue;
    }
    if (
      scenario.pathway !== id ||
      !onlyThis(scenario, version) ||
      (before !== undefined && !onlyThis(before, version))
    )
      throw new HttpError(
        'BAD_REQUEST',
        `scenario ${write.name} is not saved with ${id} ${version}: only a scenario of this version alone is (one shared with other versions is never changed by a save of one of them)`,
        [
          {
            code: 'BAD_REQUEST',
            message: `applies to ${(before ?? scenario).versions.join(', ')}`,
            path: `${field}.scenario.versions`,
            value: (before ?? scenario).versions,
          },
        ],
      );
    ready.push({ file, text: printScenario(scenario) });
  }
  return async () => {
    for (const { file, text } of ready) await writeFileAtomic(file, text);
  };
}
