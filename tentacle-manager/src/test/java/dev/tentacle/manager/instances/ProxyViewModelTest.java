package dev.tentacle.manager.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.config.ProxyConfiguration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyViewModelTest {
    static final ProxyViewModel.SystemProxyLookup NO_SYSTEM_PROXY =
            new ProxyViewModel.SystemProxyLookup(Optional.empty(), "none found");

    @Test
    void startsFromTheCurrentProxy() {
        var editor = new ProxyViewModel("Web01", new ProxyConfiguration(true, "proxy", 3128, "ops", "secret"),
                NO_SYSTEM_PROXY);

        assertThat(editor.modeProperty().get()).isEqualTo(ProxyViewModel.Mode.CUSTOM);
        assertThat(editor.hostProperty().get()).isEqualTo("proxy");
        assertThat(editor.portProperty().get()).isEqualTo("3128");
        assertThat(editor.usernameProperty().get()).isEqualTo("ops");
        assertThat(editor.passwordProperty().get()).isEmpty();
        assertThat(editor.passwordPrompt()).isEqualTo("(unchanged)");
        assertThat(editor.result()).isEqualTo(new ProxyConfiguration(true, "proxy", 3128, "ops", "secret"));
    }

    @Test
    void noProxyKeepsTheDisabledProxysHost() {
        var editor = new ProxyViewModel("Web01", ProxyConfiguration.of("proxy", 3128), NO_SYSTEM_PROXY);

        editor.modeProperty().set(ProxyViewModel.Mode.NONE);

        assertThat(editor.result()).isEqualTo(ProxyConfiguration.of("proxy", 3128).withEnabled(false));
        assertThat(editor.problemProperty().get()).isEmpty();
        assertThat(editor.equivalentCommands()).isEqualTo("tentacle proxy --instance Web01 --proxyEnable false"
                + System.lineSeparator() + "tentacle polling-proxy --instance Web01 --proxyEnable false");
    }

    @Test
    void aCustomProxyNeedsAHostAndAPortInRange() {
        var editor = new ProxyViewModel("Web01", ProxyConfiguration.disabled(), NO_SYSTEM_PROXY);
        assertThat(editor.modeProperty().get()).isEqualTo(ProxyViewModel.Mode.NONE);
        assertThat(editor.canSave().get()).isTrue();

        editor.modeProperty().set(ProxyViewModel.Mode.CUSTOM);
        assertThat(editor.problemProperty().get()).isEqualTo("Give the proxy's host name or IP address.");
        assertThat(editor.canSave().get()).isFalse();

        editor.hostProperty().set("proxy.example");
        editor.portProperty().set("70000");
        assertThat(editor.problemProperty().get()).contains("between 1 and 65535");

        editor.portProperty().set("8080");
        assertThat(editor.canSave().get()).isTrue();
        assertThat(editor.result()).isEqualTo(ProxyConfiguration.of("proxy.example", 8080));
    }

    @Test
    void theSystemChoiceNeedsASystemProxy() {
        var editor = new ProxyViewModel("Web01", ProxyConfiguration.disabled(), NO_SYSTEM_PROXY);

        editor.modeProperty().set(ProxyViewModel.Mode.SYSTEM);

        assertThat(editor.systemProxyAvailable()).isFalse();
        assertThat(editor.systemProxyText()).isEqualTo("Use this machine's proxy: none found");
        assertThatThrownBy(editor::result).hasMessageContaining("No proxy is set on this machine");
    }

    @Test
    void theCurrentProxyEqualToTheSystemOneIsTheSystemChoice() {
        var system = ProxyConfiguration.of("10.0.0.1", 3128);
        var editor = new ProxyViewModel("Web01", system,
                new ProxyViewModel.SystemProxyLookup(Optional.of(system), "https_proxy"));

        assertThat(editor.modeProperty().get()).isEqualTo(ProxyViewModel.Mode.SYSTEM);
        assertThat(editor.systemProxyText()).isEqualTo("Use this machine's proxy: http://10.0.0.1:3128 (from https_proxy)");
    }

    @Test
    void anotherUserNameNeedsItsOwnPasswordAndCommandsMaskIt() {
        var editor = new ProxyViewModel("Web 01", new ProxyConfiguration(true, "proxy", 3128, "ops", "secret"),
                NO_SYSTEM_PROXY);

        editor.usernameProperty().set("other");

        assertThat(editor.result()).isEqualTo(ProxyConfiguration.of("proxy", 3128).withCredentials("other", null));
        editor.passwordProperty().set("hunter2");
        assertThat(editor.equivalentCommands()).contains("--instance 'Web 01'", "--proxyUsername other",
                "--proxyPassword '********'").doesNotContain("hunter2");
    }
}
