package dev.tentacle.manager.wizard.install;

import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.registry.HostEnvironment;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The proxy this machine's programs are told to use, as far as the Tentacle can follow it: the {@code HTTPS_PROXY}
 * (then {@code HTTP_PROXY}) environment variable, upper or lower case, as {@code http://[user[:password]@]host:port}.
 * The Tentacle stores a proxy as host and port, so "use the system's proxy" means copying today's setting into its
 * configuration; it does not follow later changes, nor PAC files or the Windows Internet Options.
 *
 * @param variable the variable the proxy came from
 * @param proxy the proxy it names, enabled
 */
public record SystemProxy(String variable, ProxyConfiguration proxy) {
    private static final List<String> VARIABLES = List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy");

    public SystemProxy {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(proxy, "proxy");
    }

    /**
     * The proxy named by the first of the variables that is set.
     *
     * @throws IllegalArgumentException saying which variable is malformed and how it should look
     */
    public static Optional<SystemProxy> detect(HostEnvironment environment) {
        for (String variable : VARIABLES) {
            Optional<String> value = environment.variable(variable);
            if (value.isPresent()) {
                return Optional.of(new SystemProxy(variable, parse(variable, value.get())));
            }
        }
        return Optional.empty();
    }

    /** The variables looked at, in order, for messages. */
    public static List<String> variables() {
        return VARIABLES;
    }

    static ProxyConfiguration parse(String variable, String value) {
        String text = value.strip();
        URI uri;
        try {
            uri = new URI(text.contains("://") ? text : "http://" + text);
        } catch (URISyntaxException e) {
            throw malformed(variable, value, e.getReason());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw malformed(variable, value, "the Tentacle speaks to proxies in plain HTTP (CONNECT); "
                    + uri.getScheme() + ":// proxies are not supported");
        }
        if (uri.getHost() == null) {
            throw malformed(variable, value, "it names no host");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : 80;
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        return new ProxyConfiguration(true, uri.getHost(), port, user, password);
    }

    private static IllegalArgumentException malformed(String variable, String value, String reason) {
        return new IllegalArgumentException("The system's proxy setting " + variable + "=" + value.strip()
                .replaceAll("//[^@/]*@", "//***@") + " cannot be used (" + reason + "). It should look like"
                + " http://proxy.example.com:3128; choose a custom proxy instead.");
    }
}
