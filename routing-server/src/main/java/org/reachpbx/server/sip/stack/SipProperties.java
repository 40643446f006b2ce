package org.reachpbx.server.sip.stack;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the SIP server ({@code pbx.sip.*}, see docs/sip.md). */
@ConfigurationProperties("pbx.sip")
public class SipProperties {
    /** Whether the SIP stack starts with the application. */
    private boolean enabled = true;
    /** Address to listen on (UDP and TCP). */
    private String host = "0.0.0.0";
    /** Port to listen on (UDP and TCP); 0 picks a free port (tests). */
    private int port = 5060;
    /** Address written into Via/Contact headers when {@code host} is a wildcard address. */
    private String advertisedHost = "";
    /** How long a digest nonce may be used before the client is challenged again with stale=true. */
    private Duration nonceLifetime = Duration.ofMinutes(5);
    /**
     * The digest challenges offered, in this order (one WWW-Authenticate each, RFC 8760); either is
     * accepted. MD5 first by default: clients that read only the first challenge (SIPp 3.6, some
     * older phones) know only MD5; clients that know SHA-256 find it in the second.
     */
    private java.util.List<String> digestAlgorithms = new java.util.ArrayList<>(java.util.List.of("MD5", "SHA-256"));
    /**
     * Clients (a word of their User-Agent, case-insensitive) that fail on any challenge list with a
     * non-MD5 entry, and so are challenged with MD5 alone: baresip 1.0 (libre answers ENOSYS).
     */
    private java.util.List<String> md5OnlyUserAgents = new java.util.ArrayList<>(java.util.List.of("baresip"));
    /** Registration expiry bounds (seconds). */
    private int minExpires = 60;
    private int maxExpires = 3600;
    private int defaultExpires = 3600;
    /** Worker threads of the stack (STACK.md "JAIN-SIP throughput"). */
    private int threadPoolSize = 4;
    /** UDP receive buffer in bytes. */
    private int receiveUdpBufferSize = 4 * 1024 * 1024;
    /** SIP trunks to the outside world: inbound calls by source address, outbound for external numbers. */
    private java.util.List<Trunk> trunks = new java.util.ArrayList<>();
    /** Loop safety: how many routing decisions (the first and its continuations) one call may execute. */
    private int maxDecisionsPerCall = 10;
    /** How often expired registrations are dropped (and phones stop counting as reachable). */
    private Duration registrationSweep = Duration.ofSeconds(1);
    /** SIP over TLS ({@code pbx.sip.tls.*}, ENC-01; docs/security.md). */
    private Tls tls = new Tls();

    /**
     * SIP over TLS. Off unless enabled; with no keystore configured, a self-signed one is made at
     * the first start in {@code generated-keystore} (demo only: phones must be told to trust it).
     */
    public static class Tls {
        private boolean enabled = false;
        /** TLS port; 0 picks a free port (tests; also when {@code pbx.sip.port} is 0). */
        private int port = 5061;
        /** A PKCS12 or JKS keystore with the server's key and certificate chain; empty = generate one. */
        private String keystore = "";
        private String keystorePassword = "";
        private String keystoreType = "PKCS12";
        /**
         * Certificates trusted when the server opens a TLS connection itself (to a phone's Contact):
         * empty = the JDK's CA certificates. A phone with a self-signed certificate needs it here.
         */
        private String truststore = "";
        private String truststorePassword = "";
        private String truststoreType = "PKCS12";
        /** Where the self-signed keystore is made and kept when {@code keystore} is empty. */
        private String generatedKeystore = "data/sip-tls.p12";
        /**
         * The TLS versions offered. ENC-02 asks for 1.0 and newer; Java 17 disables 1.0 and 1.1 in
         * {@code jdk.tls.disabledAlgorithms}, so listing them here needs that security property too.
         */
        private java.util.List<String> protocols = new java.util.ArrayList<>(java.util.List.of("TLSv1.3", "TLSv1.2"));

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
        public String getKeystore() { return keystore; }
        public void setKeystore(String keystore) { this.keystore = keystore; }
        public String getKeystorePassword() { return keystorePassword; }
        public void setKeystorePassword(String keystorePassword) { this.keystorePassword = keystorePassword; }
        public String getKeystoreType() { return keystoreType; }
        public void setKeystoreType(String keystoreType) { this.keystoreType = keystoreType; }
        public String getTruststore() { return truststore; }
        public void setTruststore(String truststore) { this.truststore = truststore; }
        public String getTruststorePassword() { return truststorePassword; }
        public void setTruststorePassword(String truststorePassword) { this.truststorePassword = truststorePassword; }
        public String getTruststoreType() { return truststoreType; }
        public void setTruststoreType(String truststoreType) { this.truststoreType = truststoreType; }
        public String getGeneratedKeystore() { return generatedKeystore; }
        public void setGeneratedKeystore(String generatedKeystore) { this.generatedKeystore = generatedKeystore; }
        public java.util.List<String> getProtocols() { return protocols; }
        public void setProtocols(java.util.List<String> protocols) { this.protocols = protocols; }
    }

    public Tls getTls() {
        return tls;
    }

    public void setTls(Tls tls) {
        this.tls = tls;
    }

