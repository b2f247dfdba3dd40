/**
 * The open loop's HTTP client (bench-http.ts): keep-alive connections over plain sockets,
 * each request written as bytes prepared before the run, each answer read only as far as its
 * status line and its end (`Content-Length`, or chunked for the streamed batch). The server
 * gets the same requests as from Node's `http` client (method, path, Host, Content-Type,
 * Content-Length, keep-alive, the same bodies); the client spends a fraction of the CPU and
 * allocates next to nothing per request.
 *
 * Why: the client shares the machine's two cores with the server it measures. Node's `http`
 * client cost about 0.19 ms of CPU per request (a fifth of a core at 1 000 requests/s) and
 * its garbage; a client that falls behind sends late, and the open loop rightly charges that
 * lateness to the latency, so the client's own cost showed in the service's p99 (one quiet
 * run's client sent up to 47 ms late).
 */
import { connect, type Socket } from 'node:net';

/** A request as bytes: the request line, headers and body. */
export function requestBytes(
  port: number,
  path: string,
  contentType: string,
  body: string,
): Buffer {
  const bytes = Buffer.from(body);
  const head =
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: ${contentType}\r\n` +
    `Content-Length: ${bytes.length}\r\nConnection: keep-alive\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}

/** The status of an answer, or undefined when the connection failed before it was whole. */
type Done = (status: number | undefined) => void;

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');

/** One keep-alive connection, one request at a time. */
class Connection {
  readonly socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private state: 'head' | 'body' | 'chunk-size' | 'chunk-data' | 'trailer' = 'head';
  private remaining = 0;
  private status = 0;
  private keepAlive = true;
  private done: Done | undefined;
  closed = false;

  constructor(
    port: number,
    private readonly free: (c: Connection) => void,
  ) {
    this.socket = connect({ port, host: '127.0.0.1', noDelay: true });
    this.socket.on('data', (data: Buffer) => this.read(data));
    this.socket.on('error', () => {});
    this.socket.on('close', () => {
      this.closed = true;
      this.finish(undefined);
    });
  }

  send(request: Buffer, done: Done): void {
    this.done = done;
    this.socket.write(request);
  }

  private finish(status: number | undefined): void {
    const done = this.done;
    this.done = undefined;
    this.state = 'head';
    if (status !== undefined && !this.keepAlive) this.socket.destroy();
    else if (status !== undefined) this.free(this);
    done?.(status);
  }

  private read(data: Buffer): void {
    this.buffer = this.buffer.length === 0 ? data : Buffer.concat([this.buffer, data]);
    for (;;) {
      const buffer = this.buffer;
      if (this.state === 'head') {
        const end = buffer.indexOf(HEAD_END);
        if (end < 0) return;
        const head = buffer.toString('latin1', 0, end).toLowerCase();
        this.status = Number(head.slice(9, 12));
        this.keepAlive = !/\r\nconnection: *close/.test(head);
        const length = /\r\ncontent-length: *(\d+)/.exec(head);
        this.buffer = buffer.subarray(end + 4);
        if (length !== null) {
          this.remaining = Number(length[1]);
          this.state = 'body';
        } else if (/\r\ntransfer-encoding: *chunked/.test(head)) this.state = 'chunk-size';
        else {
          this.remaining = 0;
          this.state = 'body';
        }
      } else if (this.state === 'body' || this.state === 'chunk-data') {
        if (buffer.length < this.remaining) {
          this.remaining -= buffer.length;
          this.buffer = Buffer.alloc(0);
          return;
        }
        this.buffer = buffer.subarray(this.remaining);
        if (this.state === 'body') this.finish(this.status);
        else this.state = 'chunk-size';
      } else if (this.state === 'chunk-size') {
        const end = buffer.indexOf(CRLF);
        if (end < 0) return;
        const size = parseInt(buffer.toString('latin1', 0, end), 16);
        this.buffer = buffer.subarray(end + 2);
        if (size === 0) this.state = 'trailer';
        else {
          this.remaining = size + 2; // the data and its CRLF
          this.state = 'chunk-data';
        }
      } else {
        const end = buffer.indexOf(CRLF);
        if (end < 0) return;
        this.buffer = buffer.subarray(end + 2);
        if (end === 0) this.finish(this.status); // an empty line ends the trailers
      }
    }
  }
}

/** Connections to one port, opened as needed (at most `maxSockets`, then requests queue). */
export class RawClient {
  private readonly idle: Connection[] = [];
  private readonly all = new Set<Connection>();
  private readonly queue: { request: Buffer; done: Done }[] = [];

  constructor(
    private readonly port: number,
    private readonly maxSockets = 512,
  ) {}

  /** Sends `request` and resolves with the answer's status (undefined: the connection failed). */
  send(request: Buffer): Promise<number | undefined> {
    return new Promise((done) => this.dispatch(request, done));
  }

  /** Closes every connection; requests in flight resolve as failed. */
  destroy(): void {
    for (const c of this.all) c.socket.destroy();
    for (const { done } of this.queue.splice(0)) done(undefined);
  }

  private dispatch(request: Buffer, done: Done): void {
    let c = this.idle.pop();
    while (c?.closed === true) c = this.idle.pop();
    if (c === undefined && this.all.size < this.maxSockets) {
      const opened: Connection = new Connection(this.port, (free) => this.release(free));
      opened.socket.once('close', () => {
        this.all.delete(opened);
        // A closed connection makes room: a waiting request gets a new one.
        const next = this.queue.shift();
        if (next !== undefined) this.dispatch(next.request, next.done);
      });
      this.all.add(opened);
      c = opened;
    }
    if (c === undefined) this.queue.push({ request, done });
    else c.send(request, done);
  }

  private release(c: Connection): void {
    const next = this.queue.shift();
    if (next === undefined) this.idle.push(c);
    else c.send(next.request, next.done);
  }
}
