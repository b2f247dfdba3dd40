/**
 * Pathway version files parsed before, kept on disk by their content: parsing and validating
 * chronic-pain's four versions was about half a second of every cohort run's start-up (the
 * YAML parser and the schema), while the same bytes always give the same pathway. Node-only.
 *
 * Used only by the compiled copy of the CLI (bin/compiled.mjs), in a folder of its build:
 * `dist/cli/<build>/parsed/<yaml>-<zod>-<v8>/<sha-256 of the text>.v8`. A build is made for
 * one content of every engine source, so the parsing code cannot change under a stored
 * answer; the versions of the `yaml` and `zod` packages and of V8 (its serialisation) name
 * the folder, so a reinstall cannot either. Only a file that parsed is kept (an error is
 * worked out again, so its message and place are today's), written to a temporary name and
 * renamed; an entry that cannot be read or written is parsed as if there were none.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { contentHash } from '../model/hash';
import type { Pathway } from '../model/types';
import { parsePathway } from '../yaml/parse';

/** A version file's text parsed: the pathway and the text's content hash. */
export interface ParsedVersion {
  pathway: Pathway;
  /** `contentHash(text)`. */
  hash: string;
}

/**
 * Set only in the compiled copy (bin/compiled.mjs): its build's folder for parsed versions,
 * relative to this source file's folder. Undeclared when the sources run through tsx.
 */
declare const PATHWAY_COMPILED_PARSED: string | undefined;

/** The version of the installed package `name`, read from its package.json. */
function packageVersion(name: string): string {
  const entry = createRequire(import.meta.url).resolve(name);
  const marker = `${sep}node_modules${sep}${name}${sep}`;
  const root = entry.slice(0, entry.lastIndexOf(marker) + marker.length);
  const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  return String(json.version);
}

/** Parsed versions kept in one folder, by the SHA-256 of their text. */
export class ParsedVersions {
  /** @param dir the folder (made when the first entry is written) */
  constructor(readonly dir: string) {}

  /** The folder of the compiled copy's build; undefined when the sources run through tsx. */
  static ofCompiledCopy(): ParsedVersions | undefined {
    if (typeof PATHWAY_COMPILED_PARSED !== 'string') return undefined;
    try {
      const base = fileURLToPath(new URL(PATHWAY_COMPILED_PARSED, import.meta.url));
      const stamp = `${packageVersion('yaml')}-${packageVersion('zod')}-${process.versions.v8}`;
      return new ParsedVersions(join(base, stamp));
    } catch {
      return undefined;
    }
  }

  /**
   * `text` parsed by `parsePathway` (which throws for a broken file, naming `file`): the
   * stored answer for the same text when there is one, else parsed and stored.
   */
  parse(text: string, file: string): ParsedVersion {
    const entry = join(this.dir, `${createHash('sha256').update(text, 'utf8').digest('hex')}.v8`);
    const stored = this.read(entry);
    if (stored !== undefined) return stored;
    const parsed = { pathway: parsePathway(text, file), hash: contentHash(text) };
    this.write(entry, parsed);
    return parsed;
  }

  private read(entry: string): ParsedVersion | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(entry);
    } catch {
      return undefined;
    }
    try {
      const value = deserialize(bytes) as Partial<ParsedVersion> | null;
      if (typeof value?.hash === 'string' && typeof value.pathway === 'object')
        return value as ParsedVersion;
    } catch {
      // A damaged entry: parsed again below, and replaced.
    }
    return undefined;
  }

  private write(entry: string, parsed: ParsedVersion): void {
    const temporary = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      mkdirSync(dirname(entry), { recursive: true });
      writeFileSync(temporary, serialize(parsed));
      renameSync(temporary, entry);
    } catch {
      // A read-only checkout: the next run parses again.
    }
  }
}

/** The compiled copy's store, looked up once. */
let compiledStore: ParsedVersions | undefined | null = null;

/**
 * `text` parsed as a pathway version file: through the compiled copy's stored answers when
 * this is the compiled copy, else by `parsePathway` itself.
 */
export function parseVersionText(text: string, file: string): ParsedVersion {
  if (compiledStore === null) compiledStore = ParsedVersions.ofCompiledCopy();
  if (compiledStore !== undefined) return compiledStore.parse(text, file);
  return { pathway: parsePathway(text, file), hash: contentHash(text) };
}
