package org.reachpbx.server.sip.media.queue;

import org.reachpbx.media.dtmf.DigitSpec;
import org.reachpbx.rules.queue.QueueDecision;
import org.reachpbx.server.sip.media.MediaProperties;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 903 and 904 on the phone (QUE-10, QUE-11): the calling user keys the queue's extension number
 * (how 903 picks the queue is not stated; the spec's reading A10 asks for it) and the same queue
 * rules as the REST login decide, through {@link QueueDispatcher#login}, so the live state, the
 * waiting calls and the audit of the decision are one path. The caller hears the outcome and the
 * server hangs up.
 */
final class QueueAgentLogin implements MediaScript {

    private static final Logger log = LoggerFactory.getLogger(QueueAgentLogin.class);

    /** Records an accepted change in the audit trail, as the REST login is audited: (tenant, agent, action, detail). */
    interface Audit {
        void record(long tenantId, String agent, String action, String detail);
    }

    private final QueueDispatcher dispatcher;
    private final Audit audit;
    private final boolean login;

    QueueAgentLogin(QueueDispatcher dispatcher, Audit audit, boolean login) {
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.login = login;
    }

    @Override
    public void start(ServedCall call) {
        String agent = call.leg().callerUser();
        if (agent == null) {
            // A trunk caller or a phone without a user: nobody to log in.
            say(call, "access-denied", "goodbye");
            return;
        }
        MediaProperties props = call.services().properties();
        DigitSpec queueNumber = new DigitSpec(6, '#', props.getFirstDigit(), props.getInterDigit(), true);
        call.ask(call.prompts().of("enter-extension"), queueNumber, queue -> {
            if (queue.isEmpty()) {
                say(call, "goodbye");
                return;
            }
            long tenant = call.leg().tenantId();
            call.background(() -> {
                QueueDecision.Login answer = dispatcher.login(call.leg().view(), queue, agent, login);
                if (answer != null && answer.accepted()) {
                    audit.record(tenant, agent, login ? "Queues: log in by phone" : "Queues: log out by phone",
                            "agent " + agent + (login ? " to" : " of") + " queue " + queue);
                }
                return answer;
            }, answer -> answered(call, queue, agent, answer));
        });
    }

    private void answered(ServedCall call, String queue, String agent, QueueDecision.Login answer) {
        log.info("Call {}: {} {} for queue {}: {}", call.leg().callId(), login ? "903" : "904", agent, queue,
                answer == null ? "no such queue" : answer.accepted() ? "accepted" : "refused, " + answer.reason());
        if (answer == null) {
            say(call, "invalid-extension", "goodbye");
        } else if (!answer.accepted()) {
            say(call, "access-denied", "goodbye");
        } else {
            say(call, login ? "login-ok" : "logout-ok");
        }
    }

    /** The last words, then the server hangs up. */
    private static void say(ServedCall call, String... prompts) {
        call.play(call.prompts().of(prompts), call::hangUp);
    }
}
