package org.reachpbx.server.sip.b2bua;

import org.reachpbx.directory.calls.CallDetailRecord;

/**
 * Where the B2BUA hands the record of each call that ended. Called on SIP threads under the
 * call's lock: an implementation only queues, it never blocks or touches the database.
 */
public interface CallRecorder {

    void record(CallDetailRecord record);
}
