import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { errorCode, service } from './helpers';

interface Line {
  line: number;
  result?: { step: { id: string }; pathway: { version: string } };
  error?: { code: string; issues: { path?: string }[] };
}

const parseLines = (text: string): Line[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);

describe('POST /api/pathways/:id/evaluate/batch', () => {
  it('answers one NDJSON line per patient, with an error line for each bad line, and goes on', async () => {
    const svc = await service();
    try {
      const input = [
        JSON.stringify({ facts: { painMonths: 8, flags: [] } }),
        '{"facts": ',
        '',
        JSON.stringify({ facts: { painMonths: 'x' } }),
        JSON.stringify({ fact: {} }),
        JSON.stringify({ facts: { painMonths: 1, flags: [] }, version: '1.0.0' }),
        JSON.stringify({ facts: {}, version: '7.0.0' }),
      ].join('\n');
      const response = await svc.app.inject({
        method: 'POST',
        url: '/api/pathways/mini/evaluate/batch?trace=false',
        headers: { 'content-type': 'application/x-ndjson' },
        payload: input,
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('application/x-ndjson');
      const lines = parseLines(response.body);
      expect(lines.map((l) => [l.line, l.result?.step.id ?? l.error?.code])).toEqual([
        [1, 'treat'],
        [2, 'INVALID_JSON'],
        [4, 'FACT_TYPE'],
        [5, 'BAD_REQUEST'],
        [6, 'done'],
        [7, 'UNKNOWN_VERSION'],
      ]);
      expect(lines[2]?.error?.issues[0]?.path).toBe('facts.painMonths');
      expect(lines[3]?.error?.issues.map((i) => i.path)).toContain('fact');
      expect(lines[4]?.result?.pathway.version).toBe('1.0.0');
    } finally {
      await svc.app.close();
    }
  });

  it('reports a line over the size limit as an error line and reads on', async () => {
    const svc = await service({ bodyLimit: 200 });
    try {
      const long = JSON.stringify({ facts: { flags: Array.from({ length: 100 }, () => 'a') } });
      const response = await svc.app.inject({
        method: 'POST',
        url: '/api/pathways/mini/evaluate/batch',
        headers: { 'content-type': 'application/x-ndjson' },
        payload: `${long}\n${JSON.stringify({ facts: { painMonths: 8, flags: [] } })}\n`,
      });
      const lines = parseLines(response.body);
      expect(lines.map((l) => l.error?.code ?? l.result?.step.id)).toEqual([
        'PAYLOAD_TOO_LARGE',
        'treat',
      ]);
    } finally {
      await svc.app.close();
    }
  });

  it('answers 404 before streaming for an unknown pathway', async () => {
    const svc = await service();
    try {
      const { status, body } = await svc.call({
        method: 'POST',
        url: '/api/pathways/other/evaluate/batch',
        headers: { 'content-type': 'application/x-ndjson' },
        payload: '{"facts":{}}\n',
      });
      expect([status, errorCode(body)]).toEqual([404, 'UNKNOWN_PATHWAY']);
    } finally {
      await svc.app.close();
    }
  });

  it('streams a 20 000-line batch: answers come back while the request is still being sent', async () => {
    const svc = await service();
    try {
      await svc.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = svc.app.server.address() as AddressInfo;
      const total = 20_000;
      const head = 200;
      const line = (n: number): string =>
        `${JSON.stringify({ facts: { painMonths: n % 12, score: n % 100, flags: [] } })}\n`;
      let firstAnswer = (): void => undefined;
      const answered = new Promise<void>((resolve) => {
        firstAnswer = resolve;
      });
      const result = new Promise<{ count: number; ordered: boolean; right: boolean }>(
        (resolve, reject) => {
          const request = httpRequest(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: '/api/pathways/mini/evaluate/batch?trace=false',
              headers: { 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked' },
            },
            (response) => {
              let rest = '';
              let count = 0;
              let ordered = true;
              let right = true;
              response.setEncoding('utf8');
              response.on('data', (chunk: string) => {
                firstAnswer();
                rest += chunk;
                const parts = rest.split('\n');
                rest = parts.pop() ?? '';
                for (const part of parts) {
                  const answer = JSON.parse(part) as Line;
                  count += 1;
                  if (answer.line !== count) ordered = false;
                  const months = (answer.line - 1) % 12;
                  if (answer.result?.step.id !== (months >= 3 ? 'treat' : 'done')) right = false;
                }
              });
              response.on('end', () => resolve({ count, ordered, right }));
              response.on('error', reject);
            },
          );
          request.on('error', reject);
          void (async () => {
            for (let n = 0; n < head; n++) request.write(line(n));
            // The rest is only sent once answers have arrived: a server that buffered the whole
            // request before answering would never get it, and the test would time out.
            await answered;
            for (let n = head; n < total; n++) {
              if (!request.write(line(n))) await new Promise((r) => request.once('drain', r));
            }
            request.end();
          })().catch(reject);
        },
      );
      const { count, ordered, right } = await result;
      expect(count).toBe(total);
      expect(ordered).toBe(true);
      expect(right).toBe(true);
    } finally {
      await svc.app.close();
    }
  }, 60_000);
});

describe('graceful shutdown', () => {
  it('lets a batch in flight finish and record every line before the audit log closes', async () => {
    const svc = await service();
    await svc.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = svc.app.server.address() as AddressInfo;
    const line = `${JSON.stringify({ facts: { painMonths: 8, flags: [] } })}\n`;
    let answered = (): void => undefined;
    const first = new Promise<void>((resolve) => {
      answered = resolve;
    });
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/pathways/mini/evaluate/batch?trace=false',
      headers: { 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked' },
    });
    const body = new Promise<string>((resolve, reject) => {
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          answered();
        });
        response.on('end', () => resolve(text));
        response.on('error', reject);
      });
      request.on('error', reject);
    });
    request.write(line);
    await first;
    const closed = svc.app.close();
    // The service is closing; the request in flight still gets the rest of its lines.
    for (let i = 0; i < 50; i++) request.write(line);
    request.end();
    const lines = parseLines(await body);
    await closed;
    expect(lines).toHaveLength(51);
    expect(lines.every((l) => l.result?.step.id === 'treat')).toBe(true);
    const { openAuditLog } = await import('../../engine/audit/log');
    const log = await openAuditLog(join(svc.dataDir, 'audit.sqlite'));
    expect(await log.query({ limit: 1000 })).toHaveLength(51);
    await log.close();
  });
});
