package dev.tentacle.tentacle.diagnostics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;

/** What a browser does with {@code https://localhost:10933/}: {@code GET /} over TLS, without a client certificate. */
final class WelcomePageProbe {
    private static final int MAX_ANSWER_BYTES = 256 * 1024;
    private static final Pattern TITLE = Pattern.compile("<title>([^<]{1,200})</title>", Pattern.CASE_INSENSITIVE);

    private WelcomePageProbe() {
    }

    /**
     * The answer.
     *
     * @param statusLine such as {@code HTTP/1.1 200 OK}
     * @param status the status code, or -1 when the answer is not HTTP
     * @param contentType the Content-Type header, or "" without one
     */
    record Answer(String statusLine, int status, String contentType, String body) {
        boolean isHtmlPage() {
            return status == 200 && contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
        }

        Optional<String> title() {
            Matcher matcher = TITLE.matcher(body);
            return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
        }
    }

    static Answer get(SSLSocket socket, String authority) throws IOException {
        String request = "GET / HTTP/1.1\r\nHost: " + authority + "\r\nUser-Agent: tentacle-diagnostics\r\n"
                + "Accept: text/html\r\nConnection: close\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String answer = readAll(socket.getInputStream());
        int headEnd = answer.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? answer : answer.substring(0, headEnd);
        String body = headEnd < 0 ? "" : answer.substring(headEnd + 4);
        String statusLine = head.lines().findFirst().orElse("");
        String contentType = head.lines().skip(1)
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                .map(line -> line.substring("content-type:".length()).strip())
                .findFirst().orElse("");
        return new Answer(Printable.quote(statusLine), Printable.httpStatus(statusLine), contentType, body);
    }

    /** Everything up to the end of the stream (the endpoint closes after the page), or the first 256 KiB. */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while (all.size() < MAX_ANSWER_BYTES && (n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // A server that keeps the connection open despite "Connection: close": judge what did arrive.
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}
