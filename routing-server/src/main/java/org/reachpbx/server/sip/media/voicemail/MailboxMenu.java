package org.reachpbx.server.sip.media.voicemail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.directory.integrations.VoicemailState;
import org.reachpbx.integrations.voicemail.Box;
import org.reachpbx.integrations.voicemail.VoicemailMailbox.PinChange;
import org.reachpbx.media.dtmf.DigitSpec;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.play.PromptLibrary;
import org.reachpbx.media.record.RecordSpec;
import org.reachpbx.media.record.Recording;
import org.reachpbx.rules.vocabulary.Language;
import org.reachpbx.server.sip.media.MediaProperties;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.Prompts;
import org.reachpbx.server.sip.media.ServedCall;

/**
 * Listening to voicemail by phone. 920 asks for a voicemail extension's number (a user's number is
 * refused, VM-T3) and its password (VM-03); 1233 is the same menu for the caller's own box without
 * the mailbox question, with a password only when the user's settings ask for one (VM-07).
 * <ul>
 *   <li>"You have N new messages", then each new message with {@code 6} next, {@code 5} repeat,
 *       {@code 7} delete.</li>
 *   <li>Without new messages: {@code 1} old messages, {@code 0} options.</li>
 *   <li>Options: {@code 1} record the greeting (listen, keep, record again), {@code 2} change the
 *       password, {@code 3} change the language.</li>
 * </ul>
 * Three wrong passwords, or {@code pbx.media.menu-retries} prompts without a key, end the call.
 * Each change of a message's state updates message waiting (through the voicemail store).
 */
public final class MailboxMenu implements MediaScript {

    private static final int MAX_WRONG_PASSWORDS = 3;

    private String box;
    private final boolean askMailbox;
    private Prompts p;
    private int wrong;
    private int unanswered;
    private List<VoicemailMessage> messages = List.of();
    private boolean listeningNew;

    private MailboxMenu(String box, boolean askMailbox) {
        this.box = box;
        this.askMailbox = askMailbox;
    }

    /** 1233: the caller's own box. */
    public static MailboxMenu ownBox(String box) {
        return new MailboxMenu(box, false);
    }

    /** 920: any voicemail extension, by number and password. */
    public static MailboxMenu anyVoicemailExtension() {
        return new MailboxMenu(null, true);
    }

    @Override
    public void start(ServedCall call) {
        String languageOf = box != null ? box : call.leg().callerUser();
        call.background(() -> languageOf == null ? Optional.<Box>empty()
                : vm(call).boxes().find(call.leg().tenantId(), languageOf), known -> {
                    p = call.services().prompts(known.map(Box::language).orElse(call.leg().language()));
                    if (askMailbox) {
                        askMailbox(call);
                    } else {
                        askPassword(call);
                    }
                });
    }

    // ---- who: mailbox and password ----

    private void askMailbox(ServedCall call) {
        call.ask(p.of("vm-enter-mailbox"), digits(call, 5), number -> {
            if (number.isEmpty()) {
                unanswered(call, () -> askMailbox(call));
                return;
            }
            call.background(() -> vm(call).boxes().find(call.leg().tenantId(), number), found -> {
                if (found.isEmpty() || found.get().personal()) {
                    // VM-T3: a user extension's number is no voicemail extension.
                    wrongAnswer(call, "vm-not-a-mailbox", () -> askMailbox(call));
                    return;
                }
                box = number;
                p = p.in(found.get().language());
                askPassword(call);
            });
        });
    }

    private void askPassword(ServedCall call) {
        long tenant = call.leg().tenantId();
        call.background(() -> vm(call).mailbox().needsPin(tenant, box), needed -> {
            if (!needed) {
                summary(call);
                return;
            }
            call.ask(p.of("vm-enter-password"), digits(call, 8), pin -> {
                if (pin.isEmpty()) {
                    unanswered(call, () -> askPassword(call));
                    return;
                }
                call.background(() -> vm(call).mailbox().pinOpens(tenant, box, pin), opens -> {
                    if (opens) {
                        summary(call);
                    } else {
                        wrongAnswer(call, "vm-wrong-password", () -> askPassword(call));
                    }
                });
            });
        });
    }

    /** A wrong mailbox or password: said, counted, and after three the call ends. */
    private void wrongAnswer(ServedCall call, String prompt, Runnable again) {
        if (++wrong >= MAX_WRONG_PASSWORDS) {
            call.play(p.of(prompt, "vm-goodbye"), call::hangUp);
        } else {
            call.play(p.of(prompt), again);
        }
    }

    private void unanswered(ServedCall call, Runnable again) {
        if (++unanswered >= call.services().properties().getMenuRetries()) {
            call.play(p.of("vm-goodbye"), call::hangUp);
        } else {
            again.run();
        }
    }

    // ---- messages ----

    private void summary(ServedCall call) {
        load(call, VoicemailState.NEW, list -> {
            List<Prompt> said = p.count(list.size(), "vm-no-new-messages", "vm-new-message", "vm-new-messages");
            if (list.isEmpty()) {
                call.play(said, () -> mainMenu(call));
            } else {
                listeningNew = true;
                messages = list;
                call.play(said, () -> message(call, 0));
            }
        });
    }

    private void load(ServedCall call, VoicemailState state, java.util.function.Consumer<List<VoicemailMessage>> next) {
        long tenant = call.leg().tenantId();
        String of = box;
        call.background(() -> {
            List<VoicemailMessage> list = new ArrayList<>(vm(call).messages().list(tenant, of, state));
            java.util.Collections.reverse(list); // oldest first, as they came in
            return list;
        }, next);
    }

