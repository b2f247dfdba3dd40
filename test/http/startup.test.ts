/**
 * What the service says at start: a service other machines can reach with nothing guarding
 * it (no write token, or CDS Hooks authentication off) logs a warning; CDS_AUTH=off always
 * logs one; a loopback service with its guards set says nothing of the kind.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ServerSettings } from '../../engine/http/server';
import { tempDir } from '../fixtures/files';
import { miniFolder } from './helpers';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** Starts the service on a free port and returns the warnings it logged. */
async function warningsAt(settings: Partial<ServerSettings>): Promise<string[]> {
  const dataDir = await tempDir();
  const warnings: string[] = [];
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    pathwaysDir: await miniFolder(),
    dataDir,
    editorDir: join(dataDir, 'no-editor'),
    cds: { auth: { mode: 'jwt', issuers: [], audience: '' } },
    logger: {
      level: 'warn',
      stream: {
        write(line: string) {
          const entry = JSON.parse(line) as { level: number; msg: string };
          if (entry.level === 40) warnings.push(entry.msg);
        },
      },
    },
    ...settings,
  });
  running.push(server);
  return warnings;
}

describe('start-up warnings', () => {
  it('warns when bound to a non-loopback host without PATHWAY_WRITE_TOKEN', async () => {
    const warnings = await warningsAt({ host: '0.0.0.0' });
    expect(warnings.join('\n')).toMatch(
      /listening on 0\.0\.0\.0, reachable from other machines, without PATHWAY_WRITE_TOKEN/,
    );
  });

  it('warns when bound to a non-loopback host with CDS_AUTH=off, even with a write token', async () => {
    const warnings = await warningsAt({
      host: '0.0.0.0',
      writeToken: 'secret',
      cds: { auth: { mode: 'off' } },
    });
    const text = warnings.join('\n');
    expect(text).toMatch(/reachable from other machines, with CDS Hooks authentication off/);
    expect(text).not.toMatch(/without PATHWAY_WRITE_TOKEN/);
    expect(text).toMatch(/CDS_AUTH=off: CDS Hooks calls are NOT authenticated/);
  });

  it('warns that CDS Hooks calls are not authenticated with CDS_AUTH=off on loopback too', async () => {
    const warnings = await warningsAt({ cds: { auth: { mode: 'off' } } });
    expect(warnings.join('\n')).toMatch(/CDS_AUTH=off: CDS Hooks calls are NOT authenticated/);
    expect(warnings.join('\n')).not.toMatch(/reachable from other machines/);
  });

  it('does not warn of other machines on loopback without a write token', async () => {
    const warnings = await warningsAt({
      cds: {
        auth: {
          mode: 'jwt',
          issuers: [{ iss: 'https://ehr.example', jwksUrl: 'https://ehr.example/jwks' }],
          audience: 'https://cds.example/cds-services',
        },
      },
    });
    expect(warnings).toEqual([]);
  });
});
