package dev.tentacle.comms.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import org.junit.jupiter.api.Test;

class ServiceRegistryTest {

    interface EchoService {
        String echo(String text);
    }

    interface ScriptService {
        String start(String script);
    }

    interface FileTransferService {
        long size(String path);
    }

    interface OverloadedService {
        void run();

        void run(String argument);
    }

    private final ServiceRegistry registry = new ServiceRegistry();
    private final EchoService echo = text -> text;

    @Test
    void isEmptyUntilAServiceIsRegistered() {
        assertThat(registry.isEmpty()).isTrue();

        registry.register(EchoService.class, echo);

        assertThat(registry.isEmpty()).isFalse();
    }

    @Test
    void resolvesAServiceAndMethodToTheImplementation() throws Exception {
        registry.register(EchoService.class, echo);

        ServiceRegistry.Target target = registry.resolve("EchoService", "echo");

        assertThat(target.implementation()).isSameAs(echo);
        assertThat(target.method()).isEqualTo(EchoService.class.getMethod("echo", String.class));
        assertThat(target.contract().type()).isEqualTo(EchoService.class);
        assertThat(target.method().invoke(target.implementation(), "hello")).isEqualTo("hello");
    }

    @Test
    void rejectsASecondServiceWithTheSameName() {
        registry.register(EchoService.class, echo);

        assertThatThrownBy(() -> registry.register(EchoService.class, text -> text + "!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A service named EchoService is already registered.");
        assertThat(registry.resolve("EchoService", "echo").implementation()).isSameAs(echo);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void rejectsAnImplementationOfTheWrongInterface() {
        Class raw = ScriptService.class;

        assertThatThrownBy(() -> registry.register(raw, echo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not implement " + ScriptService.class.getName());
        assertThat(registry.isEmpty()).isTrue();
    }

    @Test
    void rejectsAnInvalidContractAndRegistersNothing() {
        assertThatThrownBy(() -> registry.register(OverloadedService.class, new OverloadedService() {
            @Override
            public void run() {
            }

            @Override
            public void run(String argument) {
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overloads method 'run'");
        assertThat(registry.isEmpty()).isTrue();
    }

    @Test
    void anUnknownServiceIsServiceNotFoundListingTheHostedServicesSorted() {
        registry.register(ScriptService.class, script -> "ticket");
        registry.register(EchoService.class, echo);
        registry.register(FileTransferService.class, path -> 0L);

        assertThatThrownBy(() -> registry.resolve("CapabilitiesService", "list"))
                .isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_NOT_FOUND))
                .hasMessageContaining("does not host a service named 'CapabilitiesService'")
                .hasMessageContaining("It hosts: [EchoService, FileTransferService, ScriptService]")
                .hasMessageContaining("different version");
    }

    @Test
    void anEmptyRegistryAnswersServiceNotFoundWithAnEmptyList() {
        assertThatThrownBy(() -> registry.resolve("EchoService", "echo"))
                .isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_NOT_FOUND))
                .hasMessageContaining("It hosts: []");
    }

    @Test
    void serviceNamesAreCaseSensitive() {
        registry.register(EchoService.class, echo);

        assertThatThrownBy(() -> registry.resolve("echoservice", "echo"))
                .isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_NOT_FOUND));
    }

    @Test
    void anUnknownMethodIsMethodNotFoundNamingServiceAndMethod() {
        registry.register(EchoService.class, echo);

        assertThatThrownBy(() -> registry.resolve("EchoService", "shout"))
                .isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.METHOD_NOT_FOUND))
                .hasMessage("Service EchoService has no method 'shout'. The peer may be a different version.");
    }
}
