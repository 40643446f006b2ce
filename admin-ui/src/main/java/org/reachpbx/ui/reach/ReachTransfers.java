package org.reachpbx.ui.reach;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.ui.ConfirmDelete;

/**
 * What an admin does with a user's whole REACH configuration, each after a confirmation that says
 * what is lost: copy it over other users (REACH-23 to 25), reassign it to another user (REACH-21)
 * and clear it (REACH-22). Each works on a fresh draft and is stored at once, all-or-nothing.
 */
final class ReachTransfers extends VerticalLayout {

    /** The REACH view this section belongs to: its tenant draft, its save and its feedback. */
    interface Host {
        Tenant draft();

        /** Saves through the tenant editor; false (with the problems shown) when nothing was stored. */
        boolean store(Tenant draft);

        /** Audits the stored change, tells the admin {@code message} and shows user {@code number} again. */
        void stored(String action, String detail, String message, String number);

        String text(String key, Object... params);
    }

    private final Host host;
    private final String sourceNumber;

    ReachTransfers(Host host, UserExtension source) {
        this.host = host;
        this.sourceNumber = source.getNumber();
        setPadding(false);
        Map<String, String> others = host.draft().getUsers().stream()
                .filter(u -> !u.getNumber().equals(sourceNumber))
                .sorted(Comparator.comparing(UserExtension::getNumber))
                .collect(Collectors.toMap(UserExtension::getNumber, UserExtension::getName, (a, b) -> a,
                        LinkedHashMap::new));
        add(new H3(host.text("reach.copy")), copy(others),
                new H3(host.text("reach.reassign")), reassign(others),
                new H3(host.text("reach.clear")), clear(source));
    }

    // ---- copy (REACH-23) ----------------------------------------------------------------------

    private VerticalLayout copy(Map<String, String> others) {
        MultiSelectComboBox<String> targets = new MultiSelectComboBox<>(host.text("reach.copy.targets"));
        targets.setId("copy-targets");
        targets.setWidth("30em");
        targets.setItems(others.keySet());
        targets.setItemLabelGenerator(n -> n + " " + others.get(n));
        Button all = new Button(host.text("reach.copy.all"), e -> targets.setValue(others.keySet()));
        all.setId("copy-all");
        Button preview = new Button(host.text("reach.copy.button"),
                e -> confirmCopy(List.copyOf(new TreeSet<>(targets.getValue()))));
        preview.setId("copy");
        return section("reach.copy.help", targets, all, preview);
    }

    private void confirmCopy(List<String> targetNumbers) {
        if (targetNumbers.isEmpty()) {
            Notification.show(host.text("reach.copy.none"), 3000, Notification.Position.MIDDLE);
            return;
        }
        Tenant draft = host.draft();
        UserExtension source = find(draft, sourceNumber);
        UnorderedList changes = new UnorderedList();
        for (String n : targetNumbers) {         // worked out on a draft that is not stored
            UserExtension target = find(draft, n);
            List<String> notes = ReachCopy.copyOnto(source, target, draft.getNumbers());
            changes.add(item(host.text("reach.copy.confirm.target", n, target.getName()), notes));
        }
        confirm("copy", host.text("reach.copy.confirm.title", sourceNumber), host.text("reach.copy.confirm.warning"),
                changes, host.text("reach.copy.confirm.ok"), () -> applyCopy(targetNumbers));
    }

