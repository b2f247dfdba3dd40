/**
 * Conditions as JSON text, for the Monaco view: parsing that never lets invalid text into
 * the document, and the JSON Schema (generated from the engine's zod schema) that gives
 * Monaco its validation and its completion of fact and condition names.
 */
import { z } from 'zod';
import type { Language, Pathway } from '../../../engine/index';
import {
  type Condition,
  conditionSchema,
  formatPath,
  type PathSegment,
} from '../../../engine/editor';
import { factRangeText } from './facts';
import { readJson } from './json';

/** The outcome of reading condition text: a valid condition, or why not. */
export type ConditionParse = { ok: true; value: Condition } | { ok: false; message: string };

/** Condition JSON as the editor shows it: two-space indent. */
export function conditionText(condition: Condition): string {
  return JSON.stringify(condition, null, 2);
}

/** Reads condition JSON: syntax first, then the condition schema. */
export function parseConditionText(text: string): ConditionParse {
  const json = readJson(text);
  if (!json.ok) return { ok: false, message: `JSON: ${json.message}` };
  const raw = json.value;
  const parsed = conditionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = formatPath(
    (issue?.path ?? []).filter((p): p is PathSegment => typeof p !== 'symbol'),
  );
  return {
    ok: false,
    message: `${where === '' ? 'condition' : where}: ${issue?.message ?? 'not a valid condition'}`,
  };
}

/** Deep equality of two JSON values (conditions, facts). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type JsonSchema = Record<string, unknown>;

/**
 * The condition JSON Schema for one pathway: the engine's schema with `fact` limited to the
 * dictionary (labels, units and ranges as descriptions) and `condition` to the named ones.
 */
export function conditionJsonSchema(pathway: Pathway, language: Language): JsonSchema {
  const base = z.toJSONSchema(conditionSchema, { target: 'draft-7' }) as JsonSchema;
  const facts = pathway.facts.map((f) => f.name);
  const factDescriptions = pathway.facts.map((f) => {
    const label = f.label[language] ?? f.label.en ?? f.label.sv ?? f.name;
    const range = factRangeText(f);
    return `${label} (${f.type}${f.unit === undefined ? '' : `, ${f.unit}`}${range === '' ? '' : `, ${range}`})`;
  });
  const names = pathway.conditions.map((c) => c.name);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as JsonSchema;
    const props = record.properties as JsonSchema | undefined;
    if (props !== undefined) {
      if (props.fact !== undefined)
        props.fact = { type: 'string', enum: facts, enumDescriptions: factDescriptions };
      if (props.condition !== undefined && facts.length > 0)
        props.condition = { type: 'string', enum: names };
    }
    for (const value of Object.values(record)) visit(value);
  };
  visit(base);
  return base;
}
