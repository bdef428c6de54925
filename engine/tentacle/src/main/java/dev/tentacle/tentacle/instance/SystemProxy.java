package dev.tentacle.tentacle.instance;

import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.registry.HostEnvironment;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The proxy this machine's programs use, from the environment variables curl and most tools read
 * ({@code https_proxy}, then {@code HTTPS_PROXY}, {@code http_proxy}, {@code HTTP_PROXY}). A Tentacle stores proxies
 * explicitly, so "use the system proxy" means copying this one into its configuration.
 */
public final class SystemProxy {
    /** The variables looked at, in order. */
    public static final List<String> VARIABLES = List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY");

    private SystemProxy() {
    }

    /**
     * The proxy found, enabled, with its credentials when the URL has them.
     *
     * @return empty when none of {@link #VARIABLES} is set
     * @throws IllegalArgumentException naming the variable, when its value is not {@code [http://][user:password@]host:port}
     */
    public static Optional<ProxyConfiguration> detect(HostEnvironment environment) {
        for (String name : VARIABLES) {
            Optional<String> value = environment.variable(name);
            if (value.isPresent()) {
                return Optional.of(parse(name, value.get()));
            }
        }
        return Optional.empty();
    }

    static ProxyConfiguration parse(String variable, String value) {
        String text = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(variable, value, e.getReason());
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw invalid(variable, value, "only http:// proxies (HTTP CONNECT) are supported, not " + scheme + "://");
        }
        if (uri.getHost() == null) {
            throw invalid(variable, value, "it has no host name");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        return new ProxyConfiguration(true, uri.getHost(), port, user, password);
    }

    private static IllegalArgumentException invalid(String variable, String value, String reason) {
        String shown = value.replaceAll("//[^@/]*@", "//***@");
        return new IllegalArgumentException("The system proxy in " + variable + " ('" + shown + "') cannot be used: "
                + reason + ". Give the proxy's host and port yourself instead.");
    }
}
