/**
 * `POST /api/pathways/:id/evaluate/batch`: NDJSON in, NDJSON out, streamed. Each input
 * line is one line of the patients-file format (an evaluation request with optional `id` and
 * `healthCentre`, plus `language`), evaluated through the evaluation service; each output line is `{ line, result }` or `{ line, error }`
 * and is written as soon as it is done. The request is read only as fast as the answer is
 * consumed, so memory stays flat however many lines come in. Blank lines are skipped. The
 * batch computes in slices of `batchSliceMs` and gives the event loop a turn between them, so
 * small requests are answered while a large batch runs; its answers stay the same, in order.
 * Up to {@link BATCH_WINDOW} lines are in flight at once (answered in line order), so their
 * audit records are written together (group commit) rather than one round trip per line.
 */
import { Readable } from 'node:stream';
import { errorResponse, HttpError } from '../errors';
import { readLines, type InputLine } from '../../node/lines';
import { requirePathway } from '../repo';
import {
  batchInputLineSchema,
  batchLineSchema,
  evaluateQuerySchema,
  idParamsSchema,
} from '../schemas';
import { parseInput } from '../fast-body';
import { defineRoute, errorResponses } from '../route';
import { timeSlicer } from '../time-slice';
import type { Language } from '../../model/types';
import { checkNesting } from '../../model/nesting';
import { parseJsonText } from '../../model/input-text';

/** Content types the batch route reads as NDJSON. */
export const BATCH_CONTENT_TYPES = [
  'application/x-ndjson',
  'application/jsonl',
  'application/json',
  'text/plain',
];

/**
 * Lines evaluated ahead of the one being written. Each waits for its audit record; with
 * PostgreSQL that is a round trip and a commit, so one line at a time would leave the batch
 * waiting on the database. Bounded, so memory stays flat.
 */
export const BATCH_WINDOW = 64;

function isByteStream(value: unknown): value is AsyncIterable<Buffer | string> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

export const batchRoute = defineRoute({
  method: 'post',
  path: '/api/pathways/:id/evaluate/batch',
  summary: 'Evaluate many patients: NDJSON in (one line per patient), NDJSON out, streamed',
  description:
    'Each input line has the line format of every patients file (an EvaluateRequest with optional `id` and `healthCentre`; what `pathway synth` writes). Each answer line is `{ line, result }` or `{ line, error }`; a bad line does not stop the batch. Each line is limited to the JSON body limit; the batch itself is not.',
  params: idParamsSchema,
  query: evaluateQuerySchema,
  body: {
    schema: batchInputLineSchema,
    name: 'BatchInputLine',
    contentType: 'application/x-ndjson',
    stream: BATCH_CONTENT_TYPES,
  },
  responses: {
    200: {
      description: 'one line per input line',
      name: 'BatchLine',
      schema: batchLineSchema,
      contentType: 'application/x-ndjson',
    },
    ...errorResponses(400, 404, 415),
  },
  async handler({ params: { id }, query, request, reply, deps }) {
    await requirePathway(deps.ctx, id);
    const source = request.body;
    if (!isByteStream(source)) throw new HttpError('BAD_REQUEST', 'expected an NDJSON body');
    const hide = (text: string): string => text.split(deps.ctx.pathwaysDir).join('pathways');
    const trace = query.trace !== 'false';
    const language: Language | undefined = query.lang;

    const pause = timeSlicer(deps.batchSliceMs);

    /** The answer line of one input line ('' for a blank line); never rejects. */
    async function answer(input: { line: number; text: string }): Promise<string> {
      if (input.text.trim() === '') return '';
      try {
        // The batch entry: a line written as JSON.stringify writes, read straight into a
        // batch row; anything else (undefined) takes the per-line route below.
        const direct = await deps.ctx.service.serveLine(id, input.text, {
          channel: 'batch',
          language,
          trace,
        });
        if (direct !== undefined)
          return `${JSON.stringify({ line: input.line, result: direct.result })}
`;
        let parsed: unknown;
        try {
          parsed = parseJsonText(input.text, { line: input.line });
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error; // a refused key, already typed
          throw new HttpError(
            'INVALID_JSON',
            `line ${input.line} is not JSON: ${(error as Error).message}`,
          );
        }
        checkNesting(parsed, `line ${input.line}`, input.line);
        const line = parseInput(batchInputLineSchema, parsed, `line ${input.line}`);
        const { id: _patient, healthCentre: _centre, language: own, ...body } = line;
        const served = await deps.ctx.service.serve(id, body, {
          channel: 'batch',
          language: own ?? language,
          trace,
        });
        return `${JSON.stringify({ line: input.line, result: served.result })}\n`;
      } catch (error) {
        const { status, body } = errorResponse(error, hide);
        if (status >= 500) request.log.error({ err: error, line: input.line }, 'batch line failed');
        return `${JSON.stringify({ line: input.line, error: body.error })}\n`;
      }
    }

    /** One line's answer, and whether it is ready to be written. */
    interface Pending {
      answer: Promise<string>;
      ready: boolean;
    }
    const start = (answerText: Promise<string>): Pending => {
      const pending: Pending = { answer: answerText, ready: false };
      void answerText.then(() => (pending.ready = true));
      return pending;
    };

    async function* answers(): AsyncGenerator<string> {
      const lines = readLines(source as AsyncIterable<Buffer | string>, deps.bodyLimit);
      // Answers of the lines in flight, oldest first, written in line order as soon as the
      // oldest is ready — never held back waiting for the window to fill, so a client that
      // sends a line and waits for its answer gets it.
      const inFlight: Pending[] = [];
      let next: Promise<IteratorResult<InputLine>> | undefined = lines.next();
      // Observed here so that a failing source is not an unhandled rejection while the batch
      // waits for an answer; awaiting `next` below still throws its error.
      next.catch(() => {});
      try {
        for (;;) {
          while (inFlight[0]?.ready === true) {
            const text = await (inFlight.shift() as Pending).answer;
            if (text !== '') yield text;
          }
          const oldest = inFlight[0];
          if (next === undefined || inFlight.length >= BATCH_WINDOW) {
            if (oldest === undefined) return;
            await oldest.answer;
            continue;
          }
          const event = await Promise.race([
            next,
            ...(oldest === undefined ? [] : [oldest.answer.then(() => undefined)]),
          ]);
          if (event === undefined) continue; // the oldest answer is ready
          next = undefined;
          if (event.done === true) continue;
          const input = event.value;
          // When the input is already buffered, nothing here waits on I/O: without this pause
          // the whole batch would run before any other request is read.
          await pause();
          if ('tooLong' in input) {
            const message = `line ${input.line} is ${input.bytes} bytes, over the limit of ${deps.bodyLimit}`;
            inFlight.push(
              start(
                Promise.resolve(
                  `${JSON.stringify({ line: input.line, error: { code: 'PAYLOAD_TOO_LARGE', message, issues: [{ code: 'PAYLOAD_TOO_LARGE', message }] } })}\n`,
                ),
              ),
            );
          } else inFlight.push(start(answer(input)));
          next = lines.next();
          next.catch(() => {});
        }
      } finally {
        // A client that went away: stop reading (not awaited: a read may be pending).
        lines.return(undefined).catch(() => {});
      }
    }

    const stream = Readable.from(answers(), { objectMode: false });
    // A client that goes away stops the batch: the generator is closed with the stream.
    request.raw.once('close', () => {
      if (!request.raw.complete) stream.destroy();
    });
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(stream);
  },
});
