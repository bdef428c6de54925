package dev.tentacle.comms.internal.preamble;

import java.nio.charset.StandardCharsets;

/** The two complete HTTP/1.1 responses a comms port ever sends; each is followed by closing the connection. */
final class HttpResponses {
    private HttpResponses() {
    }

    /** 200 with the welcome page; for a HEAD request the same headers without the body. */
    static byte[] welcome(WelcomePage page, boolean includeBody) {
        byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
        return response("200 OK", "text/html; charset=utf-8", body, includeBody);
    }

    /** 400 for a plain-text request on the TLS port, explaining in the body what to use instead. */
    static byte[] plainHttpToTlsPort(String httpsUrl) {
        String text = "This port is a Tentacle / Octopus Server communications endpoint and speaks only TLS, not "
                + "plain HTTP.\r\nUse " + httpsUrl + " instead.\r\n";
        return response("400 Bad Request", "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), true);
    }

    private static byte[] response(String status, String contentType, byte[] body, boolean includeBody) {
        String head = "HTTP/1.1 " + status + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        if (!includeBody) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
