package org.reachpbx.server.sip.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.reachpbx.server.sip.stack.SipProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keystore the SIP server's TLS listener presents: the configured one (checked at start, so a
 * wrong path or password stops the server with a clear message instead of a silent TLS failure),
 * or, when none is configured, a self-signed one made once and kept at {@code generated-keystore}
 * so that phones which were told to trust it keep trusting it after a restart.
 */
public final class TlsKeystore {

    private static final Logger log = LoggerFactory.getLogger(TlsKeystore.class);
    /** The generated keystore's password. It protects nothing the file's permissions do not. */
    static final String GENERATED_PASSWORD = "reachpbx-demo";
    private static final String ALIAS = "sip";

    /** Where the keystore is and how to open it. */
    public record Location(Path path, String password, String type) {
    }

    private TlsKeystore() {
    }

    /**
     * The keystore to use: {@code pbx.sip.tls.keystore} when set, else the generated one (made now
     * if it does not exist yet) for these host names or addresses.
     */
    public static Location resolve(SipProperties.Tls tls, List<String> names, Clock clock) {
        if (tls.getKeystore() != null && !tls.getKeystore().isBlank()) {
            Location configured = new Location(Path.of(tls.getKeystore()), tls.getKeystorePassword(),
                    tls.getKeystoreType());
            check(configured, "pbx.sip.tls.keystore");
            return configured;
        }
        Location generated = new Location(Path.of(tls.getGeneratedKeystore()), GENERATED_PASSWORD, "PKCS12");
        if (Files.exists(generated.path())) {
            check(generated, "pbx.sip.tls.generated-keystore");
            return generated;
        }
        try {
            generate(generated, names, clock);
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("Cannot make a self-signed SIP TLS keystore at " + generated.path()
                    + ": " + e.getMessage() + ". Set pbx.sip.tls.keystore (PBX_SIP_TLS_KEYSTORE) or make "
                    + "pbx.sip.tls.generated-keystore writable.", e);
        }
        log.warn("SIP TLS: made a self-signed certificate for {} in {} (demo only: phones must be told to "
                + "trust it; configure pbx.sip.tls.keystore for production)", names, generated.path());
        return generated;
    }

    /** Opens the trust store once, or stops with a message naming the setting. */
    public static void checkTrust(Location location) {
        try (InputStream in = Files.newInputStream(location.path())) {
            KeyStore.getInstance(location.type()).load(in, location.password().toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the SIP TLS trust store " + location.path()
                    + " (pbx.sip.tls.truststore, type " + location.type() + "): " + e.getMessage()
                    + ". Check the path, pbx.sip.tls.truststore-password and pbx.sip.tls.truststore-type.", e);
        }
    }

    /** Opens the keystore once and finds a private key in it, or stops with a message naming the setting. */
    static void check(Location location, String setting) {
        try (InputStream in = Files.newInputStream(location.path())) {
            KeyStore ks = KeyStore.getInstance(location.type());
            ks.load(in, location.password().toCharArray());
            boolean hasKey = false;
            for (String alias : java.util.Collections.list(ks.aliases())) {
                hasKey |= ks.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new IllegalStateException("The SIP TLS keystore " + location.path() + " (" + setting
                        + ") holds no private key");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the SIP TLS keystore " + location.path() + " (" + setting
                    + ", type " + location.type() + "): " + e.getMessage() + ". Check the path, "
                    + "pbx.sip.tls.keystore-password and pbx.sip.tls.keystore-type.", e);
        }
    }

    /** A 2048-bit RSA key (old phones know no EC) with a certificate naming these hosts, valid two years. */
    static void generate(Location location, List<String> names, Clock clock)
            throws IOException, GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        Set<String> hosts = new LinkedHashSet<>(names);
        hosts.add("localhost");
        hosts.add("127.0.0.1");
        List<GeneralName> alternatives = new ArrayList<>();
        for (String host : hosts) {
            if (host == null || host.isBlank() || "0.0.0.0".equals(host) || "::".equals(host)) {
                continue;
            }
            boolean literal = host.matches("[0-9.]+") || host.contains(":");
            alternatives.add(new GeneralName(literal ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        String first = hosts.stream().filter(h -> h != null && !h.isBlank()).findFirst().orElse("localhost");
        X500Name subject = new X500Name("CN=" + first.replaceAll("[,=+<>#;\"\\\\]", "") + ",O=ReachPBX demo");
        Instant now = clock.instant();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(730))), subject,
                pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(alternatives.toArray(GeneralName[]::new)));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, pair.getPrivate(), location.password().toCharArray(),
                new java.security.cert.Certificate[] {certificate});
        Path dir = location.path().toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, "sip-tls", ".tmp");
        try {
            restrict(partial);
            try (OutputStream out = Files.newOutputStream(partial)) {
                ks.store(out, location.password().toCharArray());
            }
            Files.move(partial, location.path(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's permissions are what protects the key
        }
    }

    /** Host names the certificate should name: the advertised host and the listening address. */
    public static List<String> namesFor(String advertisedHost, String host) {
        List<String> names = new ArrayList<>();
        for (String n : new String[] {advertisedHost, host}) {
            if (n != null && !n.isBlank() && !names.contains(n)) {
                names.add(n);
            }
        }
        if (names.isEmpty() || names.stream().allMatch(n -> "0.0.0.0".equals(n) || "::".equals(n))) {
            try {
                names.add(0, InetAddress.getLocalHost().getHostName());
            } catch (IOException e) {
                names.add(0, "localhost");
            }
        }
        return names;
    }
}
