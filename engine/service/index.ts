/**
 * The evaluation service: one request schema, one rule for which version answers, one
 * compile cache, one audit call and one line format, behind every entrance. Pure (no node:
 * imports): the Node side hands it the pathways folder and the audit log.
 */
export { AUDIT_CHANNELS, type AuditChannel, type AuditEntry, type AuditSink } from './audit';
export { CompileCache, DEFAULT_COMPILE_CACHE_SIZE } from './compile-cache';
export {
  LINE_FIELDS,
  PATIENT_FIELDS,
  parseLineJson,
  readLineObject,
  readLineText,
  splitLine,
  type EvaluationLine,
  type ReadLine,
} from './lines';
export {
  checkRequest,
  evaluatedInput,
  REQUEST_FIELDS,
  requestIssues,
  type EvaluationRequest,
} from './request';
export {
  createEvaluationService,
  type EvaluateOptions,
  type EvaluationService,
  type Served,
  type ServiceOptions,
} from './service';
export { pathwayToday, requestTimeZone, systemToday, timeZoneOf, type Today } from './today';
export {
  asOfOf,
  choosePinned,
  chooseVersion,
  outOfEffect,
  withCommandLine,
  type Chosen,
  type VersionFile,
} from './versions';
