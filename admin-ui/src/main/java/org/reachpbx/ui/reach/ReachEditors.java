package org.reachpbx.ui.reach;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.reachpbx.directory.model.CallClass;
import org.reachpbx.directory.model.Contact;
import org.reachpbx.directory.model.DeviceSelection;
import org.reachpbx.directory.model.ReachConfig;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.ReachStatus;
import org.reachpbx.directory.model.TimeWindow;
import org.reachpbx.directory.model.UserDevice;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.rules.vocabulary.ForwardCallerId;
import org.reachpbx.rules.vocabulary.Presence;
import org.reachpbx.rules.vocabulary.ProfileSetting;

/**
 * The editors of a user's profiles, statuses and call classes (names, every profile field, the
 * inherit set, status times, call class contacts, caller ID and assistant group). {@link #apply}
 * writes them into a fresh draft of the same configuration (matched by index: add and delete are
 * saved at once, so the indexes of the shown configuration stay valid); {@link #field} finds the
 * editor of a violation path below {@code reach.}.
 */
class ReachEditors {

    private final BiFunction<String, Object[], String> t;
    /** Violation path below "reach." → its field; rebuilt from the current rows when asked. */
    private final List<ProfileEditor> profiles = new ArrayList<>();
    private final List<StatusEditor> statuses = new ArrayList<>();
    private final List<ClassEditor> classes = new ArrayList<>();

    ReachEditors(BiFunction<String, Object[], String> translate) {
        this.t = translate;
    }

    private String tr(String key, Object... params) {
        return t.apply(key, params);
    }

    // ---- profiles --------------------------------------------------------------------------------

    final class ProfileEditor {
        final int index;
        final String originalName;
        final TextField name = new TextField();
        final Map<ProfileSetting, Checkbox> inherit = new EnumMap<>(ProfileSetting.class);
        final TextField callerId = new TextField();
        final TextField forwardAlways = new TextField();
        final TextField forwardOnBusy = new TextField();
        final TextField forwardOnNoAnswer = new TextField();
        final IntegerField noAnswerTimeout = new IntegerField();
        final ComboBox<ForwardCallerId> forwardCallerId = new ComboBox<>();
        final TextField voicemailBox = new TextField();
        final IntegerField ringStepTimeout = new IntegerField();
        final Checkbox assistantGroup = new Checkbox();
        final Map<String, Checkbox> deviceOn = new LinkedHashMap<>();
        final Map<String, IntegerField> deviceStep = new LinkedHashMap<>();
        final List<String> listedDevices = new ArrayList<>();

        ProfileEditor(int index, ReachProfile p) {
            this.index = index;
            this.originalName = p.getName();
        }

        String path() {
            return index == 0 ? "defaultProfile" : "profiles[" + (index - 1) + "]";
        }
    }

