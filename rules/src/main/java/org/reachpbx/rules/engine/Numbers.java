package org.reachpbx.rules.engine;

/** Number normalisation for matching (ACC-08): {@code +31}/{@code 0031} become {@code 0}, other {@code +} becomes {@code 00}. */
public final class Numbers {
    private Numbers() {
    }

    /** The national form of a number or dial string; '#', '*' and digits are kept, separators dropped. */
    public static String national(String number) {
        if (number == null) {
            return null;
        }
        String trimmed = number.trim();
        if (trimmed.length() > 4 && trimmed.startsWith("#3") && trimmed.charAt(3) == '#') {
            // A caller-ID code in front (#31#, #3x#, REACH-18/19): the number after it is normalised on its own.
            return trimmed.substring(0, 4) + national(trimmed.substring(4));
        }
        StringBuilder b = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if ((c >= '0' && c <= '9') || c == '#' || c == '*' || (c == '+' && b.length() == 0)) {
                b.append(c);
            }
        }
        String n = b.toString();
        if (n.startsWith("+31")) {
            return "0" + withoutTrunkZero(n.substring(3));
        }
        if (n.startsWith("0031")) {
            return "0" + withoutTrunkZero(n.substring(4));
        }
        if (n.startsWith("+")) {
            return "00" + n.substring(1);
        }
        return n;
    }

    /** "+31 (0)20 …" is written with the trunk 0 after the country code: it is dropped (no Dutch number starts 310). */
    private static String withoutTrunkZero(String subscriber) {
        return subscriber.startsWith("0") ? subscriber.substring(1) : subscriber;
    }

    public static boolean digitsOnly(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** True for a number outside the tenant: national (0…) or international (00…) form. */
    public static boolean isExternal(String national) {
        return national != null && national.startsWith("0");
    }
}
