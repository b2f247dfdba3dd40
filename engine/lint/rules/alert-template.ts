/**
 * alert-template: an alert message placeholder `{name}` that is not a fact. The message
 * would show the raw braces to the clinician.
 */
import { LANGUAGES } from '../../model/schema';
import type { PathwayRule } from '../context';
import { languageName } from '../describe';
import { makeIssue } from '../issue';
import { didYouMean } from '../suggest';
import type { LintIssue } from '../types';

/** The placeholders of a template, in order: `{score}` gives `score`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
}

/** The `alert-template` rule; see the comment at the top of this file. */
export const alertTemplate: PathwayRule = {
  rule: 'alert-template',
  check({ doc, facts }) {
    const issues: LintIssue[] = [];
    doc.alerts.forEach((alert, a) => {
      for (const language of LANGUAGES) {
        const text = alert.message[language];
        if (text === undefined) continue;
        for (const name of placeholders(text)) {
          if (facts.has(name)) continue;
          issues.push(
            makeIssue(
              'alert-template',
              'error',
              `Alert "${alert.id}" message in ${languageName(language)} uses {${name}}, which is not a fact${didYouMean(name.trim(), facts.keys())}`,
              ['alerts', a, 'message', language],
              { alertId: alert.id },
            ),
          );
        }
      }
    });
    return issues;
  },
};
