package org.reachpbx.server.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.reachpbx.directory.calls.CallDetailRecordRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** The daily purge of call detail records older than {@code pbx.cdr.retention-days}. */
public class CdrRetention {

    private static final Logger log = LoggerFactory.getLogger(CdrRetention.class);

    private final CallDetailRecordRepository records;
    private final CdrProperties properties;
    private final Clock clock;

    public CdrRetention(CallDetailRecordRepository records, CdrProperties properties, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every night at 03:17 server time; how many records were removed. */
    @Scheduled(cron = "${pbx.cdr.purge-cron:0 17 3 * * *}")
    public int purge() {
        if (properties.getRetentionDays() == 0) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(properties.getRetentionDays()));
        int removed = records.deleteEndedBefore(cutoff);
        if (removed > 0) {
            log.info("Purged {} call records of calls that ended before {}", removed, cutoff);
        }
        return removed;
    }
}
