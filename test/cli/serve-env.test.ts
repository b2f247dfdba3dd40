/**
 * `pathway serve --help` lists every environment variable the service reads, from the one
 * table the settings reader uses: a variable the code reads but the help or docs/http.md
 * leave out fails here.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';
import { checkEnvironment } from '../../engine/cli/commands/serve';
import { settingsFromEnv } from '../../engine/http/server';
import { SERVICE_VARIABLES } from '../../engine/http/service-env';

const ROOT = resolve(__dirname, '../..');

async function serveHelp(): Promise<string> {
  const io = memoryIo(ROOT);
  expect(await main(['serve', '--help'], io)).toBe(0);
  return io.stdout.join('');
}

/** An environment that records every name read from it, with `values` set. */
function recordingEnv(values: Record<string, string> = {}): {
  env: NodeJS.ProcessEnv;
  read: Set<string>;
} {
  const read = new Set<string>();
  const env = new Proxy(values as NodeJS.ProcessEnv, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
  });
  return { env, read };
}

/** Names read as `env.NAME`, `env['NAME']` or `envValue(env, 'NAME')` in a source file. */
function namesReadIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(
    /\benv(?:\.([A-Z][A-Z0-9_]+)\b|\[\s*'([A-Z][A-Z0-9_]+)'\s*\]|Value\(\s*env\s*,\s*'([A-Z][A-Z0-9_]+)')/g,
  ))
    found.push(match[1] ?? match[2] ?? match[3] ?? '');
  return found;
}

async function sourcesOf(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('pathway serve --help and the environment', () => {
  it('lists every variable of the table with its default', async () => {
    const help = await serveHelp();
    for (const variable of SERVICE_VARIABLES) {
      expect(help).toMatch(
        new RegExp(
          `^  ${variable.name} +.*default ${variable.default.replace(/[.*+?()[\]]/g, '\\$&')}$`,
          'm',
        ),
      );
    }
  });

  it('lists every variable the settings reader reads, whichever values are set', async () => {
    const help = await serveHelp();
    const issuers = JSON.stringify([
      { iss: 'https://ehr.example', jwksUrl: 'https://ehr.example/jwks' },
    ]);
    for (const values of [
      {},
      {
        CDS_ISSUERS: issuers,
        CDS_AUDIENCE: 'https://cds.example/cds-services',
        PATHWAY_WRITE_TOKEN: 't',
        DATABASE_URL: 'postgres://u:p@127.0.0.1/db',
        AUDIT_RETENTION_DAYS: '30',
        EDITOR_DIR: 'x',
        BATCH_SLICE_MS: '2',
      },
      { CDS_AUTH: 'off' },
    ]) {
      const { env, read } = recordingEnv(values);
      checkEnvironment(env);
      settingsFromEnv(env, ROOT);
      expect(read.size).toBeGreaterThan(10);
      for (const name of read)
        expect(help, `${name} is read but not in the help`).toContain(`  ${name} `);
    }
  });

  it('lists every variable named in the sources of the service and the CLI', async () => {
    const help = await serveHelp();
    const files = [
      ...(await sourcesOf('engine/http')),
      ...(await sourcesOf('engine/cds')),
      ...(await sourcesOf('engine/audit')),
      ...(await sourcesOf('engine/node')),
      join(ROOT, 'engine/cli/main.ts'),
      join(ROOT, 'engine/cli/commands/serve.ts'),
    ];
    const named = new Set<string>();
    for (const file of files)
      for (const name of namesReadIn(await readFile(file, 'utf8'))) named.add(name);
    expect(named).toContain('HOST');
    expect(named).toContain('CDS_AUDIENCE');
    for (const name of named)
      expect(help, `${name} is read but not in the help`).toContain(`  ${name} `);
  });

  it('has every variable in the settings table of docs/http.md', async () => {
    const docs = await readFile(join(ROOT, 'docs/http.md'), 'utf8');
    for (const variable of SERVICE_VARIABLES) expect(docs).toContain(`| \`${variable.name}\` |`);
  });
});
