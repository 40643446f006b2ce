package org.reachpbx.server.sip.stack;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.core.net.SslNetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Properties;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The stack's network layer ({@code gov.nist.javax.sip.NETWORK_LAYER}): the stack's own sockets,
 * with the UDP sockets counting every datagram they send ({@link SipMessagesSent}). The stack keeps
 * its UDP processor and its habit of answering from the listening socket (needed behind NAT); only
 * the socket under it is ours. Everything else is the stack's default layer, or its TLS layer when
 * the stack has a keystore (the blocking TLS transport uses it; the NIO one does not).
 */
public class CountingNetworkLayer implements NetworkLayer {

    private volatile SipMessagesSent sent;
    private volatile SipStackImpl stack;
    private volatile NetworkLayer sockets;

    @Override
    public void setSipStack(SipStackImpl sipStack) {
        this.stack = sipStack;
        this.sent = SipMessagesSent.forStack(sipStack.getStackName());
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        SipMessagesSent counts = sent;
        return counts == null ? new DatagramSocket() : new CountingSocket(counts);
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress laddr) throws SocketException {
        SipMessagesSent counts = sent;
        if (counts == null || laddr.isMulticastAddress()) {
            return sockets().createDatagramSocket(port, laddr);
        }
        CountingSocket socket = new CountingSocket(counts);
        try {
            socket.bind(new java.net.InetSocketAddress(laddr, port));
        } catch (SocketException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return sockets().createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return sockets().createSSLServerSocket(port, backlog, bindAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return sockets().createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return sockets().createSocket(address, port, localAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return sockets().createSocket(address, port, myAddress, myPort);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return sockets().createSSLSocket(address, port);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return sockets().createSSLSocket(address, port, localAddress);
    }

    /**
     * The layer the stack would have used without us, made when first needed (the stack sets this
     * property after its own TLS layer, replacing it, so it is rebuilt here the way the stack builds it).
     */
    private NetworkLayer sockets() throws SocketException {
        NetworkLayer layer = sockets;
        if (layer != null) {
            return layer;
        }
        synchronized (this) {
            if (sockets == null) {
                sockets = defaultFor(stack);
            }
            return sockets;
        }
    }

    private static NetworkLayer defaultFor(SipStackImpl stack) throws SocketException {
        Properties p = stack == null ? null : stack.getConfigurationProperties();
        String keyStore = p == null ? null : p.getProperty("javax.net.ssl.keyStore");
        if (keyStore == null) {
            return DefaultNetworkLayer.SINGLETON;
        }
        String keyPassword = p.getProperty("javax.net.ssl.keyStorePassword");
        String trustPassword = p.getProperty("javax.net.ssl.trustStorePassword", keyPassword);
        String keyType = p.getProperty("javax.net.ssl.keyStoreType");
        try {
            return new SslNetworkLayer(stack, p.getProperty("javax.net.ssl.trustStore", keyStore), keyStore,
                    keyPassword == null ? null : keyPassword.toCharArray(),
                    trustPassword == null ? null : trustPassword.toCharArray(),
                    keyType, p.getProperty("javax.net.ssl.trustStoreType", keyType));
        } catch (Exception e) {
            SocketException failure = new SocketException("the SIP stack's TLS keystore cannot be loaded: " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    /** A UDP socket that counts each SIP message it sends. */
    private static final class CountingSocket extends DatagramSocket {

        private final SipMessagesSent counts;

        CountingSocket(SipMessagesSent counts) throws SocketException {
            super((java.net.SocketAddress) null);
            this.counts = counts;
        }

        @Override
        public void send(DatagramPacket packet) throws IOException {
            super.send(packet);
            counts.count(packet.getData(), packet.getOffset(), packet.getLength());
        }
    }
}
