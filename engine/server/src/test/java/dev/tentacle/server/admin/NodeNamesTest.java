package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.server.node.NodeSettings;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "web01.example.com | web01.example.com",
        "My Laptop (2) | My-Laptop--2-",
        "-leading.dots | leading.dots",
        "'' | octopus-server",
        "ÄÖÜ | octopus-server",
        "naïve | na-ve"
    })
    void makesAnyHostNameANodeName(String host, String expected) {
        assertThat(NodeNames.fit(host)).isEqualTo(expected);
        NodeSettings.defaults(NodeNames.fit(host), new InetSocketAddress(0));
    }

    @Test
    void aCommandsNodeIsNamedForTheHostAndProcessWithinTheLimit() {
        String name = NodeNames.forCommand(4242);

        assertThat(name).endsWith("-cli-4242").hasSizeLessThanOrEqualTo(NodeNames.LONGEST);
        NodeSettings.defaults(name, new InetSocketAddress(0));
        assertThat(NodeNames.fit("x".repeat(300))).hasSize(NodeNames.LONGEST);
    }
}
