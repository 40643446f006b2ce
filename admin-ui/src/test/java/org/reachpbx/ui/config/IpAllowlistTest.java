package org.reachpbx.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.IpAllowEntry;

class IpAllowlistTest {

    @Test
    void linesBecomeEntriesAndBack() {
        List<IpAllowEntry> entries = IpAllowlist.parse("192.0.2.10 office Amsterdam\n\n  198.51.100.0-198.51.100.255  branch \n203.0.113.7");
        assertThat(entries).extracting(IpAllowEntry::getFrom).containsExactly("192.0.2.10", "198.51.100.0", "203.0.113.7");
        assertThat(entries).extracting(IpAllowEntry::getTo).containsExactly(null, "198.51.100.255", null);
        assertThat(entries).extracting(IpAllowEntry::getDescription).containsExactly("office Amsterdam", "branch", null);
        assertThat(IpAllowlist.format(entries))
                .isEqualTo("192.0.2.10 office Amsterdam\n198.51.100.0-198.51.100.255 branch\n203.0.113.7");
    }

    @Test
    void anEmptyTextIsAnEmptyList() {
        assertThat(IpAllowlist.parse("  \n")).isEmpty();
        assertThat(IpAllowlist.parse(null)).isEmpty();
    }
}
