package dev.tentacle.testing.net;

import java.nio.charset.StandardCharsets;

/** The one shape of HTTP response the test servers send: a status, some header fields, a body, then close. */
final class HttpResponses {
    private HttpResponses() {}

    /**
     * @param statusLine such as {@code HTTP/1.1 200 OK}
     * @param headerFields zero or more {@code Name: value\r\n} lines, written before Content-Length and Connection
     */
    static byte[] closing(String statusLine, String headerFields, String body) {
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = (statusLine + "\r\n" + headerFields
                        + "Content-Length: " + bodyBytes.length + "\r\n"
                        + "Connection: close\r\n"
                        + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + bodyBytes.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bodyBytes, 0, all, head.length, bodyBytes.length);
        return all;
    }
}
