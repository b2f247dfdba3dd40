/**
 * OperationOutcomes inside or instead of a list. A server answers one when it could not
 * search, or adds one to a searchset (entry `search.mode` = `outcome`) when it left results
 * out (consent, security labels, business rules). Only an outcome that is purely
 * informational (every issue severity `information` with code `informational`) leaves the
 * list whole; any other is read as "results may have been withheld".
 */
import { isObject } from './codes';

/** True when `resource` is an OperationOutcome. */
export function isOutcome(resource: unknown): boolean {
  return isObject(resource) && resource['resourceType'] === 'OperationOutcome';
}

function issuesOf(outcome: Record<string, unknown>): Record<string, unknown>[] {
  const issues = outcome['issue'];
  return Array.isArray(issues) ? (issues as unknown[]).filter(isObject) : [];
}

/** True when the outcome may mean results are missing (see the module comment). */
export function withholds(outcome: Record<string, unknown>): boolean {
  const issues = issuesOf(outcome);
  if (issues.length === 0) return true;
  return !issues.every((i) => i['severity'] === 'information' && i['code'] === 'informational');
}

/** What an outcome says, for messages: its issues' diagnostics or texts, else their codes. */
export function outcomeText(outcome: Record<string, unknown>): string {
  const parts = issuesOf(outcome).map((i) => {
    const details = isObject(i['details']) ? i['details']['text'] : undefined;
    const said = typeof i['diagnostics'] === 'string' ? i['diagnostics'] : details;
    const code = typeof i['code'] === 'string' ? i['code'] : 'no code';
    return typeof said === 'string' ? `${code}: ${said}` : code;
  });
  return parts.length === 0 ? 'an OperationOutcome without issues' : parts.join('; ');
}
