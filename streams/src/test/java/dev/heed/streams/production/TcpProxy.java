package dev.heed.streams.production;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy the test controls, standing between Heed and the broker: {@link #partition()} stops
 * every byte both ways (connections stay open and silent, as when a network drops packets, so
 * clients find out only by their own timeouts), and {@link #heal()} drops the silenced connections
 * and lets new ones through again.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile boolean cut;
    private volatile boolean closed;

    /**
     * @param port where to listen (on loopback)
     * @param target the broker's port on loopback
     */
    TcpProxy(int port, int target) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        Thread accept = new Thread(this::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** From now on nothing passes, either way, on old connections or new. */
    void partition() {
        cut = true;
    }

    /** Closes the connections that were silenced and lets traffic through again. */
    void heal() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
        synchronized (gate) {
            cut = false;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread t = new Thread(() -> connect(client), "proxy-connect");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        try {
            awaitOpen();
            Socket upstream = new Socket();
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target));
            open.add(upstream);
            pipe(client, upstream);
            pipe(upstream, client);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t =
                new Thread(
                        () -> {
                            byte[] buf = new byte[64 * 1024];
                            try (InputStream in = from.getInputStream();
                                    OutputStream out = to.getOutputStream()) {
                                for (int n; (n = in.read(buf)) >= 0; ) {
                                    awaitOpen(); // a cut holds the bytes: they never arrive
                                    if (from.isClosed()) {
                                        return;
                                    }
                                    out.write(buf, 0, n);
                                    out.flush();
                                }
                            } catch (IOException | InterruptedException e) {
                                // the connection ended
                            } finally {
                                closeQuietly(from);
                                closeQuietly(to);
                            }
                        },
                        "proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private void awaitOpen() throws InterruptedException {
        synchronized (gate) {
            while (cut && !closed) {
                gate.wait(200);
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        heal();
    }
}
