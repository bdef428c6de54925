/**
 * Client-side retries of comms calls on network failure: {@link dev.tentacle.comms.retry.RetryPolicy} says when and
 * for how long, {@link dev.tentacle.comms.retry.Backoff} how long to wait between attempts, and
 * {@link dev.tentacle.comms.retry.RetryingCaller} wraps a call. Only calls that are safe to repeat are retried.
 * {@link dev.tentacle.comms.retry.RetryLoop} is the loop behind it, parameterised by what counts as retryable, so
 * other retries (such as the server's wait for its database) share the same deadline and backoff rules.
 */
package dev.tentacle.comms.retry;
