/** duplicate-version: two documents carry the same version number, so `--version` would be ambiguous. */
import type { VersionFinding, VersionRule } from '../versions';
import { finding } from '../versions';

/** The `duplicate-version` rule; see the comment at the top of this file. */
export const duplicateVersion: VersionRule = {
  rule: 'duplicate-version',
  check(docs) {
    const seen = new Set<string>();
    const findings: VersionFinding[] = [];
    docs.forEach((doc, i) => {
      if (seen.has(doc.version)) {
        findings.push(
          finding('duplicate-version', 'error', docs, i, `Version ${doc.version} is given twice`, [
            'version',
          ]),
        );
      }
      seen.add(doc.version);
    });
    return findings;
  },
};
