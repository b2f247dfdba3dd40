/**
 * The canonical YAML writer. Reviewers read pathway files in `git diff`, so the same
 * document must always print to the same bytes: keys in schema order, lists as given, no
 * anchors, no line folding, one trailing newline. Pure: the editor saves with it too.
 */
import { Document, Scalar, isScalar, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { pathwaySchema, scenarioSchema } from '../model/schema';
import type { Pathway, Scenario } from '../model/types';
import { orderBySchema } from './order';

/** Prints any value in canonical form, ordering mapping keys by `schema`. */
export function printCanonical(value: unknown, schema: z.core.$ZodType): string {
  const doc = new Document(orderBySchema(value, schema), {
    version: '1.2',
    // A shared object must be written out twice, never as an anchor and alias.
    aliasDuplicateObjects: false,
  });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && misreadElsewhere(node.value))
        node.type = Scalar.QUOTE_SINGLE;
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indent: 2, singleQuote: true });
}

/** Prints a pathway in canonical form. `parsePathway(printPathway(p))` deep-equals `p`. */
export function printPathway(doc: Pathway): string {
  return printCanonical(doc, pathwaySchema);
}

/** Prints a scenario in canonical form. */
export function printScenario(scenario: Scenario): string {
  return printCanonical(scenario, scenarioSchema);
}

/**
 * True for one-line text that YAML 1.1 readers (still common in review tools and
 * scripts) would take for something else: `yes`, `2025-01-01`, `1:20`, `0o17`. The YAML
 * 1.2 cases are already quoted by the writer; these are quoted too so that the file means
 * the same thing to every reader.
 */
function misreadElsewhere(text: string): boolean {
  // Only these characters can form a YAML 1.1 boolean, null, number or timestamp (the one
  // form with spaces starts with a year); other text skips the costly parse.
  if (text.length > 64 || !(/^[\w.:+~-]+$/.test(text) || /^\d{4}-[\d\s:.tTzZ+-]+$/.test(text)))
    return false;
  const doc = parseDocument(text, { version: '1.1' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return true;
  const read = doc.contents;
  return !isScalar(read) || read.value !== text;
}
