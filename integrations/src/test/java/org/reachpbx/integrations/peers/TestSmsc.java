package org.reachpbx.integrations.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * An embedded SMSC on jSMPP's server session: accepts binds with the expected system id and
 * password, and records every submit_sm (destination, sender, text).
 */
public final class TestSmsc implements AutoCloseable {

    public record Submitted(String destination, byte destinationTon, String source, byte sourceTon, String text,
                            String messageId) {
    }

    private final SMPPServerSessionListener listener;
    private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean running = true;

    public TestSmsc(int port, String systemId, String password) throws IOException {
        listener = new SMPPServerSessionListener(port);
        listener.setTimeout(200);
        acceptor = new Thread(() -> acceptLoop(systemId, password), "test-smsc-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public List<Submitted> submitted() {
        return submitted;
    }

    private void acceptLoop(String systemId, String password) {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                session.setMessageReceiverListener(new Receiver());
                sessions.add(session);
                BindRequest bind = session.waitForBind(5000);
                if (systemId.equals(bind.getSystemId()) && password.equals(bind.getPassword())) {
                    bind.accept(systemId);
                } else {
                    bind.reject(0x0E); // ESME_RINVPASWD
                }
            } catch (java.net.SocketTimeoutException timeout) {
                // look at running again
            } catch (Exception e) {
                if (running) {
                    // a client that gave up during bind; keep serving
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        sessions.forEach(SMPPServerSession::unbindAndClose);
        listener.close();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession source) throws ProcessRequestException {
            try {
                String id = "smsc-" + ids.incrementAndGet();
                submitted.add(new Submitted(sm.getDestAddress(), sm.getDestAddrTon(), sm.getSourceAddr(),
                        sm.getSourceAddrTon(), new String(sm.getShortMessage(), StandardCharsets.ISO_8859_1), id));
                return new SubmitSmResult(new MessageId(id), new org.jsmpp.bean.OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException(e.getMessage(), 8);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti sm, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm sm, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm sm, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelSm(CancelSm sm, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm sm, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm sm, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm sm, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm sm, Session s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }
    }
}
