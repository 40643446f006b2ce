package org.reachpbx.server.sip.media;

import java.util.ArrayList;
import java.util.List;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.play.PromptLibrary;
import org.reachpbx.rules.vocabulary.Language;

/**
 * The prompts of one language (media/prompts/README.md lists the names), and the few sentences
 * built from several of them ("you have 3 new messages").
 */
public final class Prompts {

    private final PromptLibrary library;
    private final String language;

    public Prompts(PromptLibrary library, Language language) {
        this.library = library;
        this.language = language == null ? "nl" : language.name().toLowerCase();
    }

    public Prompts in(Language other) {
        return new Prompts(library, other);
    }

    public Prompt get(String name) {
        return library.get(language, name);
    }

    public List<Prompt> of(String... names) {
        List<Prompt> list = new ArrayList<>(names.length);
        for (String name : names) {
            list.add(get(name));
        }
        return list;
    }

    /** The tone before a recording. */
    public Prompt beep() {
        return library.get("tones", "beep");
    }

    /**
     * "You have N new/old messages": {@code none} for 0, the singular prompt alone for 1 (it says
     * "one" itself, so German agrees), else "you have", the number (up to 99) and the plural.
     */
    public List<Prompt> count(int n, String none, String singular, String plural) {
        if (n <= 0) {
            return of(none);
        }
        if (n == 1) {
            return of("vm-you-have", singular);
        }
        return of("vm-you-have", "number-" + Math.min(n, 99), plural);
    }
}
