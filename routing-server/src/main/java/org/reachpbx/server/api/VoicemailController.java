package org.reachpbx.server.api;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.directory.integrations.VoicemailState;
import org.reachpbx.integrations.voicemail.VoicemailDeposit;
import org.reachpbx.integrations.voicemail.VoicemailMessages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Voicemail messages of a box (a user's personal mailbox or a voicemail extension), by extension
 * number: deposit (multipart WAV, 8 kHz; the media engine's entry point), list, read, play, mark
 * old, delete. See docs/integrations.md.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/voicemail/{box}/messages")
public class VoicemailController {

    private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

    private final VoicemailDeposit deposit;
    private final VoicemailMessages messages;

    public VoicemailController(VoicemailDeposit deposit, VoicemailMessages messages) {
        this.deposit = deposit;
        this.messages = messages;
    }

    /** One message; {@code audio} is where its WAV can be fetched. */
    public record MessageView(long id, String box, String callerNumber, String callerName, String callId,
                              Instant receivedAt, long durationMillis, VoicemailState state, long audioSize,
                              String audio) {
        static MessageView of(long tenantId, VoicemailMessage m) {
            return new MessageView(m.getId(), m.getBox(), m.getCallerNumber(), m.getCallerName(), m.getCallId(),
                    m.getReceivedAt(), m.getDurationMillis(), m.getState(), m.getAudioSize(),
                    "/api/tenants/" + tenantId + "/voicemail/" + m.getBox() + "/messages/" + m.getId() + "/audio");
        }
    }

    @Audited("Voicemail: deposit")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MessageView> deposit(@PathVariable long tenantId, @PathVariable String box,
                                               @RequestPart("audio") MultipartFile audio,
                                               @RequestParam(required = false) String caller,
                                               @RequestParam(required = false) String callerName,
                                               @RequestParam(required = false) String callId,
                                               @RequestParam(required = false) String receivedAt) throws IOException {
        VoicemailMessage m = deposit.deposit(new VoicemailDeposit.Deposit(tenantId, box, caller, callerName, callId,
                instant(receivedAt), audio.getBytes()));
        MessageView view = MessageView.of(tenantId, m);
        ApiAudit.note("box " + box + ", message " + m.getId() + (caller == null ? "" : ", from " + caller));
        return ResponseEntity.created(URI.create("/api/tenants/" + tenantId + "/voicemail/" + box + "/messages/"
                + m.getId())).body(view);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<MessageView> list(@PathVariable long tenantId, @PathVariable String box,
                                  @RequestParam(required = false) VoicemailState state) {
        return messages.list(tenantId, box, state).stream().map(m -> MessageView.of(tenantId, m)).toList();
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public MessageView get(@PathVariable long tenantId, @PathVariable String box, @PathVariable long id) {
        return MessageView.of(tenantId, messages.get(tenantId, box, id));
    }

    @GetMapping(value = "/{id}/audio", produces = "audio/wav")
    public ResponseEntity<byte[]> audio(@PathVariable long tenantId, @PathVariable String box, @PathVariable long id) {
        return ResponseEntity.ok().contentType(WAV)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("voicemail-" + id + ".wav").build().toString())
                .body(messages.audio(tenantId, box, id));
    }

    @Audited("Voicemail: mark old")
    @PostMapping(value = "/{id}/mark-old", produces = MediaType.APPLICATION_JSON_VALUE)
    public MessageView markOld(@PathVariable long tenantId, @PathVariable String box, @PathVariable long id) {
        return MessageView.of(tenantId, messages.markOld(tenantId, box, id));
    }

    @Audited("Voicemail: delete")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long tenantId, @PathVariable String box, @PathVariable long id) {
        messages.delete(tenantId, box, id);
        ApiAudit.note("box " + box + ", message " + id);
        return ResponseEntity.noContent().build();
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("receivedAt must be an ISO-8601 instant such as 2026-11-24T09:15:00Z");
        }
    }
}
