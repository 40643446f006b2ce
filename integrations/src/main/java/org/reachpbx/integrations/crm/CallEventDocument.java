package org.reachpbx.integrations.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.reachpbx.integrations.events.CallEvent;

/**
 * The JSON a webhook receives for one call event (schema {@value #SCHEMA}, documented in
 * docs/integrations.md). Absent values are left out rather than sent as null.
 */
final class CallEventDocument {

    static final String SCHEMA = "reachpbx.call-event.v1";

    private CallEventDocument() {
    }

    static String write(ObjectMapper json, CallEvent e, String deliveryId, String eventId, String tenantName,
                        String extensionName, String extensionType) {
        ObjectNode root = json.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("id", deliveryId);
        root.put("eventId", eventId);
        root.put("type", e.type().name());
        root.put("occurredAt", e.occurredAt().toString());
        ObjectNode tenant = root.putObject("tenant");
        tenant.put("id", e.tenantId());
        tenant.put("name", tenantName);
        ObjectNode extension = root.putObject("extension");
        extension.put("number", e.extension());
        putIfSet(extension, "name", extensionName);
        putIfSet(extension, "type", extensionType);
        ObjectNode call = root.putObject("call");
        putIfSet(call, "id", e.callId());
        if (e.caller() != null || e.callerName() != null) {
            ObjectNode caller = call.putObject("caller");
            putIfSet(caller, "number", e.caller());
            putIfSet(caller, "name", e.callerName());
        }
        putIfSet(call, "called", e.called());
        putIfSet(call, "startedAt", e.startedAt());
        putIfSet(call, "answeredAt", e.answeredAt());
        putIfSet(call, "endedAt", e.endedAt());
        if (e.durationSeconds() != null && e.voicemailMessageId() == null) {
            call.put("durationSeconds", e.durationSeconds());
        }
        if (e.voicemailMessageId() != null) {
            ObjectNode voicemail = root.putObject("voicemail");
            voicemail.put("messageId", e.voicemailMessageId());
            voicemail.put("box", e.extension());
            if (e.durationSeconds() != null) {
                voicemail.put("durationSeconds", e.durationSeconds());
            }
        }
        try {
            return json.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfSet(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
