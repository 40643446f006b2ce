package org.reachpbx.ui.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.model.GroupExtension;
import org.reachpbx.directory.model.NumberPlanSchema;
import org.reachpbx.directory.model.QueueExtension;
import org.reachpbx.directory.model.ScheduleEntry;
import org.reachpbx.directory.model.UserDevice;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.directory.model.TimeWindow;
import org.reachpbx.directory.validation.Violation;

/** The generic form: one field per YAML property of the type, read back into the item. */
class ItemFormTest {

    @Test
    void aUserFormHoldsEveryPropertyOfTheYamlFormat() {
        UserExtension user = new UserExtension();
        user.setNumber("299");
        user.setName("Test Gebruiker");
        user.setCallParking(true);
        ItemForm<UserExtension> form = new ItemForm<>(UserExtension.class, user, true, k -> "!" + k + "!");
        assertThat(form.fields().keySet()).contains("number", "name", "pin", "licence", "areaCode",
                "language", "rights", "secondCallOffering", "callParking", "twinning", "devices", "voicemail");
        assertThat(form.fields().get("name")).isInstanceOf(TextField.class);
        assertThat(form.fields().get("callParking")).isInstanceOf(Checkbox.class);
        assertThat(form.fields().get("licence")).isInstanceOf(ComboBox.class);
        assertThat(form.fields().get("devices")).isInstanceOf(BeanRows.class);
        assertThat(form.fields()).doesNotContainKey("reach"); // edited in the REACH view, linked from the form
        assertThat(((TextField) form.fields().get("name")).getValue()).isEqualTo("Test Gebruiker");

        ((TextField) form.fields().get("name")).setValue("Ander");
        UserExtension read = form.value();
        assertThat(read.getNumber()).isEqualTo("299");
        assertThat(read.getName()).isEqualTo("Ander");
        assertThat(read.isCallParking()).isTrue();
        assertThat(read.getLicence()).isEqualTo(user.getLicence());
    }

    @Test
    void aListOfNumbersIsOneCommaSeparatedLineInOrder() {
        GroupExtension group = new GroupExtension();
        group.setNumber("300");
        group.setName("Sales");
        group.setMembers(new java.util.ArrayList<>(List.of("202", "201")));
        ItemForm<GroupExtension> form = new ItemForm<>(GroupExtension.class, group, true, k -> k);
        TextField members = (TextField) form.fields().get("members");
        assertThat(members.getValue()).isEqualTo("202, 201");
        members.setValue(" 203,201 , ,204");
        assertThat(form.value().getMembers()).containsExactly("203", "201", "204");   // ring order kept
        members.setValue("");
        assertThat(form.value().getMembers()).isEmpty();
    }

