package dev.tentacle.server.admin;

import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.config.WebListenAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A change to an instance's listen addresses and storage, as {@code octopus-server configure} makes it; what is not
 * given stays as it is. Apply it with {@code instance.update(change::apply)}.
 *
 * @param webListen where the web interface and API listen, address and port
 * @param webPort the web port alone, keeping the address (not with {@code webListen})
 * @param commsListenPort the port polling Tentacles connect to
 * @param storage where the data is kept
 */
public record ServerConfigurationChange(Optional<WebListenAddress> webListen, OptionalInt webPort,
        OptionalInt commsListenPort, Optional<StorageChoice> storage) {

    public ServerConfigurationChange {
        if (webListen.isPresent() && webPort.isPresent()) {
            throw new IllegalArgumentException("Give either the web listen address or the web port, not both.");
        }
    }

    /** Changes nothing. */
    public static ServerConfigurationChange none() {
        return new ServerConfigurationChange(Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty());
    }

    public ServerConfigurationChange withWebListen(WebListenAddress value) {
        return new ServerConfigurationChange(Optional.of(value), webPort, commsListenPort, storage);
    }

    public ServerConfigurationChange withWebPort(int value) {
        return new ServerConfigurationChange(webListen, OptionalInt.of(value), commsListenPort, storage);
    }

    public ServerConfigurationChange withCommsListenPort(int value) {
        return new ServerConfigurationChange(webListen, webPort, OptionalInt.of(value), storage);
    }

    public ServerConfigurationChange withStorage(StorageChoice value) {
        return new ServerConfigurationChange(webListen, webPort, commsListenPort, Optional.of(value));
    }

    /** True when nothing would change. */
    public boolean isEmpty() {
        return webListen.isEmpty() && webPort.isEmpty() && commsListenPort.isEmpty() && storage.isEmpty();
    }

    /**
     * The configuration with this change.
     *
     * @throws IllegalArgumentException when the result is not valid, such as the same port for web and comms
     */
    public ServerConfiguration apply(ServerConfiguration configuration) {
        ServerConfiguration changed = configuration;
        if (webListen.isPresent()) {
            changed = changed.withWebListen(webListen.get());
        }
        if (webPort.isPresent()) {
            changed = changed.withWebListen(new WebListenAddress(changed.webListen().bindAddress(), webPort.getAsInt()));
        }
        if (commsListenPort.isPresent()) {
            changed = changed.withCommsListenPort(commsListenPort.getAsInt());
        }
        if (storage.isPresent()) {
            changed = changed.withStorageConnectionString(storage.get().connectionString());
        }
        return changed;
    }
}
