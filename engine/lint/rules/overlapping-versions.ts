/**
 * overlapping-versions: two non-draft versions in effect on the same day (each covers
 * from ≤ d < to), so the version for an evaluation date would be ambiguous. Reported on
 * the version that starts later, once per pair.
 */
import type { VersionFinding, VersionRule } from '../versions';
import { finding, published, showPeriod } from '../versions';

/** The `overlapping-versions` rule; see the comment at the top of this file. */
export const overlappingVersions: VersionRule = {
  rule: 'overlapping-versions',
  check(docs) {
    const versions = published(docs);
    const findings: VersionFinding[] = [];
    versions.forEach((b, j) => {
      for (const a of versions.slice(0, j)) {
        const [early, late] = a.doc.effective.from <= b.doc.effective.from ? [a, b] : [b, a];
        const earlyEnd = early.doc.effective.to;
        // The late one starts inside the early one's period (an open end never ends).
        if (earlyEnd !== undefined && earlyEnd <= late.doc.effective.from) continue;
        const lateEnd = late.doc.effective.to;
        const end =
          earlyEnd === undefined
            ? lateEnd
            : lateEnd === undefined || earlyEnd < lateEnd
              ? earlyEnd
              : lateEnd;
        // An empty or reversed period is effective-dates' business, not an overlap.
        if (end !== undefined && end <= late.doc.effective.from) continue;
        findings.push(
          finding(
            'overlapping-versions',
            'error',
            docs,
            late.index,
            `Version ${late.doc.version} (${showPeriod(late.doc)}) overlaps version ${early.doc.version} (${showPeriod(early.doc)}): both are in effect from ${late.doc.effective.from}${end === undefined ? ' on' : ` until ${end}`}`,
            ['effective', 'from'],
          ),
        );
      }
    });
    return findings.sort((x, y) => x.doc - y.doc);
  },
};
