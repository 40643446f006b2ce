package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import javax.sip.ListeningPoint;

/**
 * The stack's transports ({@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}): the stack's NIO
 * ones, one selector thread for all TCP connections instead of two threads per connection; inbound
 * TCP through {@link EdgeTcpProcessor} and TLS through {@link EdgeTlsProcessor} (connection caps
 * shared by both, idle and slow-message timeouts).
 */
public class EdgeMessageProcessorFactory implements MessageProcessorFactory {

    private final NioMessageProcessorFactory nio = new NioMessageProcessorFactory();

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
                                                   String transport) throws IOException {
        SipEdge edge = SipEdge.forStack(stack instanceof SipStackImpl s ? s.getStackName() : null);
        if (edge != null && ListeningPoint.TCP.equalsIgnoreCase(transport)) {
            return new EdgeTcpProcessor(address, stack, port, edge);
        }
        if (edge != null && ListeningPoint.TLS.equalsIgnoreCase(transport)) {
            return new EdgeTlsProcessor(address, stack, port, edge);
        }
        return nio.createMessageProcessor(stack, address, port, transport);
    }
}
