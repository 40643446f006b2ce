package org.reachpbx.directory.model;

/** Regular expressions shared by the entities' bean-validation constraints. */
public final class Patterns {
    /** An extension number: 3 to 5 digits; the tenant's length is checked by the tenant validator. */
    public static final String EXTENSION = "\\d{3,5}";
    /** A phone number of the account in E.164 form, after {@link PhoneNumbers#toE164}. */
    public static final String E164 = "\\+[1-9]\\d{6,14}";
    /** A number as dialled towards the outside world: digits, optionally with a leading +; 20 characters at most. */
    public static final String DIALLED_NUMBER = "\\+?\\d{3,19}";
    /** A Dutch area code such as 010, 020 or 0546. */
    public static final String AREA_CODE = "0[1-9]\\d{1,2}";
    /** A time of day as HH:mm; 24:00 is allowed as the end of a day. */
    public static final String TIME_OF_DAY = "(([01]\\d|2[0-3]):[0-5]\\d)|24:00";
    /** SIP user part of a channel. */
    public static final String SIP_USERNAME = "[A-Za-z0-9._-]{1,64}";

    private Patterns() {
    }
}
