package dev.tentacle.server.storage;

/** Work done in one transaction through the repositories it is given, with no result. */
@FunctionalInterface
public interface TransactionAction {
    void run(Repositories transaction);
}
