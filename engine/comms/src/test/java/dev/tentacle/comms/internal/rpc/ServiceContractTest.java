package dev.tentacle.comms.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.Idempotent;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class ServiceContractTest {

    interface HealthService {
        @Idempotent
        String status(String component);

        void restart(String component, int delaySeconds);

        default String statusOfAll() {
            return status("*");
        }

        static HealthService unavailable() {
            return null;
        }
    }

    interface OverloadedService {
        String upload(String name);

        String upload(String name, byte[] content);
    }

    interface BaseService {
        @Idempotent
        long version();
    }

    interface ExtendedService extends BaseService {
        String describe();
    }

    interface EmptyService {
    }

    static final class NotAnInterface {
        public String status() {
            return "ok";
        }
    }

    abstract static class AbstractService {
        public abstract String status();
    }

    @Test
    void isNamedAfterTheInterfacesSimpleName() {
        ServiceContract contract = ServiceContract.of(HealthService.class);

        assertThat(contract.name()).isEqualTo("HealthService");
        assertThat(contract.type()).isEqualTo(HealthService.class);
    }

    @Test
    void listsTheAbstractMethodsByName() throws Exception {
        ServiceContract contract = ServiceContract.of(HealthService.class);

        assertThat(contract.methods()).containsOnlyKeys("restart", "status");
        assertThat(contract.method("status")).contains(HealthService.class.getMethod("status", String.class));
        assertThat(contract.method("restart")).contains(HealthService.class.getMethod("restart", String.class, int.class));
    }

    @Test
    void ignoresDefaultMethods() {
        assertThat(ServiceContract.of(HealthService.class).method("statusOfAll")).isEmpty();
    }

    @Test
    void ignoresStaticMethods() {
        assertThat(ServiceContract.of(HealthService.class).method("unavailable")).isEmpty();
    }

    @Test
    void includesMethodsInheritedFromAParentInterface() {
        assertThat(ServiceContract.of(ExtendedService.class).methods()).containsOnlyKeys("describe", "version");
    }

    @Test
    void anUnknownMethodNameFindsNothing() {
        assertThat(ServiceContract.of(HealthService.class).method("reboot")).isEmpty();
    }

    @Test
    void anInterfaceWithoutMethodsHasAnEmptyContract() {
        assertThat(ServiceContract.of(EmptyService.class).methods()).isEmpty();
    }

    @Test
    void rejectsAClass() {
        assertThatThrownBy(() -> ServiceContract.of(NotAnInterface.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(NotAnInterface.class.getName() + " is not an interface; services are Java interfaces.");
    }

    @Test
    void rejectsAnAbstractClass() {
        assertThatThrownBy(() -> ServiceContract.of(AbstractService.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an interface");
    }

    @Test
    void rejectsOverloadedMethodNamesNamingTheMethod() {
        assertThatThrownBy(() -> ServiceContract.of(OverloadedService.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Service OverloadedService overloads method 'upload'")
                .hasMessageContaining("distinct name");
    }

    @Test
    void itsMethodsCannotBeChanged() throws Exception {
        ServiceContract contract = ServiceContract.of(HealthService.class);
        Method other = BaseService.class.getMethod("version");

        assertThatThrownBy(() -> contract.methods().put("version", other)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMethodMarkedIdempotentIsIdempotent() throws Exception {
        assertThat(ServiceContract.isIdempotent(HealthService.class.getMethod("status", String.class))).isTrue();
        assertThat(ServiceContract.isIdempotent(BaseService.class.getMethod("version"))).isTrue();
    }

    @Test
    void anUnmarkedMethodIsNotIdempotent() throws Exception {
        assertThat(ServiceContract.isIdempotent(HealthService.class.getMethod("restart", String.class, int.class))).isFalse();
        assertThat(ServiceContract.isIdempotent(ExtendedService.class.getMethod("describe"))).isFalse();
    }
}
