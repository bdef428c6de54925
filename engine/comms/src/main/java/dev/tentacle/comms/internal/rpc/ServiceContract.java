package dev.tentacle.comms.internal.rpc;

import dev.tentacle.comms.Idempotent;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wire view of a service interface: its name and its methods by name. A service is a Java interface whose
 * methods take and return records (or other Jackson-mappable values, and {@link dev.tentacle.comms.DataStream});
 * method names are not overloaded, so a name identifies a method on the wire.
 */
public record ServiceContract(String name, Class<?> type, Map<String, Method> methods) {

    public ServiceContract {
        methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    }

    public static ServiceContract of(Class<?> type) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface; services are Java interfaces.");
        }
        Map<String, Method> byName = new LinkedHashMap<>();
        Arrays.stream(type.getMethods())
                .filter(m -> !m.isDefault() && !Modifier.isStatic(m.getModifiers()))
                .sorted(java.util.Comparator.comparing(Method::getName))
                .forEach(m -> {
                    Method previous = byName.put(m.getName(), m);
                    if (previous != null) {
                        throw new IllegalArgumentException("Service " + type.getSimpleName() + " overloads method '" + m.getName()
                                + "'; give each method a distinct name, since the name identifies it on the wire.");
                    }
                });
        return new ServiceContract(type.getSimpleName(), type, byName);
    }

    public Optional<Method> method(String methodName) {
        return Optional.ofNullable(methods.get(methodName));
    }

    public static boolean isIdempotent(Method method) {
        return method.isAnnotationPresent(Idempotent.class);
    }
}
