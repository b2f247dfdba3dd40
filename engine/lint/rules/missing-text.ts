/**
 * missing-text: a text lacks a language the pathway declares in `languages`. A clinician
 * reading the pathway in that language would otherwise meet a gap or another language.
 */
import type { PathwayRule } from '../context';
import { languageName } from '../describe';
import { makeIssue } from '../issue';
import { textSites } from '../texts';

/** The `missing-text` rule; see the comment at the top of this file. */
export const missingText: PathwayRule = {
  rule: 'missing-text',
  check({ doc }) {
    const languages = [...new Set(doc.languages)];
    return textSites(doc).flatMap((site) =>
      languages
        .filter((language) => site.texts[language] === undefined)
        .map((language) =>
          makeIssue(
            'missing-text',
            'error',
            `The ${site.label} has no ${languageName(language)} text`,
            [...site.path, language],
            site.at,
          ),
        ),
    );
  },
};
