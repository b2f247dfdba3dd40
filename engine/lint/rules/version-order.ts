/**
 * version-order: a version that takes effect later must have a higher version number
 * (compared as semver), or readers and `--version` users are misled about which is newer.
 * Drafts count too: their number is already how people refer to them.
 */
import { compareSemver } from '../semver';
import type { VersionRule } from '../versions';
import { finding } from '../versions';

/** The `version-order` rule; see the comment at the top of this file. */
export const versionOrder: VersionRule = {
  rule: 'version-order',
  check(docs) {
    return docs.flatMap((doc, i) => {
      // The highest-numbered version that starts earlier, if it outnumbers this one.
      let above: (typeof docs)[number] | undefined;
      for (const other of docs) {
        if (other.effective.from >= doc.effective.from) continue;
        if (compareSemver(other.version, doc.version) <= 0) continue;
        if (above === undefined || compareSemver(other.version, above.version) > 0) above = other;
      }
      if (above === undefined) return [];
      return [
        finding(
          'version-order',
          'error',
          docs,
          i,
          `Version ${doc.version} takes effect on ${doc.effective.from}, after version ${above.version} (${above.effective.from}), but has a lower version number`,
          ['version'],
        ),
      ];
    });
  },
};
