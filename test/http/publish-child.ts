/**
 * A second service instance for the cross-process publish test: builds the app over the
 * given folders, waits until the agreed instant, publishes one draft and prints the answer.
 * Usage: tsx publish-child.ts <pathwaysDir> <dataDir> <version> <from> <startAtMs>
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildApp } from '../../engine/http/app';
import { contentHash } from '../../engine/model/hash';

const [root = '', dataDir = '', version = '', from = '', startAt = '0'] = process.argv.slice(2);
const app = await buildApp({
  pathwaysDir: root,
  auditFile: ':memory:',
  editorDir: join(dataDir, 'no-editor'),
  today: () => '2026-11-23',
});
const baseHash = contentHash(await readFile(join(root, 'mini', `${version}.yaml`), 'utf8'));
const wait = Number(startAt) - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
const response = await app.inject({
  method: 'POST',
  url: `/api/pathways/mini/versions/${version}/publish`,
  payload: { baseHash, effective: { from } },
});
process.stdout.write(
  JSON.stringify({ status: response.statusCode, body: response.json() as unknown }),
);
await app.close();
