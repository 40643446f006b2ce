package org.reachpbx.rules.engine;

import java.util.List;
import org.reachpbx.rules.decision.Presentation;
import org.reachpbx.rules.view.ExtensionView;
import org.reachpbx.rules.vocabulary.ForwardCallerId;

/**
 * One step of a call through the tenant: the first destination, or where a forward, a routing
 * extension or a menu sends it. Rules resolve each hop into exactly one outcome; forwards create
 * child hops, so a whole chain (A→B→voicemail) is decided up front, with loop protection.
 */
public final class Hop {
    private final int id;
    private final Hop parent;
    private final HopReason reason;
    private final String destination;
    private final HopTarget target;
    private final ExtensionView extension;
    private final List<String> destinations;
    private final String displayPrefix;
    private final String forwardedBy;
    private final ForwardCallerId forwardCallerId;
    private final String forwardCallerIdNumber;
    private final boolean individualLeg;
    private final String forwardedByType;
    private final int depth;
    private Presentation presentation;

    Hop(int id, Hop parent, HopReason reason, String destination, HopTarget target, ExtensionView extension,
        List<String> destinations, String displayPrefix, String forwardedBy, ForwardCallerId forwardCallerId,
        String forwardCallerIdNumber, boolean individualLeg, String forwardedByType) {
        this.id = id;
        this.parent = parent;
        this.reason = reason;
        this.destination = destination;
        this.target = target;
        this.extension = extension;
        this.destinations = destinations == null ? List.of() : List.copyOf(destinations);
        this.displayPrefix = displayPrefix;
        this.forwardedBy = forwardedBy;
        this.forwardCallerId = forwardCallerId;
        this.forwardCallerIdNumber = forwardCallerIdNumber;
        this.individualLeg = individualLeg;
        this.forwardedByType = forwardedByType;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    public int getId() { return id; }
    public Hop getParent() { return parent; }
    public HopReason getReason() { return reason; }
    /** The destination as configured: an extension number, a national number, "voicemail", "busy". */
    public String getDestination() { return destination; }
    public HopTarget getTarget() { return target; }
    public ExtensionView getExtension() { return extension; }
    /** For a PARALLEL hop: the destinations that ring together. */
    public List<String> getDestinations() { return destinations; }
    /** Route prefixes collected so far, shown in front of the caller (IVR-07). */
    public String getDisplayPrefix() { return displayPrefix; }
    /** The user or function extension whose forward led here, if any. */
    public String getForwardedBy() { return forwardedBy; }
    /** Which caller ID a forwarded external leg presents (REACH-13, GRP-07, CLX-01, FWD-01). */
    public ForwardCallerId getForwardCallerId() { return forwardCallerId; }
    public String getForwardCallerIdNumber() { return forwardCallerIdNumber; }
    /** True for a group member's leg under individual forwarding (GRP-03). */
    public boolean isIndividualLeg() { return individualLeg; }
    public int getDepth() { return depth; }
    public boolean isForwarded() { return forwardedBy != null; }
    /** The type of the extension whose forward led here: USER, GROUP, CALL_LIMIT, FORWARD; null if none. */
    public String getForwardedByType() { return forwardedByType; }
    public Presentation getPresentation() { return presentation; }
    void setPresentation(Presentation presentation) { this.presentation = presentation; }

    /** True when this hop came from the first hop directly or through menus only (no forward yet). */
    public boolean passedThrough(String extensionNumber) {
        for (Hop h = parent; h != null; h = h.parent) {
            if (h.extension != null && h.extension.number().equals(extensionNumber)) {
                return true;
            }
        }
        return false;
    }

    /** The nearest hop up the chain (this one included) whose target is of the given kind. */
    public Hop nearest(HopTarget kind) {
        for (Hop h = this; h != null; h = h.parent) {
            if (h.target == kind) {
                return h;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "hop " + id + " " + target + " " + destination + (reason == HopReason.INITIAL ? "" : " (" + reason + ")");
    }
}
