package org.reachpbx.ui.reach;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.reachpbx.directory.model.CallClass;
import org.reachpbx.directory.model.MatrixCell;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.ReachConfig;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.ReachStatus;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.rules.vocabulary.ProfileSetting;

/**
 * Structural edits of a REACH configuration that keep its references consistent: renaming or
 * deleting a profile, status or call class also renames or removes the matrix cells (and the manual
 * and roaming status) that name it. The default profile is never renamed away or deleted here.
 */
public final class ReachEdits {

    private ReachEdits() {
    }

    /**
     * What Clear REACH leaves (REACH-22): only an empty default profile, so every reachable device
     * of the user rings and nothing is forwarded.
     */
    public static ReachConfig cleared() {
        return new ReachConfig();
    }

    /** Clears the user's REACH (REACH-22); returns what else changed (number classes), in words. */
    public static List<String> clear(UserExtension user, List<PhoneNumber> numbers) {
        user.setReach(cleared());
        return unsetMissingNumberClasses(user, numbers);
    }

    /**
     * After a user's REACH was replaced (cleared, copied over, reassigned): the default and anonymous
     * call class of the user's personal numbers (REACH-20) must name classes of the new REACH, so a
     * class that is gone is unset on the number (a caller then gets the default profile, REACH-06).
     * Returns what was unset, in words.
     */
    public static List<String> unsetMissingNumberClasses(UserExtension user, List<PhoneNumber> numbers) {
        java.util.Set<String> classes = user.getReach().getCallClasses().stream().map(CallClass::getName)
                .collect(java.util.stream.Collectors.toSet());
        List<String> notes = new java.util.ArrayList<>();
        for (PhoneNumber n : numbers) {
            if (!user.getNumber().equals(n.getOwner())) {
                continue;
            }
            if (n.getDefaultCallClass() != null && !classes.contains(n.getDefaultCallClass())) {
                notes.add("number " + n.getNumber() + ": default call class " + n.getDefaultCallClass() + " unset");
                n.setDefaultCallClass(null);
            }
            if (n.getAnonymousCallClass() != null && !classes.contains(n.getAnonymousCallClass())) {
                notes.add("number " + n.getNumber() + ": anonymous call class " + n.getAnonymousCallClass()
                        + " unset");
                n.setAnonymousCallClass(null);
            }
        }
        return notes;
    }

    /** A new custom profile that inherits every setting from the default profile (REACH-04). */
    public static ReachProfile addProfile(ReachConfig reach, String name) {
        ReachProfile p = new ReachProfile();
        p.setName(name.trim());
        p.setInherit(new java.util.ArrayList<>(List.of(ProfileSetting.values())));
        reach.addProfile(p);
        return p;
    }

    public static ReachStatus addStatus(ReachConfig reach, String name) {
        ReachStatus s = new ReachStatus();
        s.setName(name.trim());
        reach.getStatuses().add(s);
        return s;
    }

    public static CallClass addCallClass(ReachConfig reach, String name) {
        CallClass c = new CallClass();
        c.setName(name.trim());
        reach.getCallClasses().add(c);
        return c;
    }

    public static void renameProfile(ReachConfig reach, String from, String to) {
        if (Objects.equals(from, to)) {
            return;
        }
        reach.getAllProfiles().stream().filter(p -> p.getName().equals(from)).findFirst().ifPresent(p -> p.setName(to));
        renameCells(reach, MatrixCell::getProfile, from, c -> c.setProfile(to));
    }

    public static void renameStatus(ReachConfig reach, String from, String to) {
        if (Objects.equals(from, to)) {
            return;
        }
        reach.getStatuses().stream().filter(s -> s.getName().equals(from)).findFirst().ifPresent(s -> s.setName(to));
        renameCells(reach, MatrixCell::getStatus, from, c -> c.setStatus(to));
        if (reach.getManualStatus() != null && from.equals(reach.getManualStatus().getStatus())) {
            reach.getManualStatus().setStatus(to);
        }
        if (from.equals(reach.getRoamingStatus())) {
            reach.setRoamingStatus(to);
        }
    }

    public static void renameCallClass(ReachConfig reach, String from, String to) {
        if (Objects.equals(from, to)) {
            return;
        }
        reach.getCallClasses().stream().filter(c -> c.getName().equals(from)).findFirst().ifPresent(c -> c.setName(to));
        renameCells(reach, MatrixCell::getCallClass, from, c -> c.setCallClass(to));
    }

    /** Removes a custom profile; matrix cells that chose it fall back to the default profile. */
    public static boolean deleteProfile(ReachConfig reach, String name) {
        List<ReachProfile> all = reach.getAllProfiles();
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).getName().equals(name)) {
                all.remove(i);
                reach.getMatrix().removeIf(c -> name.equals(c.getProfile()));
                return true;
            }
        }
        return false;
    }

    /** Removes a status with its matrix column; a manual or roaming status naming it is cleared. */
    public static boolean deleteStatus(ReachConfig reach, String name) {
        boolean removed = reach.getStatuses().removeIf(s -> s.getName().equals(name));
        if (removed) {
            reach.getMatrix().removeIf(c -> name.equals(c.getStatus()));
            if (reach.getManualStatus() != null && name.equals(reach.getManualStatus().getStatus())) {
                reach.setManualStatus(null);
            }
            if (name.equals(reach.getRoamingStatus())) {
                reach.setRoamingStatus(null);
            }
        }
        return removed;
    }

    /** Removes a call class with its matrix row. */
    public static boolean deleteCallClass(ReachConfig reach, String name) {
        boolean removed = reach.getCallClasses().removeIf(c -> c.getName().equals(name));
        if (removed) {
            reach.getMatrix().removeIf(c -> name.equals(c.getCallClass()));
        }
        return removed;
    }

    private static void renameCells(ReachConfig reach, Function<MatrixCell, String> field, String from,
                                    java.util.function.Consumer<MatrixCell> set) {
        reach.getMatrix().stream().filter(c -> from.equals(field.apply(c))).forEach(set);
    }

    /**
     * The part of a violation path below the user's REACH ({@code profiles[0].callerId}), or null
     * when the violation is about something else. {@code userPath} is e.g. {@code users[3]}.
     */
    public static String relativePath(String path, String userPath) {
        String prefix = userPath + ".reach.";
        return path != null && path.startsWith(prefix) ? path.substring(prefix.length()) : null;
    }

    /** The path itself, then each shorter one without its last segment ({@code a[1].b.c} → {@code a[1].b} → {@code a[1]}). */
    public static List<String> candidates(String relative) {
        List<String> out = new java.util.ArrayList<>();
        String p = relative;
        while (p != null && !p.isEmpty()) {
            out.add(p);
            int dot = p.lastIndexOf('.');
            int bracket = p.lastIndexOf('[');
            int cut = Math.max(dot, bracket);
            p = cut <= 0 ? null : p.substring(0, cut);
        }
        return out;
    }
}
