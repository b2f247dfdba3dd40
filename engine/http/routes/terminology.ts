/**
 * `GET /api/terminology/medications`: the medication code table the engine classifies drugs
 * with (`terminology/medication-codes.yaml`: RxNorm and SNOMED CT codes mapped to WHO ATC),
 * grouped by substance, read-only. The editor's test-patient form searches it, so a drug
 * chosen there carries the ATC code the engine itself would read from those codes.
 */
import { z } from 'zod';
import { medicationSubstances } from '../../terminology/medication-codes';
import { defineRoute, errorResponses } from '../route';

/**
 * One substance: its ATC code, name (the English INN, as the table writes it), its Swedish and
 * Danish names where known, and the codes that name it.
 */
const substanceSchema = z.object({
  atc: z.string(),
  name: z.string(),
  /** Its Swedish and Danish names where the table gives them (each with a cited source there). */
  names: z.object({ sv: z.string().optional(), da: z.string().optional() }).optional(),
  codes: z.array(
    z.object({ system: z.string(), code: z.string(), display: z.string().optional() }),
  ),
});

/** The answer of `GET /api/terminology/medications`. */
export const medicationTermsResponseSchema = z.object({
  substances: z.array(substanceSchema),
});

export const medicationTermsRoute = defineRoute({
  method: 'get',
  path: '/api/terminology/medications',
  summary:
    'The medication code table (RxNorm and SNOMED CT codes to WHO ATC), by substance, read-only',
  responses: {
    200: {
      description: 'the substances with their codes',
      name: 'MedicationTerms',
      schema: medicationTermsResponseSchema,
    },
    ...errorResponses(500),
  },
  async handler({ deps }) {
    const codings = await deps.ctx.medicationCodes();
    return {
      substances: medicationSubstances(codings).map((s) => ({ ...s, codes: [...s.codes] })),
    };
  },
});
