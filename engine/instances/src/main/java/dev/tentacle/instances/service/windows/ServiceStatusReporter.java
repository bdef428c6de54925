package dev.tentacle.instances.service.windows;

/** Tells the service control manager the service's status: {@code SetServiceStatus} on Windows, a list in tests. */
@FunctionalInterface
public interface ServiceStatusReporter {
    void report(ServiceStatusReport status);
}
