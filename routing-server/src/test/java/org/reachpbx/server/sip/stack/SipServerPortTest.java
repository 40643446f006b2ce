package org.reachpbx.server.sip.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** A taken SIP port stops the start with a message that says which port and how to change it. */
class SipServerPortTest {

    @Test
    void aTakenPortFailsClearly() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            SipProperties properties = new SipProperties();
            properties.setHost("127.0.0.1");
            properties.setPort(taken.getLocalPort());
            SipServer server = new SipServer(properties, null, null, null);
            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort() + " is in use")
                    .hasMessageContaining("--pbx.sip.port");
        }
    }
}
