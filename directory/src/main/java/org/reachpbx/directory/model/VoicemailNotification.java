package org.reachpbx.directory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import lombok.Getter;
import lombok.Setter;

/**
 * How a mailbox tells about a new message (VM-04, VM-05): e-mail (optionally with the audio and
 * optionally deleting the message once the e-mail was accepted) and/or SMS.
 */
@Embeddable
@Getter
@Setter
public class VoicemailNotification {
    @Email
    @Column(name = "notify_email", length = 254)
    private String email;
    @Column(name = "notify_attach_audio", nullable = false)
    private boolean attachAudio;
    @Column(name = "notify_delete_after_email", nullable = false)
    private boolean deleteAfterEmail;
    @Pattern(regexp = Patterns.DIALLED_NUMBER)
    @Column(name = "notify_sms_number", length = 20)
    private String smsNumber;
}
