/**
 * Every route of the REST API, in registration order. The app registers this list and
 * `GET /api/openapi.json` describes the same list: each route is declared once, in its
 * module, with its schemas. (The editor and CDS Hooks are mounted beside it, not in it.)
 */
import type { AnyRoute } from '../route';
import { auditListRoute, auditRecordRoute, feedbackListRoute } from './audit';
import { batchRoute } from './batch';
import { evaluateRoute } from './evaluate';
import { healthRoute } from './health';
import { openApiRoute } from './openapi';
import { pathwayListRoute, versionRoute } from './pathways';
import { diffRoute, resultsRoute } from './results';
import { publishRoute } from './publish';
import { saveLayoutRoute, saveRoute } from './save';
import { saveScenarioRoute, scenarioListRoute } from './scenarios';
import { medicationTermsRoute } from './terminology';
import { validateRoute } from './validate';

/** The REST API. */
export const API_ROUTES: readonly AnyRoute[] = [
  healthRoute,
  pathwayListRoute,
  versionRoute,
  saveRoute,
  saveLayoutRoute,
  publishRoute,
  scenarioListRoute,
  saveScenarioRoute,
  evaluateRoute,
  batchRoute,
  validateRoute,
  medicationTermsRoute,
  auditListRoute,
  feedbackListRoute,
  auditRecordRoute,
  resultsRoute,
  diffRoute,
  openApiRoute,
];
