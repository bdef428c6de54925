package dev.tentacle.desktop.fx;

/** Long work a ViewModel runs off the UI thread. */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress) throws Exception;
}
