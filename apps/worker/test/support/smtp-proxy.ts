import { EventEmitter } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';

/** A message the upstream mail server answered 250 to (accepted). */
export interface AcceptedMessage {
  messageId: string | null;
}

/**
 * A tiny SMTP proxy for fault tests, in front of a real mail server (maildev):
 * - `down()` closes the listening socket (connection refused, like a stopped server) and cuts open connections;
 *   `up()` listens again on the same port;
 * - `holdNextAccept()`: the next message the upstream server accepts (250 after DATA) is stored there, but its 250
 *   is never passed to the client, which keeps waiting — the client is then killed "between send and record";
 * - `holdNextData()`: the next message body is not passed on after the server's 354, so the server never gets the
 *   final dot and discards it — the client is killed before the server accepted.
 * Emits 'accepted' for every accepted message and 'held' when it holds one.
 */
export class SmtpProxy extends EventEmitter {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private holdAccept = false;
  private holdData = false;
  port = 0;

  constructor(private readonly upstreamPort: number, private readonly upstreamHost = '127.0.0.1') {
    super();
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.handle(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : this.port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  holdNextAccept(): void {
    this.holdAccept = true;
  }

  holdNextData(): void {
    this.holdData = true;
  }

  private handle(client: Socket): void {
    const upstream = connect(this.upstreamPort, this.upstreamHost);
    this.sockets.add(client);
    this.sockets.add(upstream);
    let fromServer = '';
    let inData = false;
    let holding = false;
    let body = '';
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);

    client.on('data', (chunk: Buffer) => {
      if (holding) return;
      if (inData) {
        body += chunk.toString('latin1');
        if (this.holdData) {
          this.holdData = false;
          holding = true;
          this.emit('held', { messageId: messageIdOf(body) });
          return;
        }
      }
      upstream.write(chunk);
    });

    upstream.on('data', (chunk: Buffer) => {
      fromServer += chunk.toString('latin1');
      let out = '';
      let index: number;
      while ((index = fromServer.indexOf('\r\n')) >= 0) {
        const line = fromServer.slice(0, index + 2);
        fromServer = fromServer.slice(index + 2);
        if (line.startsWith('354')) {
          inData = true;
          body = '';
        } else if (inData && /^\d{3} /.test(line)) {
          inData = false;
          if (line.startsWith('250')) {
            const accepted: AcceptedMessage = { messageId: messageIdOf(body) };
            this.emit('accepted', accepted);
            if (this.holdAccept) {
              this.holdAccept = false;
              holding = true;
              this.emit('held', accepted);
              continue;
            }
          }
        }
        if (!holding) out += line;
      }
      if (out) client.write(Buffer.from(out, 'latin1'));
    });
  }
}

function messageIdOf(body: string): string | null {
  const match = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(body);
  return match ? match[1] : null;
}
