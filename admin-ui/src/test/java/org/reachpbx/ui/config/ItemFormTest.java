package org.reachpbx.ui.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.model.GroupExtension;
import org.reachpbx.directory.model.UserExtension;
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
    void listsAreEditedAsYaml() {
        GroupExtension group = new GroupExtension();
        group.setNumber("300");
        group.setName("Sales");
        group.setMembers(new java.util.ArrayList<>(List.of("201", "202")));
        ItemForm<GroupExtension> form = new ItemForm<>(GroupExtension.class, group, true, k -> k);
        TextArea members = (TextArea) form.fields().get("members");
        assertThat(members.getValue()).contains("201", "202");
        members.setValue("- \"201\"\n- \"203\"");
        assertThat(form.value().getMembers()).containsExactly("201", "203");
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
