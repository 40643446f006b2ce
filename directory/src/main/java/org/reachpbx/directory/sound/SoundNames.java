package org.reachpbx.directory.sound;

import java.util.regex.Pattern;

/**
 * The name a sound file is stored under is the reference the tenant configuration uses
 * ({@code musicOnHold[].file}, {@code sound}, {@code greeting}, {@code intro}): at most 255
 * characters of letters, digits, {@code . _ -}, in parts separated by {@code /}
 * ({@code moh/lounge.mp3}), each part starting with a letter, digit or underscore. So a name is
 * also a safe URL path and never climbs out of a folder.
 */
public final class SoundNames {

    public static final int MAX_LENGTH = 255;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

    private SoundNames() {
    }

    public static boolean valid(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    /** Refuses a name that cannot be used as a reference, with the reason. */
    public static String require(String name) {
        if (!valid(name)) {
            throw new SoundRejectedException(SoundProblem.BAD_NAME, "the name '" + (name == null ? "" : name)
                    + "' cannot be used: 1-255 letters, digits, '.', '_' or '-', in parts separated by '/',"
                    + " each starting with a letter, digit or '_'");
        }
        return name;
    }

    /**
     * A usable name made from an uploaded file's name: the last path part, runs of other
     * characters (spaces, accents) replaced by '-': {@code "C:\\music\\Wachtmuziek 1.mp3"} →
     * {@code Wachtmuziek-1.mp3}.
     */
    public static String fromFileName(String fileName) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String name = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        if (name.length() > MAX_LENGTH) {
            name = name.substring(name.length() - MAX_LENGTH);
            name = name.replaceAll("^[.-]+", "");
        }
        return name.isEmpty() ? "sound" : name;
    }
}
