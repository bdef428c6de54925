package dev.tentacle.comms.internal.rpc;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The services one side hosts, by wire name. */
public final class ServiceRegistry {
    public record Target(ServiceContract contract, Object implementation, Method method) {
    }

    private final Map<String, Registered> services = new ConcurrentHashMap<>();

    private record Registered(ServiceContract contract, Object implementation) {
    }

    public <T> void register(Class<T> type, T implementation) {
        if (!type.isInstance(implementation)) {
            throw new IllegalArgumentException(implementation + " does not implement " + type.getName());
        }
        ServiceContract contract = ServiceContract.of(type);
        Registered previous = services.putIfAbsent(contract.name(), new Registered(contract, implementation));
        if (previous != null) {
            throw new IllegalArgumentException("A service named " + contract.name() + " is already registered.");
        }
    }

    public boolean isEmpty() {
        return services.isEmpty();
    }

    public Target resolve(String service, String method) {
        Registered registered = services.get(service);
        if (registered == null) {
            throw new CommsException(ErrorCode.SERVICE_NOT_FOUND, "This endpoint does not host a service named '" + service
                    + "'. It hosts: " + new TreeSet<>(services.keySet()) + ". The peer may be a different version.");
        }
        Method m = registered.contract().method(method).orElseThrow(() -> new CommsException(ErrorCode.METHOD_NOT_FOUND,
                "Service " + service + " has no method '" + method + "'. The peer may be a different version."));
        return new Target(registered.contract(), registered.implementation(), m);
    }
}
