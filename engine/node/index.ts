/**
 * The engine's Node-only entry (the package's "./node" export): reading a folder of pathway
 * versions and scenarios from disk. Everything else is in the browser-safe engine/index.ts.
 */
export {
  loadPathwayVersions,
  loadRepository,
  loadScenarios,
  loadVersionFile,
  findVersion,
  versionsOf,
  type LoadedScenario,
  type LoadedVersion,
  type PathwayRepository,
} from './repository';
export { listPathwayFiles, type PathwayFile, type PathwayFileKind } from './files';
export { repositoryService } from './service';
export { loadMedicationCodes, MEDICATION_CODES_FILE } from './medication-codes';
