package org.reachpbx.integrations.peers;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * An in-JVM SIP phone on JAIN-SIP: it answers every NOTIFY with 200 OK and records it (until the
 * SIP issue's test UA lands, this minimal one stands in).
 */
public final class TestPhone implements SipListener, AutoCloseable {

    public record Notify(String requestUri, String event, String contentType, String subscriptionState, String body) {
    }

    private static final AtomicInteger STACKS = new AtomicInteger();

    private final SipStack stack;
    private final SipProvider provider;
    private final SipFactory factory = SipFactory.getInstance();
    private final List<Notify> notifies = new CopyOnWriteArrayList<>();
    private final int port;

    public TestPhone(int port) throws Exception {
        this.port = port;
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "test-phone-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // A phone takes a message-waiting NOTIFY without having subscribed (unsolicited MWI).
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        stack = factory.createSipStack(p);
        ListeningPoint lp = stack.createListeningPoint("127.0.0.1", port, ListeningPoint.UDP);
        provider = stack.createSipProvider(lp);
        provider.addSipListener(this);
        stack.start();
    }

    /** The contact URI the phone would register. */
    public String contact(String user) {
        return "sip:" + user + "@127.0.0.1:" + port;
    }

    public List<Notify> notifies() {
        return notifies;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request r = event.getRequest();
        try {
            ServerTransaction tx = event.getServerTransaction() != null ? event.getServerTransaction()
                    : provider.getNewServerTransaction(r);
            if (Request.NOTIFY.equals(r.getMethod())) {
                EventHeader ev = (EventHeader) r.getHeader(EventHeader.NAME);
                ContentTypeHeader ct = (ContentTypeHeader) r.getHeader(ContentTypeHeader.NAME);
                javax.sip.header.SubscriptionStateHeader ss =
                        (javax.sip.header.SubscriptionStateHeader) r.getHeader(javax.sip.header.SubscriptionStateHeader.NAME);
                notifies.add(new Notify(r.getRequestURI().toString(), ev == null ? null : ev.getEventType(),
                        ct == null ? null : ct.getContentType() + "/" + ct.getContentSubType(),
                        ss == null ? null : ss.getState(),
                        r.getRawContent() == null ? null : new String(r.getRawContent(), java.nio.charset.StandardCharsets.UTF_8)));
                tx.sendResponse(factory.createMessageFactory().createResponse(Response.OK, r));
            } else {
                tx.sendResponse(factory.createMessageFactory().createResponse(Response.METHOD_NOT_ALLOWED, r));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stack.stop();
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
