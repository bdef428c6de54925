package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.internal.rpc.ServiceRegistry;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs a service method and turns whatever it throws into a {@link CommsException}: a code plus a message,
 * never a class name or a stack trace.
 */
final class ServiceInvoker {
    private ServiceInvoker() {
    }

    static Object invoke(ServiceRegistry.Target target, Object[] args) {
        String name = target.contract().name() + "." + target.method().getName();
        try {
            target.method().setAccessible(true);
            Object result = target.method().invoke(target.implementation(), args);
            if (result instanceof Future<?> future) {
                return future.get();
            }
            return result;
        } catch (InvocationTargetException e) {
            throw translate(name, e.getCause());
        } catch (ExecutionException | CompletionException e) {
            throw translate(name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommsException(ErrorCode.CANCELLED, name + " was cancelled.");
        } catch (IllegalAccessException e) {
            throw new CommsException(ErrorCode.SERVICE_FAILED, name + " could not be called on this side.");
        }
    }

    private static CommsException translate(String name, Throwable failure) {
        if (failure instanceof CommsException comms) {
            return comms;
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new CommsException(ErrorCode.CANCELLED, name + " was cancelled.");
        }
        if (failure instanceof IllegalArgumentException) {
            return new CommsException(ErrorCode.INVALID_ARGUMENT, messageOf(name, failure));
        }
        return new CommsException(ErrorCode.SERVICE_FAILED, messageOf(name, failure));
    }

    private static String messageOf(String name, Throwable failure) {
        String message = failure == null ? null : failure.getMessage();
        return message == null || message.isBlank() ? name + " failed without saying why." : message;
    }
}
