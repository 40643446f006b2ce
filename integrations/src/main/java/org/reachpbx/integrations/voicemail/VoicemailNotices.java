package org.reachpbx.integrations.voicemail;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.rules.vocabulary.Language;
import org.springframework.stereotype.Component;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * The text of voicemail e-mails and SMS messages in the box's language (Dutch, English, German),
 * from the templates in {@code voicemail/notification*.properties}, with the time in the tenant's
 * time zone.
 */
@Component
public class VoicemailNotices {

    /** The rendered e-mail. */
    public record Email(String subject, String body) {
    }

    private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("${", "}", null, null, true);

    public Email email(Box box, VoicemailMessage message) {
        ResourceBundle t = templates(box.language());
        Map<String, String> values = values(box, message, t);
        values.put("attachmentNote", t.getString(box.attachAudio() ? "email.attachment" : "email.noAttachment"));
        values.put("deleteNote", box.deleteAfterEmail() ? t.getString("email.deleted") : "");
        return new Email(render(t.getString("email.subject"), values), render(t.getString("email.body"), values));
    }

    public String sms(Box box, VoicemailMessage message) {
        ResourceBundle t = templates(box.language());
        return render(t.getString("sms.text"), values(box, message, t));
    }

    private static Map<String, String> values(Box box, VoicemailMessage m, ResourceBundle t) {
        Locale locale = Locale.forLanguageTag(t.getString("locale"));
        Map<String, String> v = new HashMap<>();
        String number = m.getCallerNumber() == null || m.getCallerNumber().isBlank() ? null : m.getCallerNumber();
        String name = m.getCallerName() == null || m.getCallerName().isBlank() ? null : m.getCallerName();
        v.put("callerNumber", number == null ? t.getString("anonymous") : number);
        v.put("callerName", name == null ? "" : name);
        v.put("caller", number == null ? t.getString("anonymous") : name == null ? number : number + " (" + name + ")");
        v.put("box", box.number());
        v.put("boxName", box.name());
        var local = m.getReceivedAt().atZone(box.zone());
        v.put("time", DateTimeFormatter.ofPattern(t.getString("time.pattern"), locale).format(local));
        v.put("shortTime", DateTimeFormatter.ofPattern(t.getString("time.short"), locale).format(local));
        long seconds = Math.round(m.getDurationMillis() / 1000.0);
        v.put("duration", String.format("%d:%02d", seconds / 60, seconds % 60));
        return v;
    }

    private static String render(String template, Map<String, String> values) {
        return PLACEHOLDERS.replacePlaceholders(template, values::get);
    }

    private static ResourceBundle templates(Language language) {
        Locale locale = switch (language == null ? Language.NL : language) {
            case NL -> Locale.forLanguageTag("nl");
            case DE -> Locale.GERMAN;
            case EN -> Locale.ROOT;
        };
        // No fallback to the JVM's default locale: the box's language decides, English is the base.
        return ResourceBundle.getBundle("voicemail.notification", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