    @Test
    void aSetOfChoicesIsAMultiSelectReadBackInTheirOrder() {
        TimeWindow window = new TimeWindow();
        window.setDays(new java.util.ArrayList<>(List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY)));
        ItemForm<TimeWindow> form = new ItemForm<>(TimeWindow.class, window, true, k -> k);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> days = (MultiSelectComboBox<String>) form.fields().get("days");
        assertThat(days.getValue()).containsExactlyInAnyOrder("MONDAY", "FRIDAY");
        days.setValue(java.util.Set.of("WEDNESDAY", "TUESDAY"));
        assertThat(form.value().getDays()).containsExactly(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY);
    }

    @Test
    void aDateIsPicked() {
        QueueExtension queue = new QueueExtension();
        queue.setNumber("500");
        queue.setName("Service");
        queue.setStartDate(LocalDate.of(2026, 12, 1));
        ItemForm<QueueExtension> form = new ItemForm<>(QueueExtension.class, queue, true, k -> k);
        DatePicker start = (DatePicker) form.fields().get("startDate");
        assertThat(start.getValue()).isEqualTo(LocalDate.of(2026, 12, 1));
        start.setValue(LocalDate.of(2027, 1, 4));
        ((DatePicker) form.fields().get("endDate")).setValue(LocalDate.of(2027, 2, 1));
        QueueExtension read = form.value();
        assertThat(read.getStartDate()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(read.getEndDate()).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void aListOfFlatSettingsIsRowsOfFieldsThatCanBeAddedAndRemoved() {
        UserExtension user = new UserExtension();
        user.setNumber("299");
        user.setName("Test");
        UserDevice desk = new UserDevice();
        desk.setName("Bureau");
        desk.setType(DeviceType.FIXED);
        desk.setChannel("k299");
        UserDevice web = new UserDevice();
        web.setName("DESKTOP");
        web.setType(DeviceType.DESKTOP);
        user.setDevices(new java.util.ArrayList<>(List.of(desk, web)));
        ItemForm<UserExtension> form = new ItemForm<>(UserExtension.class, user, true, k -> k);
        BeanRows devices = (BeanRows) form.fields().get("devices");
        assertThat(devices.size()).isEqualTo(2);
        TextField channel = find(devices, "f-devices-0-channel", TextField.class);
        assertThat(channel.getValue()).isEqualTo("k299");
        @SuppressWarnings("unchecked")
        ComboBox<String> type = find(devices, "f-devices-1-type", ComboBox.class);
        assertThat(type.getValue()).isEqualTo("DESKTOP");

        find(devices, "f-devices-0-remove", com.vaadin.flow.component.button.Button.class).click();
        find(devices, "f-devices-add", com.vaadin.flow.component.button.Button.class).click();
        find(devices, "f-devices-2-name", TextField.class).setValue("Mobiel");
        @SuppressWarnings("unchecked")
        ComboBox<String> mobile = find(devices, "f-devices-2-type", ComboBox.class);
        mobile.setValue("MOBILE");
        find(devices, "f-devices-2-mobileNumber", TextField.class).setValue("0612345678");

        assertThat(form.value().getDevices()).extracting(d -> d.getName() + ":" + d.getType() + ":" + d.getMobileNumber())
                .containsExactly("DESKTOP:DESKTOP:null", "Mobiel:MOBILE:0612345678");
    }

    @Test
    void scheduleEntriesAreRowsWithTheirDaysAsAMultiSelect() {
        NumberPlanSchema schema = new NumberPlanSchema();
        schema.setNumber(1);
        schema.setName("Kantoor");
        ScheduleEntry office = new ScheduleEntry();
        office.setDays(new java.util.ArrayList<>(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY)));
        office.setFrom("08:00");
        office.setTo("18:00");
        office.setPlan(1);
        schema.setSchedule(new java.util.ArrayList<>(List.of(office)));
        ItemForm<NumberPlanSchema> form = new ItemForm<>(NumberPlanSchema.class, schema, true, k -> k);
        BeanRows schedule = (BeanRows) form.fields().get("schedule");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> days = find(schedule, "f-schedule-0-days", MultiSelectComboBox.class);
        assertThat(days.getValue()).containsExactlyInAnyOrder("MONDAY", "TUESDAY");
        days.setValue(java.util.Set.of("FRIDAY", "WEDNESDAY"));
        find(schedule, "f-schedule-0-to", TextField.class).setValue("17:30");

        ScheduleEntry read = form.value().getSchedule().get(0);
        assertThat(read.getDays()).containsExactly(DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(read.getTo()).isEqualTo("17:30");
        assertThat(read.getPlan()).isEqualTo(1);
    }

    @Test
    void aNumberInARowThatCannotBeReadIsReportedAtItsList() {
        QueueExtension queue = new QueueExtension();
        queue.setNumber("500");
        queue.setName("Service");
        ItemForm<QueueExtension> form = new ItemForm<>(QueueExtension.class, queue, true, k -> k);
        BeanRows sounds = (BeanRows) form.fields().get("infotainment");
        find(sounds, "f-infotainment-add", com.vaadin.flow.component.button.Button.class).click();
        find(sounds, "f-infotainment-0-file", TextField.class).setValue("welkom.wav");
        find(sounds, "f-infotainment-0-volume", TextField.class).setValue("luid");
        assertThatThrownBy(form::value).isInstanceOf(ItemForm.InvalidForm.class);
        assertThat(sounds.isInvalid()).isTrue();
        assertThat(sounds.getErrorMessage()).contains("whole number");
    }

    @Test
    void oneGroupOfFlatSettingsIsALineOfFields() {
        GroupExtension group = new GroupExtension();
        group.setNumber("300");
        group.setName("Sales");
        ItemForm<GroupExtension> form = new ItemForm<>(GroupExtension.class, group, true, k -> k);
        BeanFields forwards = (BeanFields) form.fields().get("internalForwards");
        find(forwards, "f-internalForwards-onBusy", TextField.class).setValue("201");
        find(forwards, "f-internalForwards-noAnswerTimeout", TextField.class).setValue("30");
        GroupExtension read = form.value();
        assertThat(read.getInternalForwards().getOnBusy()).isEqualTo("201");
        assertThat(read.getInternalForwards().getNoAnswerTimeout()).isEqualTo(30);
    }

    /** REACH has its own view (issue 17, defect 3): the form links there and keeps the configuration as it was. */
    @Test
    void theUsersReachIsLinkedAndKeptUnchanged() {
        UserExtension user = new UserExtension();
        user.setNumber("299");
        user.setName("Test");
        user.getReach().getDefaultProfile().setForwardOnBusy("voicemail");
        org.reachpbx.directory.model.Tenant tenant = new org.reachpbx.directory.model.Tenant();
        ItemForm<UserExtension> form = new ItemForm<>(UserExtension.class, user, true, k -> k, Pickers.of(7, tenant));
        com.vaadin.flow.component.html.Anchor link = find(form, "f-reach-link", com.vaadin.flow.component.html.Anchor.class);
        assertThat(link.getHref()).isEqualTo("reach?tenant=7&user=299");
        ((TextField) form.fields().get("name")).setValue("Ander");
        assertThat(form.value().getReach().getDefaultProfile().getForwardOnBusy()).isEqualTo("voicemail");
        assertThat(walk(form).filter(TextArea.class::isInstance)).as("no YAML text area").isEmpty();
    }

    /**
     * A schema's plans are rows with their entries as rows inside, not YAML (issue 17, defect 3);
     * the entry's extension, the schedule's plan and the manual override are picked (defect 4).
     */
    @Test
    void aSchemasPlansAndEntriesAreRowsWithPickers() {
        org.reachpbx.directory.model.Tenant tenant = new org.reachpbx.directory.model.Tenant();
        UserExtension jansen = new UserExtension();
        jansen.setNumber("201");
        jansen.setName("Dhr. Jansen");
        tenant.getExtensions().add(jansen);
        NumberPlanSchema schema = new NumberPlanSchema();
        schema.setNumber(1);
        schema.setName("Kantoor");
        org.reachpbx.directory.model.NumberPlan day = new org.reachpbx.directory.model.NumberPlan();
        day.setNumber(1);
        day.setName("Dag");
        org.reachpbx.directory.model.NumberPlanEntry entry = new org.reachpbx.directory.model.NumberPlanEntry();
        entry.setNumber("+31301340000");
        entry.setExtension("201");
        day.getEntries().add(entry);
        schema.getPlans().add(day);
        tenant.getNumberPlanSchemas().add(schema);
        ItemForm<NumberPlanSchema> form = new ItemForm<>(NumberPlanSchema.class, schema, true, k -> k, Pickers.of(1, tenant));

        assertThat(form.fields().get("plans")).isInstanceOf(BeanRows.class);
        assertThat(walk(form).filter(TextArea.class::isInstance)).as("no YAML text area").isEmpty();
        @SuppressWarnings("unchecked")
        ComboBox<String> extension = find(form, "f-plans-0-entries-0-extension", ComboBox.class);
        assertThat(extension.getValue()).isEqualTo("201");
        assertThat(extension.getItemLabelGenerator().apply("201")).isEqualTo("201 Dhr. Jansen");
        @SuppressWarnings("unchecked")
        ComboBox<String> override = (ComboBox<String>) form.fields().get("manualOverride");
        assertThat(override.getItemLabelGenerator().apply("1")).isEqualTo("1 Dag");

        // a second plan with one entry, added by rows; the override picked
        find(form, "f-plans-add", com.vaadin.flow.component.button.Button.class).click();
        find(form, "f-plans-1-number", TextField.class).setValue("2");
        find(form, "f-plans-1-name", TextField.class).setValue("Nacht");
        find(form, "f-plans-1-entries-add", com.vaadin.flow.component.button.Button.class).click();
        find(form, "f-plans-1-entries-0-number", TextField.class).setValue("+31301340000");
        @SuppressWarnings("unchecked")
        ComboBox<String> nightExtension = find(form, "f-plans-1-entries-0-extension", ComboBox.class);
        nightExtension.setValue("201");
        override.setValue("1");

        NumberPlanSchema read = form.value();
        assertThat(read.getManualOverride()).isEqualTo(1);
        assertThat(read.getPlans()).extracting(org.reachpbx.directory.model.NumberPlan::getName).containsExactly("Dag", "Nacht");
        assertThat(read.getPlans().get(1).getEntries()).singleElement().satisfies(e -> {
            assertThat(e.getNumber()).isEqualTo("+31301340000");
            assertThat(e.getExtension()).isEqualTo("201");
        });
    }

    /** A channel's new password is generated at a click (issue 17, defect 4), into the password field only. */
    @Test
    void aChannelPasswordIsGenerated() {
        Channel channel = new Channel();
        channel.setName("desk-h17");
        ItemForm<Channel> form = new ItemForm<>(Channel.class, channel, true, k -> k);
        find(form, "f-password-generate", com.vaadin.flow.component.button.Button.class).click();
        String generated = ((PasswordField) form.fields().get("password")).getValue();
        assertThat(generated).hasSize(PasswordGenerator.LENGTH).matches("[" + PasswordGenerator.ALPHABET + "]+");
        assertThat(form.value().getPassword()).isEqualTo(generated);
        find(form, "f-password-generate", com.vaadin.flow.component.button.Button.class).click();
        assertThat(((PasswordField) form.fields().get("password")).getValue()).isNotEqualTo(generated);
        assertThat(walk(new ItemForm<>(Channel.class, channel, false, k -> k))
                .filter(c -> c.getId().filter("f-password-generate"::equals).isPresent())).as("read-only: no generator").isEmpty();
    }

    /** The component with this id inside {@code root}. */
    private static <C extends com.vaadin.flow.component.Component> C find(com.vaadin.flow.component.Component root,
            String id, Class<C> type) {
        return type.cast(walk(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id)));
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> walk(
            com.vaadin.flow.component.Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren().flatMap(ItemFormTest::walk));
    }

    @Test
    void aFieldThatCannotBeReadIsMarkedAndNothingIsReturned() {
        Channel channel = new Channel();
        channel.setName("desk-1");
        ItemForm<Channel> form = new ItemForm<>(Channel.class, channel, true, k -> k);
        TextField limit = (TextField) form.fields().get("callLimit");
        limit.setValue("two");
        assertThatThrownBy(form::value).isInstanceOf(ItemForm.InvalidForm.class);
        assertThat(limit.isInvalid()).isTrue();
        assertThat(limit.getErrorMessage()).contains("whole number");
    }

    @Test
    void violationsOfTheStoreAreShownAtTheirFields() {
        UserExtension user = new UserExtension();
        ItemForm<UserExtension> form = new ItemForm<>(UserExtension.class, user, true, k -> k);
        form.showViolations(List.of(new Violation("users[4].name", "must not be blank"),
                new Violation("users[4].number", "201 is already used")), "users[4]");
        TextField name = (TextField) form.fields().get("name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("must not be blank");
        assertThat(((TextField) form.fields().get("number")).getErrorMessage()).isEqualTo("201 is already used");
    }

    @Test
    void aPinHashIsNeverShownButKeptOnSave() {
        UserExtension user = new UserExtension();
        user.setNumber("299");
        user.setName("Test Gebruiker");
        String hash = "{bcrypt}$2a$10$abcdefghijklmnopqrstuv0123456789ABCDEFGHIJKLMNOPQRSTU";
        user.setPinHash(hash);
        ItemForm<UserExtension> form = new ItemForm<>(UserExtension.class, user, true, k -> k);
        assertThat(form.fields()).doesNotContainKey("pinHash");
        assertThat(walk(form).filter(c -> c instanceof com.vaadin.flow.component.HasValue<?, ?>)
                .map(c -> String.valueOf(((com.vaadin.flow.component.HasValue<?, ?>) c).getValue())))
                .noneMatch(v -> v.contains("bcrypt"));
        assertThat(form.fields().get("pin")).isInstanceOf(PasswordField.class);
        assertThat(((PasswordField) form.fields().get("pin")).getValue()).isEmpty();

        assertThat(form.value().getPinHash()).as("kept when no new PIN is typed").isEqualTo(hash);
        ((PasswordField) form.fields().get("pin")).setValue("4826");
        assertThat(form.value().getPin()).isEqualTo("4826");
    }

    @Test
    void aChannelPasswordIsAPasswordFieldAndItsHa1HashesAreNeverShown() {
        Channel channel = new Channel();
        channel.setName("desk-1");
        channel.setPasswordHash(org.reachpbx.directory.model.SipPasswordHash.of("desk-1", "x.reachpbx.test", "Geheim-123456"));
        ItemForm<Channel> form = new ItemForm<>(Channel.class, channel, true, k -> k);
        assertThat(form.fields().get("password")).isInstanceOf(PasswordField.class);
        assertThat(form.fields()).doesNotContainKey("passwordHash");
        String md5 = channel.getPasswordHash().getMd5();
        assertThat(walk(form).filter(c -> c instanceof com.vaadin.flow.component.HasValue<?, ?>)
                .map(c -> String.valueOf(((com.vaadin.flow.component.HasValue<?, ?>) c).getValue())))
                .noneMatch(v -> v.contains(md5));
        assertThat(form.value().getPasswordHash().getMd5()).as("kept on save").isEqualTo(md5);
    }

    @Test
    void aReadOnlyFormCannotBeChanged() {
        ItemForm<Channel> form = new ItemForm<>(Channel.class, new Channel(), false, k -> k);
        assertThat(((TextField) form.fields().get("name")).isReadOnly()).isTrue();
    }
}
