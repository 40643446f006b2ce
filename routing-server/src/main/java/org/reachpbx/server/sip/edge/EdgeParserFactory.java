package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * The stack's message parser factory ({@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}): every
 * message the stack receives goes through an {@link EdgeParser} of the stack's {@link SipEdge}.
 */
public class EdgeParserFactory implements MessageParserFactory {

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        String name = stack instanceof SipStackImpl s ? s.getStackName() : null;
        return new EdgeParser(SipEdge.forStack(name));
    }
}
