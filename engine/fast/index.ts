/** The population path: compile a pathway once, evaluate many patients synchronously. */
export { compilePopulation, type PopulationPathway } from './compile';
export { evaluateFast } from './evaluate';
export type { FastFollowUp, FastOptions, FastResult } from './result';