    private void applyCopy(List<String> targetNumbers) {
        Tenant draft = host.draft();
        UserExtension source = find(draft, sourceNumber);
        List<String> notes = new ArrayList<>();
        for (String n : targetNumbers) {
            notes.addAll(ReachCopy.copyOnto(source, find(draft, n), draft.getNumbers()).stream()
                    .map(x -> n + ": " + x).toList());
        }
        if (host.store(draft)) {
            host.stored("REACH: copy", "from " + sourceNumber + " to " + String.join(", ", targetNumbers)
                            + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)),
                    host.text("reach.copy.done", String.join(", ", targetNumbers)), sourceNumber);
        }
    }

    // ---- reassign (REACH-21) ------------------------------------------------------------------

    private VerticalLayout reassign(Map<String, String> others) {
        ComboBox<String> target = new ComboBox<>(host.text("reach.reassign.target"));
        target.setId("reassign-target");
        target.setWidth("22em");
        target.setItems(others.keySet());
        target.setItemLabelGenerator(n -> n + " " + others.get(n));
        Button preview = new Button(host.text("reach.reassign.button"), e -> confirmReassign(target.getValue()));
        preview.setId("reassign");
        return section("reach.reassign.help", target, preview);
    }

    private void confirmReassign(String targetNumber) {
        if (targetNumber == null) {
            Notification.show(host.text("reach.reassign.none"), 3000, Notification.Position.MIDDLE);
            return;
        }
        Tenant draft = host.draft();                // worked out on a draft that is not stored
        UserExtension source = find(draft, sourceNumber);
        UserExtension target = find(draft, targetNumber);
        ReachCopy.Reassigned r = ReachCopy.reassign(source, target, draft.getNumbers());
        UnorderedList changes = new UnorderedList(
                item(host.text("reach.reassign.confirm.target", targetNumber, target.getName()), r.targetNotes()),
                item(host.text("reach.reassign.confirm.source", sourceNumber, source.getName()), r.sourceNotes()));
        confirm("reassign", host.text("reach.reassign.confirm.title", sourceNumber, targetNumber),
                host.text("reach.reassign.confirm.warning"), changes, host.text("reach.reassign.confirm.ok"),
                () -> applyReassign(targetNumber));
    }

    private void applyReassign(String targetNumber) {
        Tenant draft = host.draft();
        ReachCopy.Reassigned r = ReachCopy.reassign(find(draft, sourceNumber), find(draft, targetNumber),
                draft.getNumbers());
        List<String> notes = new ArrayList<>(r.targetNotes());
        notes.addAll(r.sourceNotes());
        if (host.store(draft)) {
            host.stored("REACH: reassign", "from " + sourceNumber + " to " + targetNumber
                            + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)),
                    host.text("reach.reassign.done", sourceNumber, targetNumber), targetNumber);
        }
    }

    // ---- clear (REACH-22) ---------------------------------------------------------------------

    private VerticalLayout clear(UserExtension source) {
        Button clear = new Button(host.text("reach.clear.button"), e -> ConfirmDelete.open(
                host.text("reach.clear.confirm.title", sourceNumber),
                host.text("reach.clear.confirm.text", sourceNumber, source.getName()),
                host.text("reach.clear.confirm.ok"), host.text("reach.cancel"), this::applyClear));
        clear.setId("reach-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return section("reach.clear.help", clear);
    }

    private void applyClear() {
        Tenant draft = host.draft();
        List<String> notes = ReachEdits.clear(find(draft, sourceNumber), draft.getNumbers());
        if (host.store(draft)) {
            host.stored("REACH: clear", "user " + sourceNumber + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)),
                    host.text("reach.clear.done", sourceNumber), sourceNumber);
        }
    }

    // ---- shared -------------------------------------------------------------------------------

    private VerticalLayout section(String helpKey, com.vaadin.flow.component.Component... controls) {
        HorizontalLayout line = new HorizontalLayout(controls);
        line.setAlignItems(Alignment.BASELINE);
        VerticalLayout section = new VerticalLayout(new Paragraph(host.text(helpKey)), line);
        section.setPadding(false);
        return section;
    }

    private static ListItem item(String text, List<String> notes) {
        ListItem item = new ListItem(text);
        if (!notes.isEmpty()) {
            UnorderedList list = new UnorderedList();
            notes.forEach(n -> list.add(new ListItem(n)));
            item.add(list);
        }
        return item;
    }

    /** The confirmation of an overwrite: what is lost, every change, and the button that does it. */
    private void confirm(String id, String title, String warning, UnorderedList changes, String okLabel,
            Runnable apply) {
        Dialog dialog = new Dialog();
        dialog.setId(id + "-dialog");
        dialog.setHeaderTitle(title);
        changes.setId(id + "-changes");
        dialog.add(new Paragraph(warning), changes);
        Button ok = new Button(okLabel, e -> {
            dialog.close();
            apply.run();
        });
        ok.setId(id + "-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(host.text("reach.cancel"), e -> dialog.close());
        cancel.setId(id + "-cancel");
        dialog.getFooter().add(cancel, ok);
        dialog.open();
    }

    private static UserExtension find(Tenant tenant, String number) {
        return tenant.getUsers().stream().filter(x -> x.getNumber().equals(number)).findFirst()
                .orElseThrow(() -> new IllegalStateException("user " + number + " is gone"));
    }
}
