package org.reachpbx.rules.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reachpbx.rules.view.MediaExtensionView;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.rules.vocabulary.QueueAccess;
import org.reachpbx.rules.vocabulary.QueueStrategy;

class QueueViewTest {
    @Test
    void readsTheSettingsTheTenantViewBuilderWrites() {
        QueueView q = QueueView.from(new MediaExtensionView("400", "Klantenservice", ExtensionType.QUEUE, Map.ofEntries(
                Map.entry("emergency", "true"), Map.entry("callLimit", "2"), Map.entry("callLimitDestination", "300"),
                Map.entry("access", "CLOSED"), Map.entry("strategy", "LONGEST_IDLE"),
                Map.entry("members", "203,204,570"), Map.entry("ringTimeout", "15"), Map.entry("wrapUpTime", "30"),
                Map.entry("weight", "70"), Map.entry("positionAnnouncementInterval", "60"),
                Map.entry("infotainment", "a.wav,b.wav"), Map.entry("maxWaitTimeout", "120"),
                Map.entry("maxWaitDestination", "600"), Map.entry("startDate", "2026-01-01"))));
        assertThat(q.emergency()).isTrue();
        assertThat(q.callLimit()).isEqualTo(2);
        assertThat(q.callLimitDestination()).isEqualTo("300");
        assertThat(q.access()).isEqualTo(QueueAccess.CLOSED);
        assertThat(q.strategy()).isEqualTo(QueueStrategy.LONGEST_IDLE);
        assertThat(q.members()).containsExactly("203", "204", "570");
        assertThat(q.rank("204")).isEqualTo(2);
        assertThat(q.rank("999")).isZero();
        assertThat(q.ringTimeout()).isEqualTo(15);
        assertThat(q.wrapUpTime()).isEqualTo(30);
        assertThat(q.weight()).isEqualTo(70);
        assertThat(q.positionAnnouncementInterval()).isEqualTo(60);
        assertThat(q.infotainment()).containsExactly("a.wav", "b.wav");
        assertThat(q.maxWaitTimeout()).isEqualTo(120);
        assertThat(q.exitDestination()).isNull();
    }

    @Test
    void missingKeysTakeTheEntityDefaults() {
        QueueView q = QueueView.from(new MediaExtensionView("401", "Leeg", ExtensionType.QUEUE, Map.of()));
        assertThat(q.callLimit()).isEqualTo(10);
        assertThat(q.ringTimeout()).isEqualTo(20);
        assertThat(q.weight()).isEqualTo(50);
        assertThat(q.access()).isEqualTo(QueueAccess.OPEN);
        assertThat(q.strategy()).isEqualTo(QueueStrategy.FIXED_ORDER_FROM_TOP);
        assertThat(q.members()).isEmpty();
        assertThat(q.maxWaitTimeout()).isNull();
    }

    @Test
    void onlyQueues() {
        assertThatThrownBy(() -> QueueView.from(new MediaExtensionView("600", "VM", ExtensionType.VOICEMAIL, Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
