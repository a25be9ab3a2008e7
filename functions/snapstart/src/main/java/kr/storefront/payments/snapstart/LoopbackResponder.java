package kr.storefront.payments.snapstart;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The far end of priming's requests: an HTTP/1.1 server on 127.0.0.1, inside this process, that
 * answers every request with {@code 200 {}}. Priming sends through the real HTTP clients (the AWS
 * SDK's Apache client, the i'mport client's java.net.http one) so that their code, not only ours, is
 * warm in the SnapStart snapshot. Closing it closes every connection it accepted, so none is left
 * open for the snapshot to carry.
 *
 * <p>Each answer goes out in one write with Nagle off: a kept-alive client would otherwise wait out
 * a delayed ACK (40 ms) on every exchange. Request bodies are read by {@code Content-Length} or
 * chunked encoding, which is all the clients send.
 */
final class LoopbackResponder implements AutoCloseable {

    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LINE = 16 * 1024;

    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong answered = new AtomicLong();

    private LoopbackResponder(ServerSocket server) {
        this.server = server;
    }

    static LoopbackResponder start() throws IOException {
        LoopbackResponder responder = new LoopbackResponder(new ServerSocket(0, 16, InetAddress.getLoopbackAddress()));
        daemon("priming-loopback-accept", responder::acceptLoop).start();
        return responder;
    }

    /** {@code http://127.0.0.1:<port>} */
    URI baseUrl() {
        return URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
    }

    boolean listening() {
        return !server.isClosed();
    }

    long requestsAnswered() {
        return answered.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket of our own: nothing to do about it
        }
        for (Socket connection : connections) {
            closeQuietly(connection);
        }
        connections.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.add(connection);
                daemon("priming-loopback", () -> serve(connection)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            while (readRequest(in)) {
                answered.incrementAndGet(); // before the answer, which the client may act on at once
                out.write(ANSWER);
                out.flush();
            }
        } catch (IOException e) {
            // the client or close() ended the connection
        } finally {
            connections.remove(connection);
        }
    }

    /** Reads one request, head and body; false at the end of the stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null) {
            return false;
        }
        long contentLength = 0;
        boolean chunked = false;
        for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            }
        }
        if (chunked) {
            skipChunkedBody(in);
        } else {
            in.skipNBytes(contentLength);
        }
        return true;
    }

    private static void skipChunkedBody(InputStream in) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("chunked body cut short");
            }
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                    // trailers are ignored
                }
                return;
            }
            in.skipNBytes(size);
            readLine(in); // the CRLF after the chunk
        }
    }

    /** One CRLF-terminated line without its terminator; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("header line too long");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
