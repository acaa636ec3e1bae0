package app.glow.inspector.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile HTTP/1.1 server on loopback, written with raw sockets so it can do what a polite
 * mock cannot: stream an endless body without holding it, trickle bytes, send one giant line.
 * Each connection answers one request with the handler for its number (the last handler repeats).
 * Every loop in a handler ends when the client closes the socket, or when the server closes.
 */
public final class RawServer implements AutoCloseable {
    /** Writes the whole answer, status line included. */
    @FunctionalInterface
    public interface Handler {
        void answer(String requestHead, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final List<Handler> handlers;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean closed;

    public RawServer(Handler... handlers) throws IOException {
        this.handlers = List.of(handlers);
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::acceptLoop, "raw-server-accept");
        t.setDaemon(true);
        t.start();
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    public int requestCount() {
        return requests.get();
    }

    public boolean isClosed() {
        return closed;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                open.add(s);
                int n = requests.getAndIncrement();
                Handler h = handlers.get(Math.min(n, handlers.size() - 1));
                Thread t = new Thread(() -> serve(s, h), "raw-server-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s, Handler h) {
        try (s) {
            String head = readHead(s.getInputStream());
            OutputStream out = s.getOutputStream();
            h.answer(head, out);
            out.flush();
        } catch (IOException | InterruptedException clientWentAway) {
            // the client closed the connection: the usual end of a hostile answer
        } finally {
            open.remove(s);
        }
    }

    /** The request line and headers; the body (by Content-Length) is read and dropped. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request ended");
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                long n = Long.parseLong(line.substring(15).trim());
                in.readNBytes((int) n);
            }
        }
        return text;
    }

    /** Writes {@code text} as ISO-8859-1 bytes. */
    public static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** One chunk of a chunked body. */
    public static void chunk(OutputStream out, byte[] data) throws IOException {
        write(out, Integer.toHexString(data.length) + "\r\n");
        out.write(data);
        write(out, "\r\n");
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // test teardown: nothing to recover
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // test teardown: nothing to recover
            }
        }
    }
}
