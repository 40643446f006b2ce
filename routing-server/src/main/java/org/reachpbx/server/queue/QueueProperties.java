package org.reachpbx.server.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Queue statistics ({@code pbx.queue.*}): the service level and how long call events are kept. */
@ConfigurationProperties("pbx.queue")
public class QueueProperties {

    /** Calls answered within this many seconds count as answered within the service level. */
    private int serviceLevelSeconds = 20;
    /** Queue call events older than this are purged once a day; 0 keeps them for ever. */
    private int statisticsRetentionDays = 400;

    public int getServiceLevelSeconds() {
        return serviceLevelSeconds;
    }

    public void setServiceLevelSeconds(int serviceLevelSeconds) {
        if (serviceLevelSeconds < 1) {
            throw new IllegalArgumentException("pbx.queue.service-level-seconds must be at least 1");
        }
        this.serviceLevelSeconds = serviceLevelSeconds;
    }

    public int getStatisticsRetentionDays() {
        return statisticsRetentionDays;
    }

    public void setStatisticsRetentionDays(int statisticsRetentionDays) {
        if (statisticsRetentionDays < 0) {
            throw new IllegalArgumentException("pbx.queue.statistics-retention-days must be 0 (keep for ever) or more");
        }
        this.statisticsRetentionDays = statisticsRetentionDays;
    }
}
