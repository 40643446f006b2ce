package org.reachpbx.rules.queue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.reachpbx.rules.view.MediaExtensionView;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.rules.vocabulary.Language;
import org.reachpbx.rules.vocabulary.QueueAccess;
import org.reachpbx.rules.vocabulary.QueueStrategy;

/**
 * One queue's configuration (QUE), typed and immutable. Optional features are off when their value
 * is null (no {@code exitDestination} = no exit option). Members are in rank order, rank 1 first
 * (QUE-07): user extensions and forward extensions (QUE-06, FWD-02).
 */
public record QueueView(String number, String name, LocalDate startDate, LocalDate endDate, boolean emergency,
                        int callLimit, String callLimitDestination, QueueAccess access, Language language,
                        QueueStrategy strategy, List<String> members, int ringTimeout, int wrapUpTime, int weight,
                        Integer positionAnnouncementInterval, Integer expectedWaitAnnouncementInterval,
                        String intro, boolean skipIntroWhenPossible, boolean joinTone, List<String> infotainment,
                        boolean musicOnHold, List<String> musicOnHoldPlaylist, boolean secondCallToAgents,
                        String exitDestination, Integer maxWaitTimeout, String maxWaitDestination,
                        boolean individualForwarding, String noAgentsDestination) {

    /** Ring all rings at most this many members (QUE-16). */
    public static final int RING_ALL_MAX_MEMBERS = 15;

    public QueueView {
        members = List.copyOf(members);
        infotainment = List.copyOf(infotainment);
        musicOnHoldPlaylist = List.copyOf(musicOnHoldPlaylist);
    }

    /**
     * Reads the settings map {@code TenantViewBuilder} writes for a queue extension; a missing key
     * takes the entity's default (call limit 10, ring timeout 20 s, weight 50, open, NL, fixed order).
     */
    public static QueueView from(MediaExtensionView e) {
        if (e.type() != ExtensionType.QUEUE) {
            throw new IllegalArgumentException(e.number() + " is not a queue but " + e.type());
        }
        Map<String, String> s = e.settings();
        return new QueueView(e.number(), e.name(),
                date(s.get("startDate")), date(s.get("endDate")), bool(s, "emergency"),
                integer(s, "callLimit", 10), s.get("callLimitDestination"),
                QueueAccess.valueOf(s.getOrDefault("access", "OPEN")),
                Language.valueOf(s.getOrDefault("language", "NL")),
                QueueStrategy.valueOf(s.getOrDefault("strategy", "FIXED_ORDER_FROM_TOP")),
                list(s.get("members")), integer(s, "ringTimeout", 20), integer(s, "wrapUpTime", 0),
                integer(s, "weight", 50), optional(s, "positionAnnouncementInterval"),
                optional(s, "expectedWaitAnnouncementInterval"), s.get("intro"), bool(s, "skipIntroWhenPossible"),
                bool(s, "joinTone"), list(s.get("infotainment")), bool(s, "musicOnHold"),
                list(s.get("musicOnHoldPlaylist")), bool(s, "secondCallToAgents"), s.get("exitDestination"),
                optional(s, "maxWaitTimeout"), s.get("maxWaitDestination"), bool(s, "individualForwarding"),
                s.get("noAgentsDestination"));
    }

    /** The members calls may be offered to: under ring all only the first 15 (QUE-16). */
    public boolean ringAll() {
        return strategy == QueueStrategy.RING_ALL;
    }

    /** Rank of a member, 1 = top; 0 when not a configured member. */
    public int rank(String extension) {
        return members.indexOf(extension) + 1;
    }

    private static boolean bool(Map<String, String> s, String key) {
        return Boolean.parseBoolean(s.get(key));
    }

    private static int integer(Map<String, String> s, String key, int absent) {
        String v = s.get(key);
        return v == null || v.isBlank() ? absent : Integer.parseInt(v.trim());
    }

    private static Integer optional(Map<String, String> s, String key) {
        String v = s.get(key);
        return v == null || v.isBlank() ? null : Integer.valueOf(v.trim());
    }

    private static LocalDate date(String v) {
        return v == null || v.isBlank() ? null : LocalDate.parse(v.trim());
    }

    private static List<String> list(String v) {
        return v == null || v.isBlank() ? List.of()
                : Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
