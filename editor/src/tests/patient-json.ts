/**
 * The advanced view of a test patient: its input `{ currentStep?, facts }` as JSON, read back
 * only when it has that shape, and a JSON Schema from the fact dictionary for Monaco's
 * completion (the engine still validates every value when the patient runs).
 */
import type { Pathway } from '../../../engine/index';
import type { JsonParse } from '../conditions/JsonEditor';
import { readJson } from '../model/json';
import type { PatientInput } from '../model/patient-form';

/** Reads a patient input: `{ currentStep?, facts }`, both checked as far as their shape goes. */
export function parsePatient(text: string): JsonParse<PatientInput> {
  const json = readJson(text);
  if (!json.ok) return { ok: false, message: `JSON: ${json.message}` };
  const raw = json.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, message: 'expected { "facts": { … } }' };
  const facts = (raw as { facts?: unknown }).facts;
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts))
    return { ok: false, message: 'facts: expected an object' };
  return { ok: true, value: raw as PatientInput };
}

/** The JSON Schema Monaco offers for a patient of `pathway` (fact names with label and unit). */
export function patientSchema(pathway: Pathway): {
  uri: string;
  fileMatch: string[];
  schema: object;
} {
  const properties: Record<string, object> = {};
  for (const f of pathway.facts) {
    if (f.derived !== undefined) continue;
    properties[f.name] = {
      description: `${f.label.en ?? f.label.sv ?? f.name}${f.unit === undefined ? '' : ` (${f.unit})`}`,
    };
  }
  return {
    uri: 'vardprogram://schemas/patient.json',
    fileMatch: ['patient-*.json'],
    schema: {
      type: 'object',
      properties: {
        currentStep: {
          type: 'object',
          properties: {
            id: { enum: pathway.steps.map((s) => s.id) },
            enteredAt: { type: 'string' },
          },
        },
        facts: { type: 'object', properties, additionalProperties: false },
      },
      required: ['facts'],
    },
  };
}
