package org.reachpbx.bench.sip;

import java.util.Properties;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The baseline of the SIP load benchmark (benchmarks/sip/run-load.sh, docs/performance.md "SIP
 * load"): a bare JAIN-SIP UDP responder with the stack settings of the ReachPBX {@code SipServer}
 * (REENTRANT_LISTENER, THREAD_POOL_SIZE 4, 4 MB receive buffer, no logging) that answers every
 * INVITE at once with 302 (a Contact) or 403, through a server transaction like the server does,
 * and ACKs are absorbed by the stack. No routing, no database, no authentication.
 * <p>
 * {@code java -cp ... org.reachpbx.bench.sip.BareResponder [host] [port] [302|403]}
 */
public final class BareResponder implements SipListener {

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final int status;
    private final String host;

    private BareResponder(SipProvider provider, MessageFactory messages, HeaderFactory headers,
                          AddressFactory addresses, int status, String host) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.status = status;
        this.host = host;
    }

    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5080;
        int status = args.length > 2 ? Integer.parseInt(args[2]) : 302;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "bare-responder");
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(4 * 1024 * 1024));
        SipStack stack = factory.createSipStack(p);
        ListeningPoint udp = stack.createListeningPoint(host, port, ListeningPoint.UDP);
        SipProvider provider = stack.createSipProvider(udp);
        provider.addSipListener(new BareResponder(provider, factory.createMessageFactory(),
                factory.createHeaderFactory(), factory.createAddressFactory(), status, host));
        stack.start();
        System.out.println("BareResponder answering INVITE with " + status + " on " + host + ":" + port);
        Thread.currentThread().join();
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            String method = request.getMethod();
            if (Request.ACK.equals(method)) {
                return;
            }
            ServerTransaction tx = event.getServerTransaction() != null ? event.getServerTransaction()
                    : provider.getNewServerTransaction(request);
            if (Request.INVITE.equals(method)) {
                Response response = messages.createResponse(status, request);
                ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(Long.toHexString(System.nanoTime()));
                if (status == Response.MOVED_TEMPORARILY) {
                    ContactHeader contact = headers.createContactHeader(addresses.createAddress(
                            addresses.createSipURI("voicemail", host)));
                    response.addHeader(contact);
                }
                tx.sendResponse(response);
            } else {
                tx.sendResponse(messages.createResponse(Request.OPTIONS.equals(method) ? Response.OK
                        : Response.NOT_IMPLEMENTED, request));
            }
        } catch (Exception e) {
            // a retransmission racing its transaction: the stack answers it
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }
}
