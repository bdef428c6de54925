package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.config.ProxyConfiguration;

/**
 * A proxy as commands print it: the password is never shown, only whether there is one.
 *
 * @param port the proxy port, or null when none is set
 * @param password {@value #MASK} when a password is set, else null
 */
record ProxyView(boolean enabled, String host, Integer port, String username, String password) {
    static final String MASK = "********";

    static ProxyView of(ProxyConfiguration proxy) {
        return new ProxyView(proxy.enabled(), proxy.host(), proxy.port() == 0 ? null : proxy.port(), proxy.username(),
                proxy.password() == null ? null : MASK);
    }
}
