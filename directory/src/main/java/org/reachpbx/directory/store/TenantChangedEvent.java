package org.reachpbx.directory.store;

/**
 * Published by {@link TenantStore} whenever a tenant was created, replaced or deleted. Listeners
 * that keep derived state (the rules' tenant view) should react after the commit only, so they
 * never see a change that was rolled back.
 */
public record TenantChangedEvent(long tenantId) {
}