    /** One collapsible editor per profile (ids prof-{i}-..., i = 0 the default profile). */
    Component profileEditors(ReachConfig reach, UserExtension u, Consumer<String> delete) {
        profiles.clear();
        VerticalLayout all = new VerticalLayout();
        all.setPadding(false);
        all.setId("reach-profile-editors");
        List<ReachProfile> list = ReachCopy.allProfiles(reach);
        for (int i = 0; i < list.size(); i++) {
            ReachProfile p = list.get(i);
            ProfileEditor e = new ProfileEditor(i, p);
            profiles.add(e);
            String id = "prof-" + i + "-";
            e.name.setLabel(tr("reach.profile.name"));
            e.name.setValue(p.getName());
            e.name.setId(id + "name");
            e.name.setReadOnly(i == 0);
            FormLayout form = new FormLayout();
            form.add(e.name);
            if (i > 0) {
                HorizontalLayout boxes = new HorizontalLayout();
                boxes.setId(id + "inherit");
                boxes.getStyle().set("flex-wrap", "wrap");
                for (ProfileSetting s : ProfileSetting.values()) {
                    Checkbox c = new Checkbox(tr("reach.setting." + s.name()), p.inherits(s));
                    c.setId(id + "inherit-" + s.name());
                    e.inherit.put(s, c);
                    boxes.add(c);
                }
                Span label = new Span(tr("reach.profile.inherits") + ":");
                VerticalLayout inh = new VerticalLayout(label, boxes);
                inh.setPadding(false);
                inh.setSpacing(false);
                form.add(inh, 2);
            }
            text(e.callerId, id + "callerId", "reach.profile.callerId", p.getCallerId());
            text(e.forwardAlways, id + "forwardAlways", "reach.profile.forwardAlways", p.getForwardAlways());
            text(e.forwardOnBusy, id + "forwardOnBusy", "reach.profile.forwardOnBusy", p.getForwardOnBusy());
            text(e.forwardOnNoAnswer, id + "forwardOnNoAnswer", "reach.profile.forwardOnNoAnswer",
                    p.getForwardOnNoAnswer());
            e.noAnswerTimeout.setLabel(tr("reach.profile.noAnswerTimeout"));
            e.noAnswerTimeout.setId(id + "noAnswerTimeout");
            e.noAnswerTimeout.setValue(p.getNoAnswerTimeout());
            e.forwardCallerId.setLabel(tr("reach.profile.forwardCallerId"));
            e.forwardCallerId.setId(id + "forwardCallerId");
            e.forwardCallerId.setItems(ForwardCallerId.USER_CALLER_ID, ForwardCallerId.ORIGINAL_CALLER,
                    ForwardCallerId.CALLED_NUMBER);
            e.forwardCallerId.setItemLabelGenerator(f -> tr("reach.forwardCallerId." + f.name()));
            e.forwardCallerId.setValue(p.getForwardCallerId());
            text(e.voicemailBox, id + "voicemailBox", "reach.profile.voicemailBox", p.getVoicemailBox());
            e.ringStepTimeout.setLabel(tr("reach.profile.ringStepTimeout"));
            e.ringStepTimeout.setId(id + "ringStepTimeout");
            e.ringStepTimeout.setValue(p.getRingStepTimeout());
            e.assistantGroup.setLabel(tr("reach.profile.assistantGroup"));
            e.assistantGroup.setId(id + "assistantGroup");
            e.assistantGroup.setValue(p.isAssistantGroup());
            form.add(e.callerId, e.forwardAlways, e.forwardOnBusy, e.forwardOnNoAnswer, e.noAnswerTimeout,
                    e.forwardCallerId, e.voicemailBox, e.ringStepTimeout, e.assistantGroup);
            // devices: the profile's own, then the user's other devices (off)
            VerticalLayout devices = new VerticalLayout(new Span(tr("reach.profile.devices") + ":"));
            devices.setPadding(false);
            devices.setSpacing(false);
            List<String> names = new ArrayList<>();
            p.getDevices().forEach(d -> names.add(d.getDevice()));
            u.getDevices().stream().map(UserDevice::getName).filter(n -> !names.contains(n)).forEach(names::add);
            for (int d = 0; d < names.size(); d++) {
                String dev = names.get(d);
                DeviceSelection sel = p.getDevices().stream().filter(x -> x.getDevice().equals(dev)).findFirst()
                        .orElse(null);
                if (sel != null) {
                    e.listedDevices.add(dev);
                }
                Checkbox on = new Checkbox(dev, sel != null && sel.isEnabled());
                on.setId(id + "dev-" + d + "-enabled");
                IntegerField step = new IntegerField();
                step.setId(id + "dev-" + d + "-step");
                step.setValue(sel == null ? 1 : sel.getStep());
                step.setWidth("6em");
                step.setPrefixComponent(new Span(tr("reach.profile.step")));
                e.deviceOn.put(dev, on);
                e.deviceStep.put(dev, step);
                HorizontalLayout row = new HorizontalLayout(on, step);
                row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
                devices.add(row);
            }
            form.add(devices, 2);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
            VerticalLayout body = new VerticalLayout(form);
            body.setPadding(false);
            if (i > 0) {
                Button del = new Button(tr("reach.delete"), ev -> delete.accept(p.getName()));
                del.setId(id + "delete");
                del.addThemeVariants(ButtonVariant.LUMO_ERROR);
                body.add(del);
            }
            Details details = new Details(i == 0 ? p.getName() + " (" + tr("reach.profile.default") + ")" : p.getName(),
                    body);
            details.setId(id + "details");
            // every profile open, the default one too, also when the editors are built again after a
            // Save: an admin sees what was saved (issue 17, defect 8)
            details.setOpened(true);
            all.add(details);
        }
        return all;
    }

    private void text(TextField f, String id, String label, String value) {
        f.setId(id);
        f.setLabel(tr(label));
        f.setValue(value == null ? "" : value);
        f.setClearButtonVisible(true);
    }

    // ---- statuses --------------------------------------------------------------------------------

    final class TimeRow {
        final MultiSelectComboBox<DayOfWeek> days = new MultiSelectComboBox<>();
        final ComboBox<DayOfWeek> fromDay = new ComboBox<>();
        final TextField from = new TextField();
        final ComboBox<DayOfWeek> toDay = new ComboBox<>();
        final TextField to = new TextField();
        HorizontalLayout row;
    }

