package org.reachpbx.directory.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.yaml.TenantYaml;
import org.reachpbx.rules.services.RightView;
import org.reachpbx.rules.services.ServiceView;

class ServiceViewBuilderTest {
    @Test
    void extractsRightsSwitchesAndLinksFromTheDemoTenant() throws Exception {
        ServiceView v = ServiceViewBuilder.build(new TenantYaml().read(Files.readString(Path.of("../testdata/tenants/demo.yaml"))));
        assertThat(v.may("202", "203", RightView::listenIn)).isTrue();
        assertThat(v.may("201", "203", RightView::listenIn)).isFalse();
        assertThat(v.right("202", "203", RightView::notifications).notificationDelay()).isEqualTo(10);
        // PRV-07: 202 holds pickup on 201 through two groups, retrieve-parked through a third.
        assertThat(v.may("202", "201", RightView::pickup)).isTrue();
        assertThat(v.may("204", "201", RightView::retrieveParked)).isTrue();
        assertThat(v.parkRight()).contains("201", "202", "203").doesNotContain("204");
        assertThat(v.timeConfigurationRight()).containsExactlyInAnyOrder("201", "202");
        assertThat(v.twins("201")).isTrue();
        assertThat(v.linkedChannels()).containsEntry("bakker-bureau", "202");
        assertThat(v.groups().get("300").addedUsers()).containsExactlyInAnyOrder("202", "203");
        assertThat(v.groups().get("300").outsidersMayPickup()).isFalse();
        assertThat(v.groups().get("301").outsidersSeeNotifications()).isTrue();
    }
}
