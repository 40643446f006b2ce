package org.reachpbx.directory.model;

/**
 * Normalisation of account phone numbers to E.164. Admins type numbers the Dutch way
 * ({@code 0201110000}, {@code 0031201110000}) or in E.164; the store keeps E.164 only, so a number
 * has one spelling everywhere it is referenced.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * Returns the E.164 form of a Dutch national or international number, or the input unchanged
     * when it is not recognisably a phone number (validation then reports it).
     */
    public static String toE164(String number) {
        if (number == null) {
            return null;
        }
        String n = number.replace(" ", "").replace("-", "");
        if (n.startsWith("+")) {
            return n;
        }
        if (n.startsWith("00") && n.length() > 4) {
            return "+" + n.substring(2);
        }
        if (n.startsWith("0") && n.length() > 1) {
            return "+31" + n.substring(1);
        }
        return number;
    }

    /** National Dutch form used by the rules for matching (ACC-08): +31 → 0, other + → 00. */
    public static String toNational(String e164) {
        if (e164 == null) {
            return null;
        }
        if (e164.startsWith("+31")) {
            return "0" + e164.substring(3);
        }
        if (e164.startsWith("+")) {
            return "00" + e164.substring(1);
        }
        return e164;
    }

    /** True for a Dutch mobile number (06…) in E.164 form. */
    public static boolean isDutchMobile(String e164) {
        return e164 != null && e164.startsWith("+316");
    }
}
