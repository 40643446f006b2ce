package org.reachpbx.ui.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.model.GroupExtension;
import org.reachpbx.directory.model.QueueExtension;
import org.reachpbx.directory.model.UserExtension;
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
        assertThat(form.fields().keySet()).contains("number", "name", "pin", "pinHash", "licence", "areaCode",
                "language", "rights", "secondCallOffering", "callParking", "twinning", "devices", "voicemail", "reach");
        assertThat(form.fields().get("name")).isInstanceOf(TextField.class);
        assertThat(form.fields().get("callParking")).isInstanceOf(Checkbox.class);
        assertThat(form.fields().get("licence")).isInstanceOf(ComboBox.class);
        assertThat(form.fields().get("devices")).isInstanceOf(TextArea.class);
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
    void nestedSettingsAreEditedAsYaml() {
        UserExtension user = new UserExtension();
        user.setNumber("299");
        user.setName("Test");
        ItemForm<UserExtension> form = new ItemForm<>(UserExtension.class, user, true, k -> k);
        TextArea devices = (TextArea) form.fields().get("devices");
        devices.setValue("- name: Bureau\n  type: FIXED\n- name: DESKTOP\n  type: DESKTOP");
        assertThat(form.value().getDevices()).extracting(d -> d.getName() + ":" + d.getType())
                .containsExactly("Bureau:FIXED", "DESKTOP:DESKTOP");
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
    void aReadOnlyFormCannotBeChanged() {
        ItemForm<Channel> form = new ItemForm<>(Channel.class, new Channel(), false, k -> k);
        assertThat(((TextField) form.fields().get("name")).isReadOnly()).isTrue();
    }
}
