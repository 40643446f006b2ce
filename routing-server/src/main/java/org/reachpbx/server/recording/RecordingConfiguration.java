package org.reachpbx.server.recording;

import java.time.Clock;
import org.reachpbx.directory.recording.CallRecordingRepository;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.server.sip.b2bua.B2bua;
import org.reachpbx.server.sip.b2bua.CallRecordings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Call recording (REC-01/02): the store, the recorder in the B2BUA (with SIP on) and the daily purge. */
@Configuration
@EnableConfigurationProperties(RecordingProperties.class)
public class RecordingConfiguration {

    @Bean
    public RecordingStore recordingStore(CallRecordingRepository rows, RecordingProperties properties, Clock clock) {
        return new RecordingStore(rows, properties, clock);
    }

    @Bean
    public RecordingAccess recordingAccess(RecordingStore store) {
        return new RecordingAccess(store);
    }

    /** Attaches the recorder to the B2BUA when the SIP server runs. */
    @Bean
    public CallRecordings callRecordings(ObjectProvider<B2bua> b2bua, RecordingStore store, TenantRepository tenants,
                                         PlatformTransactionManager transactions, TenantViewCache views) {
        B2bua b = b2bua.getIfAvailable();
        if (b == null) {
            return CallRecordings.NONE; // no SIP server: nothing to record
        }
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        RecordingRights rights = new RecordingRights(tenants, readOnly);
        views.onRefreshed(rights::forget);
        CallRecorder recorder = new CallRecorder(rights, store, b::background);
        b.attach(recorder);
        return recorder;
    }

    /** REC-02, hourly: recordings older than the retention go, file and row. */
    @Bean
    public RecordingPurge recordingPurge(RecordingStore store) {
        return new RecordingPurge(store);
    }

    public static class RecordingPurge {
        private final RecordingStore store;

        RecordingPurge(RecordingStore store) {
            this.store = store;
        }

        @Scheduled(fixedDelayString = "${pbx.recordings.purge-interval:PT1H}", initialDelayString = "PT1M")
        public void purge() {
            store.purge();
        }
    }
}