    final class StatusEditor {
        final String originalName;
        final TextField name = new TextField();
        final ComboBox<Presence> presence = new ComboBox<>();
        final List<TimeRow> times = new ArrayList<>();
        final VerticalLayout rows = new VerticalLayout();
        int nextRow;

        StatusEditor(String originalName) {
            this.originalName = originalName;
        }
    }

    Component statusEditors(ReachConfig reach, Consumer<String> delete) {
        statuses.clear();
        VerticalLayout all = new VerticalLayout();
        all.setPadding(false);
        all.setId("reach-status-editors");
        for (int i = 0; i < reach.getStatuses().size(); i++) {
            ReachStatus s = reach.getStatuses().get(i);
            StatusEditor e = new StatusEditor(s.getName());
            statuses.add(e);
            String id = "st-" + i + "-";
            text(e.name, id + "name", "reach.status.name", s.getName());
            e.name.setClearButtonVisible(false);
            e.presence.setLabel(tr("reach.status.presence"));
            e.presence.setId(id + "presence");
            e.presence.setItems(Presence.values());
            e.presence.setItemLabelGenerator(x -> tr("reach.presence." + x.name()));
            e.presence.setValue(s.getPresence());
            Button del = new Button(tr("reach.delete"), ev -> delete.accept(s.getName()));
            del.setId(id + "delete");
            del.addThemeVariants(ButtonVariant.LUMO_ERROR);
            HorizontalLayout head = new HorizontalLayout(e.name, e.presence, del);
            head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            e.rows.setPadding(false);
            e.rows.setSpacing(false);
            s.getTimes().forEach(w -> addTimeRow(e, id, w));
            Button addTime = new Button(tr("reach.status.addTime"), ev -> addTimeRow(e, id, null));
            addTime.setId(id + "addtime");
            VerticalLayout box = new VerticalLayout(head, new Span(tr("reach.status.times") + ":"), e.rows, addTime);
            box.setPadding(false);
            box.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            all.add(box);
        }
        return all;
    }

    private void addTimeRow(StatusEditor e, String id, TimeWindow w) {
        TimeRow r = new TimeRow();
        String rid = id + "t" + e.nextRow++ + "-";
        r.days.setId(rid + "days");
        r.days.setLabel(tr("reach.time.days"));
        r.days.setItems(DayOfWeek.values());
        r.days.setItemLabelGenerator(d -> tr("reach.day." + d.name()));
        r.fromDay.setId(rid + "fromDay");
        r.fromDay.setLabel(tr("reach.time.fromDay"));
        r.fromDay.setItems(DayOfWeek.values());
        r.fromDay.setItemLabelGenerator(d -> tr("reach.day." + d.name()));
        r.fromDay.setClearButtonVisible(true);
        r.fromDay.setWidth("9em");
        r.from.setId(rid + "from");
        r.from.setLabel(tr("reach.time.from"));
        r.from.setPlaceholder("08:00");
        r.from.setWidth("6em");
        r.toDay.setId(rid + "toDay");
        r.toDay.setLabel(tr("reach.time.toDay"));
        r.toDay.setItems(DayOfWeek.values());
        r.toDay.setItemLabelGenerator(d -> tr("reach.day." + d.name()));
        r.toDay.setClearButtonVisible(true);
        r.toDay.setWidth("9em");
        r.to.setId(rid + "to");
        r.to.setLabel(tr("reach.time.to"));
        r.to.setPlaceholder("18:00");
        r.to.setWidth("6em");
        if (w != null) {
            r.days.setValue(new java.util.TreeSet<>(w.getDays()));
            r.fromDay.setValue(w.getFromDay());
            r.toDay.setValue(w.getToDay());
            r.from.setValue(w.getFrom() == null ? "" : w.getFrom());
            r.to.setValue(w.getTo() == null ? "" : w.getTo());
        }
        Button remove = new Button(tr("reach.remove"), ev -> {
            e.times.remove(r);
            e.rows.remove(r.row);
        });
        remove.setId(rid + "remove");
        r.row = new HorizontalLayout(r.days, r.fromDay, r.from, r.toDay, r.to, remove);
        r.row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        e.times.add(r);
        e.rows.add(r.row);
    }

    // ---- call classes ------------------------------------------------------------------------------

    final class ContactRow {
        final TextField name = new TextField();
        final TextField number = new TextField();
        HorizontalLayout row;
    }

    final class ClassEditor {
        final String originalName;
        final TextField name = new TextField();
        final TextField callerId = new TextField();
        final Checkbox assistant = new Checkbox();
        final List<ContactRow> contacts = new ArrayList<>();
        final VerticalLayout rows = new VerticalLayout();
        int nextRow;

