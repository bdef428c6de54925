package dev.tentacle.tentacle.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.OperatingSystem;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemProxyTest {

    static HostEnvironment environment(Map<String, String> variables) {
        return new HostEnvironment(OperatingSystem.LINUX, variables, "tester", Path.of("/home/tester"));
    }

    @Test
    void noVariableMeansNoSystemProxy() {
        assertThat(SystemProxy.detect(environment(Map.of()))).isEmpty();
    }

    @Test
    void readsHostPortAndCredentialsPreferringHttpsProxy() {
        var proxy = SystemProxy.detect(environment(Map.of("https_proxy", "http://ops:p%40ss@proxy.example:3128/",
                "http_proxy", "http://other:8080")));

        assertThat(proxy).contains(new ProxyConfiguration(true, "proxy.example", 3128, "ops", "p@ss"));
    }

    @Test
    void aBareHostAndPortIsAnHttpProxy() {
        assertThat(SystemProxy.detect(environment(Map.of("HTTP_PROXY", "10.0.0.5:8080"))))
                .contains(ProxyConfiguration.of("10.0.0.5", 8080));
    }

    @Test
    void aSocksProxyIsRefusedNamingTheVariableWithoutThePassword() {
        assertThatThrownBy(() -> SystemProxy.detect(environment(Map.of("https_proxy", "socks5://u:secret@host:1080"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https_proxy", "only http://", "***@")
                .hasMessageNotContaining("secret");
    }
}
