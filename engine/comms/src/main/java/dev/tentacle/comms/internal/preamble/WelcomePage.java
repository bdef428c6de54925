package dev.tentacle.comms.internal.preamble;

import java.util.Objects;

/**
 * The page a browser gets from a comms port: proof that the endpoint is up and reachable, and what it is.
 * Self-contained: no scripts, images or style sheets from anywhere else.
 *
 * @param endpointDescription what this endpoint is, e.g. "Tentacle listening endpoint" or
 *     "Octopus Server polling endpoint"
 * @param productVersion the version of this software, shown at the bottom
 */
public record WelcomePage(String endpointDescription, String productVersion) {
    public WelcomePage {
        Objects.requireNonNull(endpointDescription, "endpointDescription");
        Objects.requireNonNull(productVersion, "productVersion");
        if (endpointDescription.isBlank()) {
            throw new IllegalArgumentException("The welcome page needs a description of the endpoint, such as "
                    + "'Tentacle listening endpoint'.");
        }
    }

    /** The page as HTML. */
    public String html() {
        String title = escape(endpointDescription);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s</title>
                <style>
                body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2933; background: #f5f7fa; margin: 0; }
                main { max-width: 40rem; margin: 4rem auto; padding: 2rem 2.5rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
                h1 { font-size: 1.5rem; margin-top: 0; }
                .ok { color: #0b7a3e; font-weight: 600; }
                footer { color: #616e7c; font-size: .85rem; margin-top: 2rem; }
                </style>
                </head>
                <body>
                <main>
                <h1>%1$s</h1>
                <p class="ok">This endpoint is working.</p>
                <p>You reached the %1$s. Tentacle and Octopus Server talk over this port using mutual TLS: each side \
                presents its certificate, and each trusts the other only by its certificate thumbprint.</p>
                <p>Seeing this page means the network path from this browser to the endpoint is open. If your browser \
                asked you to choose a certificate, you can cancel: none is needed to see this page.</p>
                <footer>Tentacle for the JVM %2$s</footer>
                </main>
                </body>
                </html>
                """.formatted(title, escape(productVersion));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
