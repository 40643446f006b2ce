package org.reachpbx.server.calls;

import java.time.Clock;
import org.reachpbx.directory.calls.CallDetailRecordRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/** Call detail records (issue 17): the writer the B2BUA hands them to, and their retention. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(CdrProperties.class)
public class CdrConfiguration {

    @Bean
    public CdrWriter cdrWriter(CallDetailRecordRepository records, PlatformTransactionManager transactions,
                               CdrProperties properties) {
        return new CdrWriter(records, transactions, properties.getQueueCapacity());
    }

    @Bean
    public CdrRetention cdrRetention(CallDetailRecordRepository records, CdrProperties properties, Clock clock) {
        return new CdrRetention(records, properties, clock);
    }
}
