package org.reachpbx.server.calls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Call detail records ({@code pbx.cdr.*}, docs/operations.md): how long they are kept and how many
 * may wait to be written before new ones are dropped (and counted).
 */
@ConfigurationProperties("pbx.cdr")
public class CdrProperties {

    /** Records of calls that ended longer ago are purged once a day; 0 keeps them for ever. */
    private int retentionDays = 400;
    /** Records waiting for the database; beyond this a record is dropped and counted. */
    private int queueCapacity = 20_000;

    public int getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(int retentionDays) {
        if (retentionDays < 0) {
            throw new IllegalArgumentException("pbx.cdr.retention-days must be 0 (keep for ever) or more");
        }
        this.retentionDays = retentionDays;
    }

    public int getQueueCapacity() {
        return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("pbx.cdr.queue-capacity must be at least 1");
        }
        this.queueCapacity = queueCapacity;
    }
}
