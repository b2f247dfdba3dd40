/** FHIR R4 → patient facts, driven by the pathway's fact dictionary. Pure: runs in the browser too. */
export { factsFromFhir } from './facts-from-fhir';
export {
  MAP_KINDS,
  mappingOf,
  type MapKind,
  type FactMapping,
  type MappingDecision,
  type NoneFoundCode,
} from './kinds';
export { ATC_SYSTEM } from './codes';
export type * from './types';
