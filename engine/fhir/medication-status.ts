/**
 * Whether a MedicationStatement or MedicationRequest is a current drug, by its `status`
 * (and, for a request, `intent` and `doNotPerform`). Statuses and intents are the R4 value
 * sets (medication-statement-status, medicationrequest-status, medicationrequest-intent).
 *
 * - `current`: MedicationStatement `active`; MedicationRequest `active` with an intent that
 *   is an order (`order`, `original-order`, `reflex-order`, `filler-order`,
 *   `instance-order`).
 * - `uncertain` (the drug may be current, the entry is kept as `status-unknown`): no status,
 *   `unknown`, a status outside the value set, and `on-hold` (halted for now but expected to
 *   go on, and the patient usually still has the drug). A request without a known intent.
 * - `history` (a request only): `completed` or `stopped` orders. Not current, but part of
 *   the series of renewals that gives the treatment start.
 * - `not-current`: statements `completed`, `stopped`, `not-taken`, `entered-in-error` and
 *   `intended` (may be taken in the future, not now); requests `cancelled`,
 *   `entered-in-error`, `draft` (not yet authorised), intents `proposal`, `plan` and
 *   `option` (suggestions, not orders), and `doNotPerform` requests.
 */

/** What a record's status says about the drug now. */
export type RecordStatus =
  | { readonly kind: 'current' }
  | { readonly kind: 'uncertain'; readonly detail?: string; readonly message: string }
  | { readonly kind: 'history'; readonly status: string }
  | { readonly kind: 'not-current'; readonly why: string };

const ORDER_INTENTS = ['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order'];
const NOT_ORDER_INTENTS = ['proposal', 'plan', 'option'];
const STATEMENT_NOT_CURRENT = ['completed', 'stopped', 'not-taken', 'entered-in-error', 'intended'];
const REQUEST_HISTORY = ['completed', 'stopped'];
const REQUEST_NOT_CURRENT = ['cancelled', 'entered-in-error', 'draft'];

function uncertainStatus(status: unknown): RecordStatus {
  if (status === undefined || status === null) return { kind: 'uncertain', message: 'no status' };
  const shown = typeof status === 'string' ? status : JSON.stringify(status);
  return {
    kind: 'uncertain',
    detail: `status ${shown}`,
    message: `status ${shown}`,
  };
}

/** The status of a MedicationStatement or MedicationRequest; see the module comment. */
export function recordStatus(type: string, resource: Record<string, unknown>): RecordStatus {
  const status = resource['status'];
  if (type === 'MedicationStatement') {
    if (status === 'active') return { kind: 'current' };
    if (typeof status === 'string' && STATEMENT_NOT_CURRENT.includes(status))
      return { kind: 'not-current', why: `status ${status}` };
    return uncertainStatus(status);
  }
  if (resource['doNotPerform'] === true) return { kind: 'not-current', why: 'doNotPerform' };
  if (typeof status === 'string' && REQUEST_NOT_CURRENT.includes(status))
    return { kind: 'not-current', why: `status ${status}` };
  const intent = resource['intent'];
  if (typeof intent === 'string' && NOT_ORDER_INTENTS.includes(intent))
    return { kind: 'not-current', why: `intent ${intent} (not an order)` };
  if (typeof intent !== 'string' || !ORDER_INTENTS.includes(intent)) {
    const shown = typeof intent === 'string' ? `intent ${intent}` : 'no intent';
    return {
      kind: 'uncertain',
      detail: shown,
      message: `${shown}: cannot tell whether it is an order`,
    };
  }
  if (status === 'active') return { kind: 'current' };
  if (typeof status === 'string' && REQUEST_HISTORY.includes(status))
    return { kind: 'history', status };
  return uncertainStatus(status);
}
