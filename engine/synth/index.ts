/** Synthetic patients: realistic populations for demos and benchmarks, adversarial ones for tests. */
export {
  adversarialPatients,
  type AdversarialOptions,
  type AdversarialPatient,
} from './adversarial';
export { CENTRES, type Centre } from './centres';
export {
  centresInMonth,
  DRIFT_PARAMETERS,
  parseDrift,
  type Drift,
  type DriftParameter,
} from './drift';
export { monthSeed, synthMonths, type SynthMonth } from './months';
export { synthPatients, type CohortLine } from './population';
export { prng } from './random';
