package org.reachpbx.ui.config;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reachpbx.directory.model.*;

/** The lists of a tenant the configuration editors edit, one {@link Kind} each. */
public final class Kinds {

    private Kinds() {
    }

    private static <T extends Extension> Kind<T> extension(String id, String yaml, Class<T> type, Supplier<T> factory) {
        return new Kind<>(id, yaml, type, t -> t.ofType(type), Tenant::getExtensions, Extension::getNumber,
                Extension::getName, factory);
    }

    /** The 13 extension types, users first, in the order of the tenant YAML. */
    public static List<Kind<?>> extensions() {
        return List.of(
                extension("user", "users", UserExtension.class, UserExtension::new),
                extension("group", "groups", GroupExtension.class, GroupExtension::new),
                extension("voicemail", "voicemails", VoicemailExtension.class, VoicemailExtension::new),
                extension("autoAnswer", "autoAnswers", AutoAnswerExtension.class, AutoAnswerExtension::new),
                extension("ivr", "ivrs", IvrExtension.class, IvrExtension::new),
                extension("queue", "queues", QueueExtension.class, QueueExtension::new),
                extension("extensionChooser", "extensionChoosers", ExtensionChooserExtension.class,
                        ExtensionChooserExtension::new),
                extension("system", "systemExtensions", SystemExtension.class, SystemExtension::new),
                extension("lbr", "lbrs", LbrExtension.class, LbrExtension::new),
                extension("tbr", "tbrs", TbrExtension.class, TbrExtension::new),
                extension("callLimit", "callLimits", CallLimitExtension.class, CallLimitExtension::new),
                extension("forward", "forwards", ForwardExtension.class, ForwardExtension::new),
                extension("ai", "aiExtensions", AiExtension.class, AiExtension::new));
    }

    private static <T> Kind<T> plain(String id, String yaml, Class<T> type, Function<Tenant, List<T>> list,
                                     Function<T, String> key, Function<T, String> name, Supplier<T> factory) {
        return new Kind<>(id, yaml, type, list, t -> (List<? super T>) list.apply(t), key, name, factory);
    }

    public static Kind<PhoneNumber> numbers() {
        return plain("number", "numbers", PhoneNumber.class, Tenant::getNumbers, PhoneNumber::getNumber,
                n -> n.getOwner() == null ? "" : n.getOwner(), PhoneNumber::new);
    }

    public static Kind<Channel> channels() {
        return plain("channel", "channels", Channel.class, Tenant::getChannels, Channel::getName,
                c -> c.getCoupledUser() == null ? "" : c.getCoupledUser(), Channel::new);
    }

    public static Kind<PrivacyGroup> privacyGroups() {
        return plain("privacyGroup", "privacyGroups", PrivacyGroup.class, Tenant::getPrivacyGroups,
                PrivacyGroup::getName, PrivacyGroup::getDescription, PrivacyGroup::new);
    }

    public static Kind<NumberPlanSchema> schemas() {
        return plain("schema", "numberPlanSchemas", NumberPlanSchema.class, Tenant::getNumberPlanSchemas,
                s -> String.valueOf(s.getNumber()), NumberPlanSchema::getName, NumberPlanSchema::new);
    }
}
