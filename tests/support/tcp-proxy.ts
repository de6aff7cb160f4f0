// A TCP proxy in front of a server (the test database), that a test can take down and
// bring back on the same port: the app behind it sees the database become unreachable
// (open connections cut, new ones refused) and then come back. Or it can freeze the
// server's answers: statements still reach the database and commit, but the app never
// hears back, which is how a test puts a crash right after a commit.
import net from "node:net";

export type TcpProxy = {
  readonly port: number;
  /** Stops listening and destroys every open connection, both sides. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /**
   * From now on nothing the server sends reaches the client, on open connections and
   * new ones alike; the client's bytes still reach the server. There is no thaw: a
   * test freezes to crash the app behind the proxy.
   */
  freeze(): void;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  /** Server side -> client side of each open connection, for freeze(). */
  const answers = new Map<net.Socket, net.Socket>();
  let frozen = false;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };

  const createServer = () =>
    net.createServer((client) => {
      const upstream = net.connect(target);
      track(client);
      track(upstream);
      client.pipe(upstream);
      if (!frozen) {
        upstream.pipe(client);
        answers.set(upstream, client);
        upstream.once("close", () => answers.delete(upstream));
      }
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });

  const listen = (server: net.Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : port);
      });
    });

  let server: net.Server | null = createServer();
  const port = await listen(server, 0);

  const stop = async () => {
    const current = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  return {
    port,
    stop,
    start: async () => {
      if (server) return;
      server = createServer();
      await listen(server, port);
    },
    freeze: () => {
      frozen = true;
      // Paused, not read and dropped: what the server sent stays unread in the socket.
      for (const [upstream, client] of answers) {
        upstream.unpipe(client);
        upstream.pause();
      }
      answers.clear();
    },
    close: stop,
  };
}

/** A proxy in front of the database at `databaseUrl`, and the same URL through it. */
export async function proxyDatabase(
  databaseUrl: string,
): Promise<{ proxy: TcpProxy; url: string }> {
  const target = new URL(databaseUrl);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const proxied = new URL(databaseUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  return { proxy, url: proxied.toString() };
}
