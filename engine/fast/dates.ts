/**
 * The population path's date arithmetic. It is the one date module's own (character-code
 * parsing and integer day numbers were moved there, so the reference and this path can no
 * longer disagree); the names stay for this folder's importers.
 */
export { dayFromCivil, isoDay, monthsBetweenPacked, packedDate } from '../model/dates';
