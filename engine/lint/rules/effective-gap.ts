/**
 * effective-gap: days on which no non-draft version is in effect, between two versions,
 * so an evaluation on such a day would find no pathway. Allowed only when the later
 * version says `allowEffectiveGaps: true` (a pathway deliberately paused).
 */
import type { VersionFinding, VersionRule } from '../versions';
import { finding, published } from '../versions';
import { compareSemver } from '../semver';

/** The `effective-gap` rule; see the comment at the top of this file. */
export const effectiveGap: VersionRule = {
  rule: 'effective-gap',
  check(docs) {
    const versions = published(docs).sort(
      (a, b) =>
        (a.doc.effective.from < b.doc.effective.from
          ? -1
          : a.doc.effective.from > b.doc.effective.from
            ? 1
            : 0) || compareSemver(a.doc.version, b.doc.version),
    );
    const findings: VersionFinding[] = [];
    // The latest end so far, and which version it belongs to; undefined end = open.
    let cover: { end: string | undefined; version: string } | undefined;
    for (const { doc, index } of versions) {
      if (
        cover !== undefined &&
        cover.end !== undefined &&
        cover.end < doc.effective.from &&
        doc.allowEffectiveGaps !== true
      ) {
        findings.push(
          finding(
            'effective-gap',
            'error',
            docs,
            index,
            `No version is in effect from ${cover.end} (end of version ${cover.version}) until ${doc.effective.from} (start of version ${doc.version}); set allowEffectiveGaps: true on ${doc.version} if the gap is intended`,
            ['effective', 'from'],
          ),
        );
      }
      const end = doc.effective.to;
      if (
        cover === undefined ||
        (cover.end !== undefined && (end === undefined || end > cover.end))
      ) {
        cover = { end, version: doc.version };
      }
    }
    return findings.sort((x, y) => x.doc - y.doc);
  },
};