    /**
     * One SIP trunk ({@code pbx.sip.trunks[n].*}). Inbound calls are authenticated by their source
     * address (IP authentication, as carriers do); the tenant is the one owning the called number.
     * Outbound, external and emergency numbers are sent to the first trunk with {@code outbound}.
     */
    public static class Trunk {
        private String name = "trunk";
        /** The carrier's address: where outbound calls go and where inbound calls must come from. */
        private String host;
        private int port = 5060;
        /** udp or tcp. */
        private String transport = "udp";
        /** Further source addresses inbound calls may come from. */
        private java.util.List<String> inboundAddresses = new java.util.ArrayList<>();
        private boolean inbound = true;
        private boolean outbound = true;
        /**
         * How the emergency area code (EFB-07, CH-03) of a 112 call reaches this carrier, so it
         * routes the call to the emergency centre of the caller's region: {@code prefix} puts it in
         * the Request-URI user ({@link #emergencyPrefixFormat}), {@code header} sends it in the
         * header {@link #emergencyHeader}, {@code none} sends nothing.
         */
        private EmergencyAreaCode emergencyAreaCode = EmergencyAreaCode.HEADER;
        /** The Request-URI user of an emergency call in {@code prefix} mode: {areaCode} and {number}. */
        private String emergencyPrefixFormat = "{areaCode}{number}";
        /** The header carrying the area code in {@code header} mode. */
        private String emergencyHeader = "X-Emergency-Area-Code";

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getHost() { return host; }
        public void setHost(String host) { this.host = host; }
        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
        public String getTransport() { return transport; }
        public void setTransport(String transport) { this.transport = transport; }
        public java.util.List<String> getInboundAddresses() { return inboundAddresses; }
        public void setInboundAddresses(java.util.List<String> inboundAddresses) { this.inboundAddresses = inboundAddresses; }
        public boolean isInbound() { return inbound; }
        public void setInbound(boolean inbound) { this.inbound = inbound; }
        public boolean isOutbound() { return outbound; }
        public void setOutbound(boolean outbound) { this.outbound = outbound; }
        public EmergencyAreaCode getEmergencyAreaCode() { return emergencyAreaCode; }
        public void setEmergencyAreaCode(EmergencyAreaCode mode) { this.emergencyAreaCode = mode; }
        public String getEmergencyPrefixFormat() { return emergencyPrefixFormat; }
        public void setEmergencyPrefixFormat(String format) { this.emergencyPrefixFormat = format; }
        public String getEmergencyHeader() { return emergencyHeader; }
        public void setEmergencyHeader(String emergencyHeader) { this.emergencyHeader = emergencyHeader; }
    }

    /** Where a trunk carries the emergency area code (EFB-07). */
    public enum EmergencyAreaCode { PREFIX, HEADER, NONE }

    public java.util.List<Trunk> getTrunks() {
        return trunks;
    }

    public void setTrunks(java.util.List<Trunk> trunks) {
        this.trunks = trunks;
    }

    public int getMaxDecisionsPerCall() {
        return maxDecisionsPerCall;
    }

    public void setMaxDecisionsPerCall(int maxDecisionsPerCall) {
        this.maxDecisionsPerCall = maxDecisionsPerCall;
    }

    public Duration getRegistrationSweep() {
        return registrationSweep;
    }

    public void setRegistrationSweep(Duration registrationSweep) {
        this.registrationSweep = registrationSweep;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getAdvertisedHost() {
        return advertisedHost;
    }

    public void setAdvertisedHost(String advertisedHost) {
        this.advertisedHost = advertisedHost;
    }

    public Duration getNonceLifetime() {
        return nonceLifetime;
    }

    public void setNonceLifetime(Duration nonceLifetime) {
        this.nonceLifetime = nonceLifetime;
    }

    public int getMinExpires() {
        return minExpires;
    }

    public void setMinExpires(int minExpires) {
        this.minExpires = minExpires;
    }

    public int getMaxExpires() {
        return maxExpires;
    }

    public void setMaxExpires(int maxExpires) {
        this.maxExpires = maxExpires;
    }

    public int getDefaultExpires() {
        return defaultExpires;
    }

    public void setDefaultExpires(int defaultExpires) {
        this.defaultExpires = defaultExpires;
    }

    public int getThreadPoolSize() {
        return threadPoolSize;
    }

    public void setThreadPoolSize(int threadPoolSize) {
        this.threadPoolSize = threadPoolSize;
    }

    public int getReceiveUdpBufferSize() {
        return receiveUdpBufferSize;
    }

    public void setReceiveUdpBufferSize(int receiveUdpBufferSize) {
        this.receiveUdpBufferSize = receiveUdpBufferSize;
    }

    public java.util.List<String> getMd5OnlyUserAgents() {
        return md5OnlyUserAgents;
    }

    public void setMd5OnlyUserAgents(java.util.List<String> md5OnlyUserAgents) {
        this.md5OnlyUserAgents = md5OnlyUserAgents;
    }

    public java.util.List<String> getDigestAlgorithms() {
        return digestAlgorithms;
    }

    public void setDigestAlgorithms(java.util.List<String> digestAlgorithms) {
        this.digestAlgorithms = digestAlgorithms;
    }
}
