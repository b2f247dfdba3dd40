/**
 * CDS Hooks 2.0 message shapes, written from the specification (there is no official JSON
 * Schema): the discovery response, the service request and the response with its cards.
 * The service validates requests with them; tests check every response against them.
 * Objects are not strict: the specification allows `extension` and future fields.
 */
import { z } from 'zod';

/** An absolute http(s) URL (`fhirServer`). */
export const absoluteUrl = z.url({ protocol: /^https?$/ });

/** A FHIR Coding as CDS Hooks uses it (topic, override reasons). */
export const cdsCodingSchema = z.object({
  system: z.string().optional(),
  code: z.string().min(1),
  display: z.string().optional(),
});

/** One service in the discovery response. */
export const cdsServiceSchema = z.object({
  hook: z.string().min(1),
  title: z.string().optional(),
  description: z.string().min(1),
  id: z.string().regex(/^[A-Za-z0-9._~-]+$/, 'a service id must be usable as a URL segment'),
  prefetch: z.record(z.string(), z.string().min(1)).optional(),
  usageRequirements: z.string().optional(),
  extension: z.record(z.string(), z.unknown()).optional(),
});

/** `GET /cds-services`. */
export const cdsDiscoverySchema = z.object({ services: z.array(cdsServiceSchema) });

/** The `fhirAuthorization` object: every field is required when it is sent. */
export const fhirAuthorizationSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
  subject: z.string(),
});

/** A service call (`POST /cds-services/{id}`), any hook. */
export const cdsRequestSchema = z.object({
  hook: z.string().min(1),
  hookInstance: z.string().min(1),
  fhirServer: absoluteUrl.optional(),
  fhirAuthorization: fhirAuthorizationSchema.optional(),
  context: z.record(z.string(), z.unknown()),
  prefetch: z.record(z.string(), z.unknown()).optional(),
  extension: z.record(z.string(), z.unknown()).optional(),
});

/** The `patient-view` hook's context. */
export const patientViewContextSchema = z.object({
  userId: z.string().min(1),
  patientId: z.string().min(1),
  encounterId: z.string().min(1).optional(),
});

export const cdsActionSchema = z.object({
  type: z.enum(['create', 'update', 'delete']),
  description: z.string().min(1),
  resource: z.record(z.string(), z.unknown()).optional(),
  resourceId: z.string().optional(),
});

export const cdsSuggestionSchema = z.object({
  label: z.string().min(1),
  uuid: z.string().optional(),
  isRecommended: z.boolean().optional(),
  actions: z.array(cdsActionSchema).optional(),
});

export const cdsLinkSchema = z
  .object({
    label: z.string().min(1),
    url: z.string().min(1),
    type: z.enum(['absolute', 'smart']),
    appContext: z.string().optional(),
  })
  .refine(
    (l) => l.type === 'smart' || l.appContext === undefined,
    'appContext only on smart links',
  );

/** One card. */
export const cdsCardSchema = z
  .object({
    uuid: z.string().optional(),
    summary: z.string().min(1).max(139, 'a card summary must be under 140 characters'),
    detail: z.string().optional(),
    indicator: z.enum(['info', 'warning', 'critical']),
    source: z.object({
      label: z.string().min(1),
      url: absoluteUrl.optional(),
      icon: absoluteUrl.optional(),
      topic: cdsCodingSchema.optional(),
    }),
    suggestions: z.array(cdsSuggestionSchema).optional(),
    selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
    overrideReasons: z.array(cdsCodingSchema.extend({ display: z.string().min(1) })).optional(),
    links: z.array(cdsLinkSchema).optional(),
    extension: z.record(z.string(), z.unknown()).optional(),
  })
  .refine(
    (c) => c.suggestions === undefined || c.selectionBehavior !== undefined,
    'selectionBehavior is required when suggestions are given',
  );

/** The service response. */
export const cdsResponseSchema = z.object({
  cards: z.array(cdsCardSchema),
  systemActions: z.array(cdsActionSchema).optional(),
});

export type CdsService = z.infer<typeof cdsServiceSchema>;
export type CdsDiscovery = z.infer<typeof cdsDiscoverySchema>;
export type CdsRequest = z.infer<typeof cdsRequestSchema>;
export type PatientViewContext = z.infer<typeof patientViewContextSchema>;
export type CdsCard = z.infer<typeof cdsCardSchema>;
export type CdsResponse = z.infer<typeof cdsResponseSchema>;

/** The fields of one feedback entry (also the stored part of a feedback record). */
export const cdsFeedbackFieldsSchema = z.object({
  card: z.uuid(),
  outcome: z.enum(['accepted', 'overridden']),
  acceptedSuggestions: z.array(z.object({ id: z.string().min(1) })).optional(),
  overrideReason: z
    .object({
      reason: cdsCodingSchema.optional(),
      userComment: z.string().max(10_000).optional(),
    })
    .optional(),
  outcomeTimestamp: z.iso.datetime({ offset: true }),
});

/** One feedback entry (`POST /cds-services/{id}/feedback`). */
export const cdsFeedbackEntrySchema = cdsFeedbackFieldsSchema
  // The specification's rules: reasons only for an override, suggestions only when accepted.
  .refine((f) => f.outcome === 'overridden' || f.overrideReason === undefined, {
    message: 'overrideReason is only for outcome "overridden"',
    path: ['overrideReason'],
  })
  .refine((f) => f.outcome === 'accepted' || f.acceptedSuggestions === undefined, {
    message: 'acceptedSuggestions is only for outcome "accepted"',
    path: ['acceptedSuggestions'],
  });

/** The feedback request body. */
export const cdsFeedbackSchema = z.object({
  feedback: z.array(cdsFeedbackEntrySchema).min(1).max(1000),
});

/** One feedback entry: what the user did with a card. */
export type CardFeedback = z.infer<typeof cdsFeedbackFieldsSchema>;
