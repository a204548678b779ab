// The baseline: a bare `ws` server that broadcasts one pre-built payload to every socket and
// reads the acks the clients send back (JSON.parse, a set), nothing else; a client that says
// hello is answered `ready` at once (no token checked), for the reconnect storm's baseline.
import { WebSocketServer, type WebSocket } from 'ws';
import { nowMs, serve } from './ipc';

const clients = new Set<WebSocket>();
const acked = new Set<string>();
let wss: WebSocketServer | null = null;

serve(
  {
    listen: async () => {
      wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
      wss.on('connection', (socket) => {
        clients.add(socket);
        socket.on('message', (raw: Buffer) => {
          const message = JSON.parse(raw.toString('utf8')) as { id?: string; type?: string };
          if (message.type === 'hello') socket.send('{"type":"ready","seq":0}');
          else if (message.id) acked.add(message.id);
        });
        socket.on('close', () => clients.delete(socket));
      });
      await new Promise((resolve) => wss!.once('listening', resolve));
      const address = wss.address();
      return typeof address === 'object' && address ? `ws://127.0.0.1:${address.port}` : '';
    },
    /** Sends the payload to every socket; returns when the loop started and how long it took. */
    broadcast: (message) => {
      const data = Buffer.from(message.payload as string);
      const start = nowMs();
      for (const socket of clients) socket.send(data, { binary: false });
      return { start, sendMs: nowMs() - start, sockets: clients.size };
    },
    clients: () => clients.size,
    memory: () => {
      globalThis.gc?.();
      return process.memoryUsage();
    },
  },
  async () => {
    for (const socket of clients) socket.terminate();
    await new Promise((resolve) => (wss ? wss.close(resolve) : resolve(undefined)));
  },
);
