package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import lombok.Getter;
import lombok.Setter;

/** A row of a privacy group's rights table: what every member may do with the target extension (PRV-02). */
@Embeddable
@Getter
@Setter
@JsonPropertyOrder({"target", "pickup", "presence", "notifications", "notificationDelay", "listenIn", "retrieveParked"})
public class PrivacyRight {
    @NotBlank
    @Column(name = "target", nullable = false, length = 5)
    private String target;
    @Column(name = "pickup", nullable = false)
    private boolean pickup;
    @Column(name = "presence", nullable = false)
    private boolean presence;
    @Column(name = "notifications", nullable = false)
    private boolean notifications;
    /** Seconds before a DESKTOP notification is shown; 0 = immediately (PRV-05). */
    @Min(0)
    @Max(300)
    @Column(name = "notification_delay", nullable = false)
    private int notificationDelay;
    @Column(name = "listen_in", nullable = false)
    private boolean listenIn;
    @Column(name = "retrieve_parked", nullable = false)
    private boolean retrieveParked;
}
