package org.reachpbx.integrations.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small JAIN-SIP user agent that only sends out-of-dialog NOTIFY requests and waits for their
 * final response. It has its own stack on its own port (default 127.0.0.1:5070), apart from the
 * SIP server's, so message waiting does not depend on SIP internals.
 */
public class SipNotifier implements SipListener {

    private static final Logger log = LoggerFactory.getLogger(SipNotifier.class);
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final String host;
    private final int port;
    private final Map<ClientTransaction, CompletableFuture<Integer>> pending = new ConcurrentHashMap<>();
    private SipStack stack;
    private SipProvider provider;
    private AddressFactory addresses;
    private HeaderFactory headers;
    private MessageFactory messages;

    public SipNotifier(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public synchronized void start() throws SipException {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        // The factory keeps stacks by name: a fresh name per start gives a fresh stack.
        p.setProperty("javax.sip.STACK_NAME", "reachpbx-sipnotify-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        try {
            stack = factory.createSipStack(p);
            addresses = factory.createAddressFactory();
            headers = factory.createHeaderFactory();
            messages = factory.createMessageFactory();
            ListeningPoint lp = stack.createListeningPoint(host, port, ListeningPoint.UDP);
            provider = stack.createSipProvider(lp);
            provider.addSipListener(this);
            stack.start();
        } catch (Exception e) {
            stop();
            throw new SipException("cannot start the NOTIFY sender on " + host + ":" + port + " (udp): " + e.getMessage(), e);
        }
        log.info("Message-waiting NOTIFY sender listening on {}:{} (udp)", host, port);
    }

    public synchronized void stop() {
        if (stack != null) {
            stack.stop();
            stack = null;
            provider = null;
        }
        pending.values().forEach(f -> f.completeExceptionally(new SipException("the NOTIFY sender stopped")));
        pending.clear();
    }

    /**
     * Sends one NOTIFY to {@code target} and waits for its final response.
     *
     * @param account the resource the state is about (From and To), e.g. {@code sip:201@demo.example}
     * @throws SipException when the phone answered with an error or did not answer within {@code timeout}
     */
    public void notify(String target, String account, String event, String contentType, String body, Duration timeout)
            throws SipException {
        try {
            send(target, account, event, contentType, body, timeout).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SipException s ? s
                    : new SipException("NOTIFY to " + target + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SipException("interrupted while waiting for the answer to a NOTIFY");
        }
    }

    /**
     * Sends one NOTIFY to {@code target} without waiting: the result completes normally when the
     * phone accepted it and exceptionally (a {@link SipException}) when it answered with an error or
     * not within {@code timeout}. Several phones can so be notified at once.
     */
    public CompletableFuture<Void> send(String target, String account, String event, String contentType, String body,
                                        Duration timeout) {
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        ClientTransaction tx;
        try {
            Request request = request(target, account, event, contentType, body);
            tx = provider().getNewClientTransaction(request);
            pending.put(tx, answer);
            tx.sendRequest();
        } catch (ParseException | IllegalArgumentException | javax.sip.InvalidArgumentException e) {
            return CompletableFuture.failedFuture(
                    new SipException("cannot build a NOTIFY for " + target + ": " + e.getMessage(), e));
        } catch (SipException e) {
            return CompletableFuture.failedFuture(e);
        }
        ClientTransaction sent = tx;
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((status, failure) -> {
                    pending.remove(sent);
                    if (failure instanceof TimeoutException) {
                        throw new CompletionException(new SipException(
                                "NOTIFY to " + target + " got no answer within " + timeout.toMillis() + " ms"));
                    }
                    if (failure != null) {
                        throw new CompletionException(failure instanceof SipException ? failure
                                : new SipException("NOTIFY to " + target + " failed: " + failure.getMessage()));
                    }
                    if (status >= 300) {
                        throw new CompletionException(new SipException("NOTIFY to " + target + " was answered " + status));
                    }
                    return null;
                });
    }

    private synchronized SipProvider provider() throws SipException {
        if (provider == null) {
            throw new SipException("the NOTIFY sender is not running");
        }
        return provider;
    }

    private Request request(String target, String account, String event, String contentType, String body)
            throws ParseException, SipException, javax.sip.InvalidArgumentException {
        Address from = addresses.createAddress(account);
        Address to = addresses.createAddress(account);
        String[] type = contentType.split("/", 2);
        Request r = messages.createRequest(addresses.createURI(target), Request.NOTIFY, provider().getNewCallId(),
                headers.createCSeqHeader(1L, Request.NOTIFY),
                headers.createFromHeader(from, UUID.randomUUID().toString().substring(0, 8)),
                headers.createToHeader(to, null),
                List.of(headers.createViaHeader(host, port, ListeningPoint.UDP, null)),
                headers.createMaxForwardsHeader(70));
        r.addHeader(headers.createContactHeader(addresses.createAddress("sip:mwi@" + host + ":" + port)));
        r.addHeader(headers.createEventHeader(event));
        // RFC 6665 wants a Subscription-State in every NOTIFY; an unsolicited one stands for an active state.
        r.addHeader(headers.createSubscriptionStateHeader("active"));
        r.setContent(body, headers.createContentTypeHeader(type[0], type.length > 1 ? type[1] : ""));
        return r;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CompletableFuture<Integer> answer = event.getClientTransaction() == null ? null
                : pending.get(event.getClientTransaction());
        if (answer != null && response.getStatusCode() >= 200) {
            answer.complete(response.getStatusCode());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        CompletableFuture<Integer> answer = event.getClientTransaction() == null ? null
                : pending.get(event.getClientTransaction());
        if (answer != null) {
            answer.completeExceptionally(new SipException("the SIP transaction timed out"));
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("NOTIFY sender: I/O error towards {}:{}", event.getHost(), event.getPort());
    }

    @Override
    public void processRequest(RequestEvent event) {
        // A NOTIFY sender serves no requests; anything that arrives is dropped.
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }
}
