/** What every route receives besides its input: the service context, the write token, limits. */
import type { AnyRoute } from './route';
import type { ResultsAccess } from './routes/results';
import type { LocalServiceContext } from './service-context';

/** Handed to every route. */
export interface RouteDeps {
  ctx: LocalServiceContext;
  /** PATHWAY_WRITE_TOKEN, when configured. */
  writeToken: string | undefined;
  /** Check every answer against its schema (tests turn this on; a mismatch is a bug → 500). */
  checkResponses: boolean;
  /** Largest JSON body and largest batch line, in bytes. */
  bodyLimit: number;
  /** How long a batch computes before it lets other requests run (ms; 0: after every line). */
  batchSliceMs: number;
  /** The data folder (audit database, …); `/api/health` checks that it can be written. */
  dataDir?: string;
  /** The results store (RESULTS_DATABASE), opened on first use. */
  results: ResultsAccess;
  /** The declared routes the app serves (and OpenAPI describes). */
  routes: readonly AnyRoute[];
}
