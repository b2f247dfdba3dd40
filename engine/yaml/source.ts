/**
 * Reading YAML text into plain data while keeping where each node came from, so that a
 * schema problem can be reported at its line and column. Only the plain subset of YAML a
 * reviewer can read unaided is accepted: no anchors or aliases (a value must be written
 * where it applies), no duplicate keys (the second would silently win), no explicit tags.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { refuseForbiddenKeys, stripBom } from '../model/input-text';
import { errorFromIssues, type ErrorIssue } from '../errors';
import type { PathSegment } from '../model/path';

/** A 1-based position in the text. */
export interface Position {
  line: number;
  column: number;
}

/** Parsed YAML: the plain value and a way back from a path to its place in the text. */
export interface YamlSource {
  value: unknown;
  /**
   * Where the node at `path` is, or its nearest existing ancestor when the path runs past
   * what the file has (a missing key). With `key`, the position of the last key itself.
   */
  locate: (path: readonly PathSegment[], options?: { key?: boolean }) => Position;
  /** The text of the scalar at `path` as written (`1.0` where the value is the number 1). */
  sourceText: (path: readonly PathSegment[]) => string | undefined;
}

/**
 * Parses YAML text. Syntax errors, anchors, aliases, explicit tags and duplicate keys
 * throw a `YAML_SYNTAX` PathwayError listing every such problem with its position.
 */
export function readYamlSource(input: string, file?: string): YamlSource {
  // One rule for every reader (engine/model/input-text): a leading BOM is dropped.
  const text = stripBom(input);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    // Duplicates are found below, to name the key and where it first appeared.
    uniqueKeys: false,
    version: '1.2',
  });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: ErrorIssue[] = [];
  const report = (offset: number, message: string): void => {
    problems.push({
      code: 'YAML_SYNTAX',
      message,
      ...(file === undefined ? {} : { file }),
      ...at(offset),
    });
  };
  for (const error of [...doc.errors, ...doc.warnings])
    report(error.pos[0], syntaxMessage(error.code, error.message));
  if (doc.errors.length === 0) checkPlainSubset(text, doc, report, at);
  if (problems.length > 0) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    throw errorFromIssues(problems);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 0 });
  refuseForbiddenKeys(value, { code: 'SCHEMA', ...(file === undefined ? {} : { file }) });
  return {
    value,
    locate: (path, options) => at(locateOffset(doc, path, options?.key === true)),
    sourceText: (path) => {
      const node = doc.getIn(path, true);
      return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
    },
  };
}

function syntaxMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS')
    return "the file holds more than one YAML document (a second '---'); it must hold exactly one";
  return message.replace(/\s*at line \d+, column \d+.*$/s, '');
}

function checkPlainSubset(
  text: string,
  doc: Document,
  report: (offset: number, message: string) => void,
  at: (offset: number) => Position,
): void {
  // Node ranges start after any anchor or tag, so look back for the token as written.
  const checkNode = (node: YamlNode): void => {
    const offset = node.range?.[0] ?? 0;
    if (node.anchor !== undefined) {
      const start = Math.max(0, text.lastIndexOf(`&${node.anchor}`, offset));
      report(start, `anchors (&${node.anchor}) are not allowed: write the value out in full`);
    }
    if (node.tag !== undefined) {
      const before = text.slice(Math.max(0, offset - 200), offset);
      const token = /!\S*(?=\s*$)/.exec(before);
      const written = token?.[0] ?? node.tag;
      const start = token === null ? offset : offset - before.length + token.index;
      report(start, `explicit YAML tags (${written}) are not allowed: quote text instead`);
    }
  };
  visit(doc, {
    Alias(_key, node) {
      report(
        node.range?.[0] ?? 0,
        `aliases (*${node.source}) are not allowed: write the value out in full`,
      );
    },
    Scalar(_key, node) {
      checkNode(node);
    },
    Seq(_key, node) {
      checkNode(node);
    },
    Map(_key, map) {
      checkNode(map);
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const offset = keyOffset(pair);
        if (!isScalar(pair.key)) {
          report(offset, 'a key must be plain text, not a list or mapping');
          continue;
        }
        const name = String(pair.key.value);
        const first = seen.get(name);
        if (first === undefined) seen.set(name, offset);
        else report(offset, `duplicate key '${name}' (first given at line ${at(first).line})`);
      }
    },
  });
}

function keyOffset(pair: Pair): number {
  const key: unknown = pair.key;
  return isScalar(key) || isMap(key) || isSeq(key) ? (key.range?.[0] ?? 0) : 0;
}

/** Offset of the node at `path`, or of the deepest ancestor that exists. */
function locateOffset(doc: Document, path: readonly PathSegment[], wantKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = startOf(node);
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (pair === undefined) return offset;
      if (last && wantKey) return keyOffset(pair);
      // A key with no value (`to:`) has no value node: point at the key instead.
      node = pair.value;
      offset = pair.value === null ? keyOffset(pair) : startOf(node, keyOffset(pair));
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) return offset;
      offset = startOf(node, offset);
    } else return offset;
  }
  return offset;
}

function startOf(node: unknown, fallback = 0): number {
  if (isScalar(node) || isMap(node) || isSeq(node) || isAlias(node))
    return node.range?.[0] ?? fallback;
  return fallback;
}