        ClassEditor(String originalName) {
            this.originalName = originalName;
        }
    }

    Component classEditors(ReachConfig reach, Consumer<String> delete) {
        classes.clear();
        VerticalLayout all = new VerticalLayout();
        all.setPadding(false);
        all.setId("reach-callclass-editors");
        for (int i = 0; i < reach.getCallClasses().size(); i++) {
            CallClass c = reach.getCallClasses().get(i);
            ClassEditor e = new ClassEditor(c.getName());
            classes.add(e);
            String id = "cc-" + i + "-";
            text(e.name, id + "name", "reach.callClass.name", c.getName());
            e.name.setClearButtonVisible(false);
            text(e.callerId, id + "callerId", "reach.profile.callerId", c.getCallerId());
            e.assistant.setLabel(tr("reach.callClass.assistantGroupAllowed"));
            e.assistant.setId(id + "assistant");
            e.assistant.setValue(c.isAssistantGroupAllowed());
            Button del = new Button(tr("reach.delete"), ev -> delete.accept(c.getName()));
            del.setId(id + "delete");
            del.addThemeVariants(ButtonVariant.LUMO_ERROR);
            HorizontalLayout head = new HorizontalLayout(e.name, e.callerId, e.assistant, del);
            head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            e.rows.setPadding(false);
            e.rows.setSpacing(false);
            c.getContacts().forEach(k -> addContactRow(e, id, k));
            Button add = new Button(tr("reach.callClass.addContact"), ev -> addContactRow(e, id, null));
            add.setId(id + "addcontact");
            VerticalLayout box = new VerticalLayout(head, new Span(tr("reach.callClass.contacts") + ":"), e.rows, add);
            box.setPadding(false);
            box.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            all.add(box);
        }
        return all;
    }

    private void addContactRow(ClassEditor e, String id, Contact k) {
        ContactRow r = new ContactRow();
        String rid = id + "k" + e.nextRow++ + "-";
        r.name.setId(rid + "name");
        r.name.setLabel(tr("reach.contact.name"));
        r.number.setId(rid + "number");
        r.number.setLabel(tr("reach.contact.number"));
        if (k != null) {
            r.name.setValue(k.getName() == null ? "" : k.getName());
            r.number.setValue(k.getNumber() == null ? "" : k.getNumber());
        }
        Button remove = new Button(tr("reach.remove"), ev -> {
            e.contacts.remove(r);
            e.rows.remove(r.row);
        });
        remove.setId(rid + "remove");
        r.row = new HorizontalLayout(r.name, r.number, remove);
        r.row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        e.contacts.add(r);
        e.rows.add(r.row);
    }

    // ---- apply and violations ------------------------------------------------------------------------

