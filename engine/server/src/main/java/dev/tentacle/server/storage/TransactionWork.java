package dev.tentacle.server.storage;

/** Work done in one transaction through the repositories it is given; what it returns is the transaction's result. */
@FunctionalInterface
public interface TransactionWork<T> {
    T run(Repositories transaction);
}
