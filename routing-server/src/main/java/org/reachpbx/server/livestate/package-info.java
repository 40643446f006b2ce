/**
 * Live state: what the server knows about phones and calls right now, as opposed to configuration
 * (directory) and history (CDRs). One interface per kind of state, each with an in-memory
 * implementation (the default: one instance, nothing but Java) and a Redis one (when
 * {@code pbx.cluster.redis-url} or, for Redis Sentinel, {@code pbx.cluster.redis-sentinel-nodes} is
 * set, docs/cluster.md) shared by every instance of a cluster:
 * <ul>
 *   <li>{@link org.reachpbx.server.livestate.RegistrationState}: registered contacts with expiry,</li>
 *   <li>{@link org.reachpbx.server.livestate.LoginState}: device logins (901),</li>
 *   <li>{@link org.reachpbx.server.livestate.CallCounters}: calls in progress per call-limit extension,
 *       per user (external calls and busy) and per channel, as leases that expire with the instance.</li>
 * </ul>
 * Hooks for later: parked calls and queue state belong here too, as further interfaces with the
 * same two implementations (in-memory, Redis through {@link org.reachpbx.server.livestate.RedisLink}
 * so that they share its degraded mode).
 */
package org.reachpbx.server.livestate;
