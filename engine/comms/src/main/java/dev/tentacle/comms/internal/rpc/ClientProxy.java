package dev.tentacle.comms.internal.rpc;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.internal.rpc.OutgoingCall;
import dev.tentacle.comms.retry.RetryingCaller;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The client side of a service interface: each method call becomes a request to the endpoint. A method returning
 * {@link CompletableFuture} is asynchronous and cancelling its future cancels the call on the wire; any other
 * method blocks, and interrupting the calling thread cancels the call. Idempotent methods are retried on network
 * failures according to the retry policy.
 */
public final class ClientProxy implements InvocationHandler {
    private final ServiceContract contract;
    private final ServiceEndpoint endpoint;
    private final RpcCodec codec;
    private final CallRouter router;
    private final RetryingCaller retrying;

    private ClientProxy(ServiceContract contract, ServiceEndpoint endpoint, RpcCodec codec, CallRouter router, RetryingCaller retrying) {
        this.contract = contract;
        this.endpoint = endpoint;
        this.codec = codec;
        this.router = router;
        this.retrying = retrying;
    }

    public static <T> T create(Class<T> type, ServiceEndpoint endpoint, RpcCodec codec, CallRouter router, RetryingCaller retrying) {
        ServiceContract contract = ServiceContract.of(type);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new ClientProxy(contract, endpoint, codec, router, retrying)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "toString" -> contract.name() + " at " + endpoint;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new IllegalStateException(method.getName());
            };
        }
        String description = contract.name() + "." + method.getName() + " on " + endpoint.uri();
        if (method.getReturnType() == CompletableFuture.class) {
            return send(description, method, args, futureValueType(method));
        }
        return retrying.call(description, ServiceContract.isIdempotent(method),
                () -> await(send(description, method, args, method.getGenericReturnType())));
    }

    private CompletableFuture<Object> send(String description, Method method, Object[] args, Type resultType) {
        RpcCodec.Encoded request = codec.encodeRequest(contract.name(), method.getName(), args);
        OutgoingCall call = OutgoingCall.of(description, request, resultType);
        router.route(endpoint, call);
        return call.result();
    }

    private static Object await(CompletableFuture<Object> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new CommsException(ErrorCode.CANCELLED, "The call was cancelled because the calling thread was interrupted.");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CommsException comms) {
                // A fresh exception, so the caller's stack trace shows where the call was made.
                throw new CommsException(comms.code(), comms.getMessage(), comms);
            }
            throw new CommsException(ErrorCode.CONNECTION_LOST, "The call failed: " + cause, cause);
        } catch (CancellationException e) {
            throw new CommsException(ErrorCode.CANCELLED, "The call was cancelled.");
        }
    }

    private static Type futureValueType(Method method) {
        Type generic = method.getGenericReturnType();
        if (generic instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[0];
        }
        return Object.class;
    }
}
