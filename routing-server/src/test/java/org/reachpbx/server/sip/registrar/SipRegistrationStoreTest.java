package org.reachpbx.server.sip.registrar;

import org.reachpbx.server.sip.stack.SipProperties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.registrar.RegistrationStore.Binding;

/** Bindings expire, refresh in place and are removed one by one or all at once. */
class SipRegistrationStoreTest {

    final SipDigestAuthTest.MutableClock clock = new SipDigestAuthTest.MutableClock();
    final RegistrationStore store = new RegistrationStore(clock);

    Binding binding(String contact, int seconds) {
        return new Binding(1, "phone", contact, "cid", 1, clock.now.plusSeconds(seconds), "127.0.0.1");
    }

    @Test
    void bindingsExpire() {
        store.bind(binding("sip:a@127.0.0.1:5062", 60));
        store.bind(binding("sip:b@127.0.0.1:5064", 120));
        assertThat(store.bindingsOf(1, "phone")).hasSize(2);
        clock.now = clock.now.plus(Duration.ofSeconds(60));
        assertThat(store.bindingsOf(1, "phone")).extracting(Binding::contact).containsExactly("sip:b@127.0.0.1:5064");
        clock.now = clock.now.plus(Duration.ofSeconds(60));
        assertThat(store.bindingsOf(1, "phone")).isEmpty();
    }

    @Test
    void refreshReplacesAndUnbindRemoves() {
        store.bind(binding("sip:a@127.0.0.1:5062", 60));
        store.bind(binding("sip:a@127.0.0.1:5062", 600));
        assertThat(store.bindingsOf(1, "phone")).singleElement()
                .satisfies(b -> assertThat(b.expires()).isEqualTo(clock.now.plusSeconds(600)));
        store.unbind(1, "phone", "sip:a@127.0.0.1:5062");
        assertThat(store.bindingsOf(1, "phone")).isEmpty();
        store.bind(binding("sip:a@127.0.0.1:5062", 60));
        store.unbindAll(1, "phone");
        assertThat(store.bindingsOf(1, "phone")).isEmpty();
    }

    @Test
    void theSweeperDropsExpiredBindingsOnItsOwn() throws Exception {
        store.bind(binding("sip:a@127.0.0.1:5062", 60));
        SipProperties properties = new SipProperties();
        properties.setRegistrationSweep(Duration.ofMillis(100));
        RegistrationSweeper sweeper = new RegistrationSweeper(store, properties);
        long before = store.generation();
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        sweeper.start();
        try {
            for (int i = 0; i < 50 && store.generation() == before; i++) {
                Thread.sleep(50);
            }
        } finally {
            sweeper.stop();
        }
        assertThat(store.generation()).as("the expired binding was removed, not just hidden").isGreaterThan(before);
        assertThat(store.sweep()).as("nothing left to drop").isZero();
    }
}
