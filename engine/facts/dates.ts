/**
 * Dates moved to `engine/model/dates.ts`, the one date module. This forward remains only
 * for the importers in engine/evaluate, engine/fast, test/evaluate and scripts/bench that
 * other slices are rewriting; delete it once they import `../model/dates`.
 */
export * from '../model/dates';
