/**
 * Client-side retries of comms calls on network failure: {@link dev.tentacle.comms.retry.RetryPolicy} says when and
 * for how long, {@link dev.tentacle.comms.retry.Backoff} how long to wait between attempts, and
 * {@link dev.tentacle.comms.retry.RetryingCaller} wraps a call. Only calls that are safe to repeat are retried.
 */
package dev.tentacle.comms.retry;
