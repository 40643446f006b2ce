package org.reachpbx.server.sip.media;

import java.util.List;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;

/**
 * The media tests on the tenant of {@code sip/h12-menus-tenant.yaml}: a phone per DTMF mode (CH-02),
 * a German-speaking user (CH-05), an IVR whose options show which keys counted, an AI service that
 * hands callers to a queue.
 */
abstract class MenusTenantSupport extends MediaTestSupport {

    protected static final String MENUS_DOMAIN = "h12-menus.test";

    protected long menusTenant;

    @BeforeEach
    protected void menusTenant() throws Exception {
        menusTenant = org.reachpbx.server.sip.TestTenants.ensure(store, views, "H12 Menus BV", "sip/h12-menus-tenant.yaml");
    }

    /** A registered phone on channel {@code h12<channel>}, offering {@code codecs} (with telephone-event or not). */
    protected TestPhone menusPhone(String channel, RtpTestPeer rtp, boolean telephoneEvent) throws Exception {
        TestPhone phone = new TestPhone("h12" + channel, MENUS_DOMAIN, "pw-h12" + channel + "-secret", server.port());
        closeAfterTest(phone);
        Response r = phone.register(300, "SHA-256");
        if (r == null || r.getStatusCode() != 200) {
            throw new AssertionError("h12" + channel + " could not register: " + r);
        }
        return phone.withMedia(rtp.sdpOffer(List.of("PCMA"), telephoneEvent));
    }

    /** How long the built-in prompt {@code name} sounds in {@code language}, in ms. */
    protected static long spoken(String language, String name) {
        byte[] alaw = new org.reachpbx.media.play.PromptLibrary().get(language, name).alaw();
        short[] pcm = new short[alaw.length];
        org.reachpbx.media.codec.G711.decode(org.reachpbx.media.codec.Codec.PCMA, alaw, 0, alaw.length, pcm, 0);
        return org.reachpbx.media.testing.AudioCheck.durationOfSound(pcm).toMillis();
    }
}