    /** Writes the editors into {@code reach} (a fresh draft of the shown one); returns a line per change for the audit. */
    List<String> apply(ReachConfig reach) {
        List<String> changes = new ArrayList<>();
        List<ReachProfile> all = ReachCopy.allProfiles(reach);
        for (ProfileEditor e : profiles) {
            if (e.index >= all.size()) {
                continue;
            }
            ReachProfile p = all.get(e.index);
            if (e.index > 0) {
                List<ProfileSetting> inherit = new ArrayList<>();
                e.inherit.forEach((s, c) -> {
                    if (c.getValue()) {
                        inherit.add(s);
                    }
                });
                p.setInherit(inherit);
            }
            p.setCallerId(blank(e.callerId.getValue()));
            p.setForwardAlways(blank(e.forwardAlways.getValue()));
            p.setForwardOnBusy(blank(e.forwardOnBusy.getValue()));
            p.setForwardOnNoAnswer(blank(e.forwardOnNoAnswer.getValue()));
            p.setNoAnswerTimeout(e.noAnswerTimeout.getValue() == null ? 0 : e.noAnswerTimeout.getValue());
            p.setForwardCallerId(e.forwardCallerId.getValue());
            p.setVoicemailBox(blank(e.voicemailBox.getValue()));
            p.setRingStepTimeout(e.ringStepTimeout.getValue() == null ? 0 : e.ringStepTimeout.getValue());
            p.setAssistantGroup(e.assistantGroup.getValue());
            List<DeviceSelection> devices = new ArrayList<>();
            e.deviceOn.forEach((dev, on) -> {
                if (on.getValue() || e.listedDevices.contains(dev)) {
                    DeviceSelection d = new DeviceSelection();
                    d.setDevice(dev);
                    d.setEnabled(on.getValue());
                    Integer step = e.deviceStep.get(dev).getValue();
                    d.setStep(step == null ? 0 : step);
                    devices.add(d);
                }
            });
            p.setDevices(devices);
            String newName = e.name.getValue().trim();
            if (e.index > 0 && !newName.equals(e.originalName)) {
                changes.add("profile " + e.originalName + " → " + newName);
                ReachEdits.renameProfile(reach, e.originalName, newName);
            }
        }
        for (int i = 0; i < statuses.size() && i < reach.getStatuses().size(); i++) {
            StatusEditor e = statuses.get(i);
            ReachStatus s = reach.getStatuses().get(i);
            s.setPresence(e.presence.getValue());
            List<TimeWindow> times = new ArrayList<>();
            for (TimeRow r : e.times) {
                TimeWindow w = new TimeWindow();
                w.setDays(new ArrayList<>(new java.util.TreeSet<>(r.days.getValue())));
                w.setFromDay(r.fromDay.getValue());
                w.setToDay(r.toDay.getValue());
                w.setFrom(blank(r.from.getValue()));
                w.setTo(blank(r.to.getValue()));
                times.add(w);
            }
            s.setTimes(times);
            String newName = e.name.getValue().trim();
            if (!newName.equals(e.originalName)) {
                changes.add("status " + e.originalName + " → " + newName);
                ReachEdits.renameStatus(reach, e.originalName, newName);
            }
        }
        for (int i = 0; i < classes.size() && i < reach.getCallClasses().size(); i++) {
            ClassEditor e = classes.get(i);
            CallClass c = reach.getCallClasses().get(i);
            c.setCallerId(blank(e.callerId.getValue()));
            c.setAssistantGroupAllowed(e.assistant.getValue());
            List<Contact> contacts = new ArrayList<>();
            for (ContactRow r : e.contacts) {
                Contact k = new Contact();
                k.setName(blank(r.name.getValue()));
                k.setNumber(r.number.getValue().trim());
                contacts.add(k);
            }
            c.setContacts(contacts);
            String newName = e.name.getValue().trim();
            if (!newName.equals(e.originalName)) {
                changes.add("call class " + e.originalName + " → " + newName);
                ReachEdits.renameCallClass(reach, e.originalName, newName);
            }
        }
        return changes;
    }

    /** Every field that can show a violation, by its path below "reach.", for the rows shown now. */
    Map<String, HasValidation> fields() {
        Map<String, HasValidation> out = new LinkedHashMap<>();
        for (ProfileEditor e : profiles) {
            String p = e.path() + ".";
            out.put(p + "name", e.name);
            out.put(p + "callerId", e.callerId);
            out.put(p + "forwardAlways", e.forwardAlways);
            out.put(p + "forwardOnBusy", e.forwardOnBusy);
            out.put(p + "forwardOnNoAnswer", e.forwardOnNoAnswer);
            out.put(p + "noAnswerTimeout", e.noAnswerTimeout);
            out.put(p + "forwardCallerId", e.forwardCallerId);
            out.put(p + "voicemailBox", e.voicemailBox);
            out.put(p + "ringStepTimeout", e.ringStepTimeout);
            int d = 0;
            for (Map.Entry<String, Checkbox> dev : e.deviceOn.entrySet()) {
                if (dev.getValue().getValue() || e.listedDevices.contains(dev.getKey())) {
                    out.put(p + "devices[" + d++ + "]", e.deviceStep.get(dev.getKey()));
                }
            }
        }
        for (int i = 0; i < statuses.size(); i++) {
            StatusEditor e = statuses.get(i);
            String p = "statuses[" + i + "]";
            out.put(p, e.name);
            out.put(p + ".name", e.name);
            out.put(p + ".presence", e.presence);
            for (int j = 0; j < e.times.size(); j++) {
                TimeRow r = e.times.get(j);
                String w = p + ".times[" + j + "]";
                out.put(w, r.from);
                out.put(w + ".days", r.days);
                out.put(w + ".fromDay", r.fromDay);
                out.put(w + ".from", r.from);
                out.put(w + ".toDay", r.toDay);
                out.put(w + ".to", r.to);
            }
        }
        for (int i = 0; i < classes.size(); i++) {
            ClassEditor e = classes.get(i);
            String p = "callClasses[" + i + "]";
            out.put(p, e.name);
            out.put(p + ".name", e.name);
            out.put(p + ".callerId", e.callerId);
            for (int j = 0; j < e.contacts.size(); j++) {
                ContactRow r = e.contacts.get(j);
                out.put(p + ".contacts[" + j + "]", r.number);
                out.put(p + ".contacts[" + j + "].name", r.name);
                out.put(p + ".contacts[" + j + "].number", r.number);
            }
        }
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
