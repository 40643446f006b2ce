package org.reachpbx.directory.sound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reachpbx.directory.model.AutoAnswerExtension;
import org.reachpbx.directory.model.ExtensionChooserExtension;
import org.reachpbx.directory.model.IvrExtension;
import org.reachpbx.directory.model.LbrExtension;
import org.reachpbx.directory.model.QueueExtension;
import org.reachpbx.directory.model.SoundFile;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.VoicemailExtension;

/**
 * Where a tenant's configuration names a sound file: the account music on hold (MOH-01), a queue's
 * intro, infotainment and playlist (QUE-29 … QUE-31), a voicemail extension's greeting (VM-02), the
 * message of an auto answer (AA-02), the menu of an IVR (IVR-01), an extension chooser's prompt and
 * a postal-code LBR's prompt. Each place is written as a YAML path with the extension's number in
 * the brackets, as the audit trail names list items: {@code queues[400].intro},
 * {@code musicOnHold[0].file}.
 */
public final class SoundReferences {

    private SoundReferences() {
    }

    /** Sound name → the places that use it, in document order. */
    public static Map<String, List<String>> of(Tenant t) {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        playlist(refs, "musicOnHold", t.getMusicOnHold());
        for (VoicemailExtension v : t.getVoicemails()) {
            add(refs, v.getGreeting(), "voicemails[" + v.getNumber() + "].greeting");
        }
        for (AutoAnswerExtension a : t.getAutoAnswers()) {
            add(refs, a.getSound(), "autoAnswers[" + a.getNumber() + "].sound");
        }
        for (IvrExtension i : t.getIvrs()) {
            add(refs, i.getSound(), "ivrs[" + i.getNumber() + "].sound");
        }
        for (QueueExtension q : t.getQueues()) {
            String at = "queues[" + q.getNumber() + "].";
            add(refs, q.getIntro(), at + "intro");
            playlist(refs, at + "infotainment", q.getInfotainment());
            playlist(refs, at + "musicOnHoldPlaylist", q.getMusicOnHoldPlaylist());
        }
        for (ExtensionChooserExtension x : t.getExtensionChoosers()) {
            add(refs, x.getSound(), "extensionChoosers[" + x.getNumber() + "].sound");
        }
        for (LbrExtension l : t.getLbrs()) {
            add(refs, l.getSound(), "lbrs[" + l.getNumber() + "].sound");
        }
        return refs;
    }

    private static void playlist(Map<String, List<String>> refs, String path, List<SoundFile> files) {
        for (int i = 0; i < files.size(); i++) {
            add(refs, files.get(i).getFile(), path + "[" + i + "].file");
        }
    }

    private static void add(Map<String, List<String>> refs, String name, String path) {
        if (name != null && !name.isBlank()) {
            refs.computeIfAbsent(name, n -> new ArrayList<>()).add(path);
        }
    }
}
