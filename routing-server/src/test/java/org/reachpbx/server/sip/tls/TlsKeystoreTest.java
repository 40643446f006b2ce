package org.reachpbx.server.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reachpbx.server.sip.stack.SipProperties;

/** The SIP TLS keystore: made once for the demo and kept, a configured one checked at start. */
class TlsKeystoreTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    SipProperties.Tls generatedAt(Path file) {
        SipProperties.Tls tls = new SipProperties.Tls();
        tls.setEnabled(true);
        tls.setGeneratedKeystore(file.toString());
        return tls;
    }

    @Test
    void withoutAKeystoreASelfSignedOneIsMadeOnceAndKept() throws Exception {
        Path file = dir.resolve("data/sip-tls.p12");
        TlsKeystore.Location first = TlsKeystore.resolve(generatedAt(file), List.of("pbx.example.net", "192.0.2.10"), CLOCK);
        assertThat(first.path()).isEqualTo(file);
        X509Certificate certificate = certificate(first);
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=pbx.example.net");
        assertThat(certificate.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList())
                .contains("pbx.example.net", "192.0.2.10", "localhost", "127.0.0.1");
        assertThat(certificate.getNotAfter().toInstant()).isAfter(CLOCK.instant().plusSeconds(365L * 86400));
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2); // owner read and write only
        byte[] made = Files.readAllBytes(file);

        TlsKeystore.resolve(generatedAt(file), List.of("other.example.net"), CLOCK);
        assertThat(Files.readAllBytes(file)).as("a restart keeps the certificate phones trust").isEqualTo(made);
    }

    @Test
    void aConfiguredKeystoreThatCannotBeOpenedStopsTheStartNamingTheSetting() throws Exception {
        SipProperties.Tls tls = new SipProperties.Tls();
        tls.setKeystore(dir.resolve("missing.p12").toString());
        tls.setKeystorePassword("secret");
        assertThatThrownBy(() -> TlsKeystore.resolve(tls, List.of("pbx"), CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pbx.sip.tls.keystore").hasMessageContaining("missing.p12");

        Path made = dir.resolve("made.p12");
        TlsKeystore.resolve(generatedAt(made), List.of("pbx"), CLOCK);
        tls.setKeystore(made.toString());
        tls.setKeystorePassword("wrong");
        assertThatThrownBy(() -> TlsKeystore.resolve(tls, List.of("pbx"), CLOCK))
                .hasMessageContaining("pbx.sip.tls.keystore-password");

        tls.setKeystorePassword(TlsKeystore.GENERATED_PASSWORD);
        assertThat(TlsKeystore.resolve(tls, List.of("pbx"), CLOCK).path()).isEqualTo(made);
    }

    private static X509Certificate certificate(TlsKeystore.Location location) throws Exception {
        KeyStore ks = KeyStore.getInstance(location.type());
        try (InputStream in = Files.newInputStream(location.path())) {
            ks.load(in, location.password().toCharArray());
        }
        return (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
    }
}
