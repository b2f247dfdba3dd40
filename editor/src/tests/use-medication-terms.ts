/**
 * The terminology table for the medication search, fetched once per page: it is the same for
 * every pathway and version, and read-only.
 */
import { useEffect, useState } from 'react';
import { loadMedicationTerms } from '../api/client';
import type { MedicationTerm } from './medication-choices';

let loading: Promise<MedicationTerm[]> | undefined;

/** The table's substances (empty until loaded) and, if it could not be loaded, why. */
export function useMedicationTerms(): { terms: MedicationTerm[]; failure: string | null } {
  const [terms, setTerms] = useState<MedicationTerm[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    loading ??= loadMedicationTerms().then((answer) => answer.substances);
    loading.then(
      (loaded) => {
        if (current) setTerms(loaded);
      },
      (error: unknown) => {
        // A later form may try again.
        loading = undefined;
        if (current) setFailure(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return { terms, failure };
}