    private void mainMenu(ServedCall call) {
        call.ask(p.of("vm-menu-main"), digits(call, 1), key -> {
            switch (key) {
                case "1" -> load(call, VoicemailState.OLD, list -> {
                    if (list.isEmpty()) {
                        call.play(p.of("vm-no-messages"), () -> mainMenu(call));
                    } else {
                        listeningNew = false;
                        messages = list;
                        message(call, 0);
                    }
                });
                case "0" -> options(call);
                case "" -> unanswered(call, () -> mainMenu(call));
                default -> call.play(p.of("vm-invalid-choice"), () -> mainMenu(call));
            }
        });
    }

    /** Plays message {@code i} and its menu: 6 next, 5 repeat, 7 delete. */
    private void message(ServedCall call, int i) {
        if (i >= messages.size()) {
            call.play(p.of("vm-end-of-messages"), () -> mainMenu(call));
            return;
        }
        VoicemailMessage m = messages.get(i);
        long tenant = call.leg().tenantId();
        String of = box;
        call.background(() -> PromptLibrary.fromWav("message-" + m.getId(), vm(call).messages().audio(tenant, of, m.getId()), 100),
                audio -> messageMenu(call, i, List.of(audio, p.get("vm-menu-new"))));
    }

    private void messageMenu(ServedCall call, int i, List<Prompt> said) {
        VoicemailMessage m = messages.get(i);
        long tenant = call.leg().tenantId();
        String of = box;
        call.ask(said, digits(call, 1), key -> {
            switch (key) {
                case "6" -> call.background(() -> listeningNew ? vm(call).messages().markOld(tenant, of, m.getId()) : m,
                        done -> message(call, i + 1));
                case "5" -> message(call, i);
                case "7" -> call.background(() -> {
                    vm(call).messages().delete(tenant, of, m.getId());
                    return m;
                }, done -> {
                    messages = new ArrayList<>(messages);
                    messages.remove(i);
                    call.play(p.of("vm-message-deleted"), () -> message(call, i));
                });
                case "" -> unanswered(call, () -> messageMenu(call, i, p.of("vm-menu-new")));
                default -> call.play(p.of("vm-invalid-choice"), () -> messageMenu(call, i, p.of("vm-menu-new")));
            }
        });
    }

    // ---- options ----

    private void options(ServedCall call) {
        call.ask(p.of("vm-menu-options"), digits(call, 1), key -> {
            switch (key) {
                case "1" -> recordGreeting(call);
                case "2" -> changePassword(call);
                case "3" -> changeLanguage(call);
                case "" -> unanswered(call, () -> options(call));
                default -> mainMenu(call);
            }
        });
    }

    private void recordGreeting(ServedCall call) {
        MediaProperties props = call.services().properties();
        call.play(List.of(p.get("vm-menu-greeting"), p.beep()), () -> call.record(
                new RecordSpec(java.time.Duration.ofSeconds(60), props.getMessageSilence(), '#'), greeting -> {
                    if (call.over()) {
                        call.release(); // hung up while recording: the old greeting stays
                    } else if (greeting.voiced().compareTo(props.getMinMessage()) < 0) {
                        call.play(p.of("vm-invalid-choice"), () -> options(call));
                    } else {
                        review(call, greeting);
                    }
                }));
    }

    /** The new greeting: 1 listen, 2 keep, 3 record again. */
    private void review(ServedCall call, Recording greeting) {
        call.ask(p.of("vm-greeting-review"), digits(call, 1), key -> {
            switch (key) {
                case "1" -> call.play(List.of(PromptLibrary.fromWav("new-greeting", greeting.wav(), 100)),
                        () -> review(call, greeting));
                case "2" -> call.background(() -> {
                    vm(call).mailbox().saveGreeting(call.leg().tenantId(), box, greeting.wav());
                    return greeting;
                }, saved -> call.play(p.of("vm-greeting-saved"), () -> options(call)));
                case "3" -> recordGreeting(call);
                case "" -> unanswered(call, () -> review(call, greeting));
                default -> call.play(p.of("vm-invalid-choice"), () -> review(call, greeting));
            }
        });
    }

    private void changePassword(ServedCall call) {
        call.ask(p.of("vm-enter-new-password"), digits(call, 8), pin -> {
            if (pin.isEmpty()) {
                unanswered(call, () -> options(call));
                return;
            }
            call.background(() -> vm(call).mailbox().changePin(call.leg().tenantId(), box, pin), (PinChange change) ->
                    call.play(p.of(change.accepted() ? "vm-password-changed" : "vm-invalid-choice"), () -> options(call)));
        });
    }

    private void changeLanguage(ServedCall call) {
        call.ask(p.of("vm-choose-language"), digits(call, 1), key -> {
            Language chosen = switch (key) {
                case "1" -> Language.NL;
                case "2" -> Language.EN;
                case "3" -> Language.DE;
                default -> null;
            };
            if (chosen == null) {
                call.play(p.of("vm-invalid-choice"), () -> options(call));
                return;
            }
            call.background(() -> {
                vm(call).mailbox().changeLanguage(call.leg().tenantId(), box, chosen);
                return chosen;
            }, done -> {
                p = p.in(chosen);
                call.play(p.of("vm-language-changed"), () -> options(call));
            });
        });
    }

    // ---- helpers ----

    private static Voicemail vm(ServedCall call) {
        return call.services().voicemail();
    }

    private static DigitSpec digits(ServedCall call, int max) {
        MediaProperties props = call.services().properties();
        return new DigitSpec(max, max == 1 ? 0 : '#', props.getFirstDigit(), props.getInterDigit(), true);
    }
}
