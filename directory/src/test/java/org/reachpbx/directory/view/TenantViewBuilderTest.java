package org.reachpbx.directory.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reachpbx.directory.yaml.TenantYaml;
import org.reachpbx.rules.time.WeeklyWindow;
import org.reachpbx.rules.view.CallClassView;
import org.reachpbx.rules.view.CallLimitView;
import org.reachpbx.rules.view.ExtensionChooserView;
import org.reachpbx.rules.view.ForwardView;
import org.reachpbx.rules.view.GroupView;
import org.reachpbx.rules.view.HolidayView;
import org.reachpbx.rules.view.IvrView;
import org.reachpbx.rules.view.LbrEntryView;
import org.reachpbx.rules.view.LbrView;
import org.reachpbx.rules.view.MediaExtensionView;
import org.reachpbx.rules.view.NumberView;
import org.reachpbx.rules.view.PlanEntryView;
import org.reachpbx.rules.view.ProfileView;
import org.reachpbx.rules.view.ReachView;
import org.reachpbx.rules.view.SchemaView;
import org.reachpbx.rules.view.StatusView;
import org.reachpbx.rules.view.TbrView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.rules.vocabulary.BarringCategory;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.rules.vocabulary.ForwardCallerId;
import org.reachpbx.rules.vocabulary.LbrType;
import org.reachpbx.rules.vocabulary.NumberKind;
import org.reachpbx.rules.vocabulary.Presence;
import org.reachpbx.rules.vocabulary.ProfileSetting;

/**
 * The tenant view built from YAML, without a database: the demo tenant for the ordinary mappings,
 * and a small document of edge cases (numbers written every way, windows past midnight, empty
 * matrix status, missing privacy group).
 */
class TenantViewBuilderTest {

    private static final TenantYaml YAML = new TenantYaml();

    /** Monday 5 January 2026; the other days of that week follow. */
    private static LocalDateTime at(String day, String time) {
        int offset = switch (day) {
            case "MON" -> 0;
            case "TUE" -> 1;
            case "WED" -> 2;
            case "THU" -> 3;
            case "FRI" -> 4;
            case "SAT" -> 5;
            case "SUN" -> 6;
            default -> throw new IllegalArgumentException(day);
        };
        return LocalDateTime.parse("2026-01-05T" + time).plusDays(offset);
    }

    @Test
    void nationalFormFollowsAcc08() {
        assertThat(TenantViewBuilder.national("+31201110000")).isEqualTo("0201110000");
        assertThat(TenantViewBuilder.national("0031201110000")).isEqualTo("0201110000");
        assertThat(TenantViewBuilder.national("+4930123456")).isEqualTo("004930123456");
        assertThat(TenantViewBuilder.national("004930123456")).isEqualTo("004930123456");
        assertThat(TenantViewBuilder.national("0612345678")).isEqualTo("0612345678");
        assertThat(TenantViewBuilder.national(" ")).isNull();
        assertThat(TenantViewBuilder.national(null)).isNull();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DemoTenant {

        TenantView view;

        @BeforeAll
        void build() throws IOException {
            view = TenantViewBuilder.build(YAML.read(Files.readString(Path.of("../testdata/tenants/demo.yaml"))));
        }

        @Test
        void tenantSettings() {
            assertThat(view.tenantId()).isZero();
            assertThat(view.name()).isEqualTo("Demo BV");
            assertThat(view.extensionLength()).isEqualTo(3);
            assertThat(view.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
            assertThat(view.emergencyFallbackCallerId()).isEqualTo("0201110000");
            assertThat(view.externalCallLimit()).isEqualTo(3);
            assertThat(view.callBarring()).containsExactly(BarringCategory.PREMIUM_0906);
            assertThat(view.ipListing()).isTrue();
        }

        @Test
        void ipAllowlistHoldsSingleAddressesAndRanges() {
            assertThat(view.ipAllowlist()).hasSize(2);
            assertThat(view.allowlisted("198.51.100.25")).isTrue();
            assertThat(view.allowlisted("198.51.100.26")).isFalse();
            assertThat(view.allowlisted("192.0.2.0")).isTrue();
            assertThat(view.allowlisted("192.0.2.255")).isTrue();
            assertThat(view.allowlisted("192.0.3.1")).isFalse();
        }

        @Test
        void everyExtensionHasItsViewType() {
            Map<String, ExtensionType> types = new java.util.TreeMap<>();
            view.extensions().forEach((number, e) -> types.put(number, e.type()));
            assertThat(types).containsOnly(
                    entry("201", ExtensionType.USER), entry("202", ExtensionType.USER), entry("203", ExtensionType.USER),
                    entry("204", ExtensionType.USER), entry("300", ExtensionType.GROUP), entry("301", ExtensionType.GROUP),
                    entry("400", ExtensionType.QUEUE), entry("500", ExtensionType.LBR), entry("550", ExtensionType.TBR),
                    entry("560", ExtensionType.CALL_LIMIT), entry("570", ExtensionType.FORWARD), entry("580", ExtensionType.AI),
                    entry("600", ExtensionType.VOICEMAIL), entry("650", ExtensionType.AUTO_ANSWER),
                    entry("700", ExtensionType.IVR), entry("701", ExtensionType.IVR),
                    entry("800", ExtensionType.EXTENSION_CHOOSER), entry("850", ExtensionType.SYSTEM));
            assertThat(view.extension("400")).isInstanceOf(MediaExtensionView.class);
            assertThat(view.extension("201")).isInstanceOf(UserView.class);
        }

        @Test
        void numbersAreNationalWithOwnerCallClassesAndSchema() {
            assertThat(view.numbers().keySet()).allMatch(n -> n.startsWith("0")).hasSize(12);
            assertThat(view.number("0201110000")).isEqualTo(new NumberView("0201110000", NumberKind.FIXED, null, null, null, 1));
            assertThat(view.number("0201119999").schema()).isEqualTo(1);
            assertThat(view.number("0201110001"))
                    .isEqualTo(new NumberView("0201110001", NumberKind.FIXED, "201", "Zakelijk", "Zakelijk", null));
            assertThat(view.number("0201110001").personal()).isTrue();
            assertThat(view.number("0651110201").kind()).isEqualTo(NumberKind.MOBILE);
            assertThat(view.number("0201110099").schema()).isNull();
            assertThat(view.number("+31201110000")).isNull();
        }

        @Test
        void channelsAndMobileNumbers() {
            assertThat(view.channels()).hasSize(5);
            assertThat(view.channel("deurintercom").emergencyFallbackCallerId()).isEqualTo("0201110000");
            assertThat(view.channel("deurintercom").callLimit()).isEqualTo(1);
            assertThat(view.channel("bakker-bureau").coupledUser()).isEqualTo("202");
            assertThat(view.channel("bakker-bureau").areaCode()).isEqualTo("020");
            assertThat(view.userOfMobileNumber()).containsExactly(entry("0651110201", "201"));
        }

        @Test
        void userSettingsDevicesAndAssistants() {
            UserView jansen = view.user("201");
            assertThat(jansen.name()).isEqualTo("Dhr. Jansen");
            assertThat(jansen.areaCode()).isEqualTo("020");
            assertThat(jansen.secondCallOffering()).isTrue();
            assertThat(jansen.timeConfigurationRight()).isTrue();
            assertThat(jansen.emergencyFallbackCallerId()).isNull();
            assertThat(jansen.devices()).extracting("name", "type", "channel", "mobileNumber").containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Bureautoestel", DeviceType.FIXED, "jansen-bureau", null),
                    org.assertj.core.groups.Tuple.tuple("DESKTOP", DeviceType.DESKTOP, null, null),
                    org.assertj.core.groups.Tuple.tuple("Mobiel", DeviceType.MOBILE, null, "0651110201"));
            // The members of privacy group "Assistenten 201" (ASG-01).
            assertThat(jansen.assistants()).containsExactly("202", "203");

            UserView deVries = view.user("204");
            assertThat(deVries.assistants()).isEmpty();
            assertThat(deVries.timeConfigurationRight()).isFalse();
            assertThat(deVries.emergencyFallbackCallerId()).isEqualTo("0201110000");
        }

        @Test
        void defaultProfileAsConfigured() {
            ProfileView def = view.user("201").reach().defaultProfile();
            assertThat(def.name()).isEqualTo("Standaard");
            assertThat(def.inherit()).isEmpty();
            assertThat(def.callerId()).isEqualTo("0201110001");
            assertThat(def.forwardAlways()).isNull();
            assertThat(def.forwardOnBusy()).isEqualTo("voicemail");
            assertThat(def.forwardOnNoAnswer()).isEqualTo("voicemail");
            assertThat(def.noAnswerTimeout()).isEqualTo(25);
            assertThat(def.forwardCallerId()).isEqualTo(ForwardCallerId.ORIGINAL_CALLER);
            assertThat(def.voicemailBox()).isNull();
            assertThat(def.ringStepTimeout()).isEqualTo(10);
            assertThat(def.devices()).extracting("device", "enabled", "step").containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Bureautoestel", true, 1),
                    org.assertj.core.groups.Tuple.tuple("DESKTOP", true, 1),
                    org.assertj.core.groups.Tuple.tuple("Mobiel", true, 2));
            assertThat(def.assistantGroup()).isTrue();
            assertThat(view.user("202").reach().defaultProfile().forwardOnNoAnswer()).isEqualTo("203");
        }

        @Test
        void customProfilesKeepTheirInheritanceUnresolved() {
            ReachView reach = view.user("201").reach();
            assertThat(reach.profiles()).containsOnlyKeys("Buitenland", "Avond");
            ProfileView abroad = reach.profiles().get("Buitenland");
            assertThat(abroad.inherit()).containsExactlyInAnyOrder(ProfileSetting.CALLER_ID, ProfileSetting.FORWARD_ON_BUSY,
                    ProfileSetting.FORWARD_CALLER_ID, ProfileSetting.VOICEMAIL_BOX, ProfileSetting.DEVICES);
            assertThat(abroad.callerId()).isNull();
            assertThat(abroad.devices()).isEmpty();
            assertThat(abroad.forwardOnNoAnswer()).isEqualTo("voicemail");
            assertThat(abroad.noAnswerTimeout()).isEqualTo(15);
            assertThat(abroad.assistantGroup()).isFalse();
            assertThat(reach.profiles().get("Avond").forwardAlways()).isEqualTo("voicemail");
        }

        @Test
        void statusesInOrderWithTheirWindows() {
            ReachView reach = view.user("201").reach();
            assertThat(reach.statuses()).extracting(StatusView::name).containsExactly("Dag", "Avond");
            StatusView day = reach.status("Dag");
            assertThat(day.presence()).isEqualTo(Presence.AUTOMATIC);
            assertThat(day.activeAt(at("WED", "08:00"))).isTrue();
            assertThat(day.activeAt(at("WED", "17:59"))).isTrue();
            assertThat(day.activeAt(at("WED", "18:00"))).isFalse();
            assertThat(day.activeAt(at("WED", "07:59"))).isFalse();
            assertThat(day.activeAt(at("SAT", "12:00"))).isFalse();
            StatusView evening = reach.status("Avond");
            assertThat(evening.presence()).isEqualTo(Presence.AWAY);
            assertThat(evening.activeAt(at("FRI", "18:00"))).isTrue();
            assertThat(evening.activeAt(at("FRI", "23:00"))).isFalse();
        }

        @Test
        void callClassesInOrderWithNationalNumbers() {
            ReachView reach = view.user("201").reach();
            assertThat(reach.callClasses()).extracting(CallClassView::name).containsExactly("Zakelijk", "Duitsland");
            CallClassView business = reach.callClass("Zakelijk");
            assertThat(business.contactNumbers()).containsExactlyInAnyOrder("0104567890", "0301234500");
            assertThat(business.extensions()).containsExactly("204");
            assertThat(business.prefixes()).containsExactly("0104");
            assertThat(business.callerId()).isEqualTo("0201110000");
            assertThat(business.assistantGroupAllowed()).isTrue();
            CallClassView germany = reach.callClass("Duitsland");
            assertThat(germany.prefixes()).containsExactly("0049");
            assertThat(germany.callerId()).isNull();
            assertThat(germany.assistantGroupAllowed()).isFalse();
        }

        @Test
        void matrixByClassThenStatusWithTheNoStatusCellUnderTheEmptyKey() {
            ReachView reach = view.user("201").reach();
            assertThat(reach.matrix()).containsOnlyKeys("Zakelijk", "Duitsland");
            assertThat(reach.matrix().get("Zakelijk")).containsOnly(entry("Dag", "Standaard"), entry("Avond", "Avond"));
            assertThat(reach.matrix().get("Duitsland"))
                    .containsOnly(entry("Dag", "Buitenland"), entry("Avond", "Avond"), entry("", "Buitenland"));
            assertThat(reach.matrixProfile("Duitsland", null)).isEqualTo("Buitenland");
            assertThat(reach.matrixProfile("Zakelijk", null)).isNull();
        }

        @Test
        void dynamicCallerIdsBarringAndNoManualState() {
            ReachView reach = view.user("201").reach();
            assertThat(reach.dynamicCallerIds()).containsOnly(entry("#32#", "0201110000"), entry("#33#", "0201110400"));
            assertThat(reach.callBarring()).containsExactly(BarringCategory.INTERNATIONAL);
            assertThat(reach.manualStatus()).isNull();
            assertThat(reach.manualStatusUntil()).isNull();
            assertThat(reach.roamingStatus()).isNull();
            assertThat(reach.manualDeviceOverride()).isNull();
            assertThat(reach.manualDeviceOverrideUntil()).isNull();
            assertThat(view.user("202").reach().callClasses()).isEmpty();
            assertThat(view.user("202").reach().matrix()).isEmpty();
        }

        @Test
        void groupsWithForwardListsPerCallerOrigin() {
            GroupView board = (GroupView) view.extension("300");
            assertThat(board.name()).isEqualTo("Directie");
            assertThat(board.members()).containsExactly("201", "202");
            assertThat(board.individualForwarding()).isFalse();
            assertThat(board.internalForwards().always()).isEmpty();
            assertThat(board.internalForwards().onNoAnswer()).containsExactly("600");
            assertThat(board.internalForwards().noAnswerTimeout()).isEqualTo(30);
            assertThat(board.externalForwards().onNoAnswer()).containsExactly("0612345678", "0201234567");
            assertThat(board.externalForwards().onBusy()).isEmpty();
            assertThat(board.externalForwards().noAnswerTimeout()).isEqualTo(20);
            assertThat(board.forwardCallerId()).isEqualTo(ForwardCallerId.ORIGINAL_CALLER);
            GroupView management = (GroupView) view.extension("301");
            assertThat(management.individualForwarding()).isTrue();
            assertThat(management.internalForwards().onNoAnswer()).containsExactly("300");
            assertThat(management.externalForwards().onBusy()).containsExactly("0612345678");
            assertThat(management.forwardCallerId()).isEqualTo(ForwardCallerId.CALLED_NUMBER);
        }

        @Test
        void mediaExtensionsCarryTheirExecutorSettings() {
            MediaExtensionView mailbox = (MediaExtensionView) view.extension("600");
            assertThat(mailbox.type()).isEqualTo(ExtensionType.VOICEMAIL);
            assertThat(mailbox.name()).isEqualTo("Algemene voicemail");
            assertThat(mailbox.settings()).containsOnly(entry("language", "NL"),
                    entry("greeting", "prompts/600-begroeting.wav"), entry("email", "info@demobv.example"),
                    entry("attachAudio", "true"), entry("deleteAfterEmail", "true"), entry("smsNumber", "0612345678"));
            assertThat(((MediaExtensionView) view.extension("650")).settings())
                    .containsOnly(entry("sound", "prompts/650-kerstsluiting.wav"));
            assertThat(((MediaExtensionView) view.extension("850")).settings())
                    .containsOnly(entry("service", "VOICEMAIL_MANAGEMENT"));
            assertThat(((MediaExtensionView) view.extension("580")).settings())
                    .containsOnly(entry("kind", "SMART_IVR"), entry("serviceUri", "sip:smartivr@ai.example.net"));

            Map<String, String> queue = ((MediaExtensionView) view.extension("400")).settings();
            assertThat(queue).contains(entry("emergency", "false"), entry("strategy", "FIXED_ORDER_FROM_TOP"),
                    entry("ringTimeout", "15"), entry("members", "203,204,570"), entry("startDate", "2026-01-01"),
                    entry("callLimit", "10"), entry("callLimitDestination", "600"), entry("access", "CLOSED"),
                    entry("wrapUpTime", "30"), entry("positionAnnouncementInterval", "60"),
                    entry("intro", "prompts/400-intro.wav"), entry("musicOnHold", "true"),
                    entry("exitDestination", "600"), entry("maxWaitTimeout", "120"),
                    entry("maxWaitDestination", "600"), entry("noAgentsDestination", "600"));
            // Unset values are left out.
            assertThat(queue).doesNotContainKeys("endDate", "expectedWaitAnnouncementInterval", "infotainment",
                    "musicOnHoldPlaylist");
        }

        @Test
        void ivrsAndExtensionChooser() {
            IvrView main = (IvrView) view.extension("700");
            assertThat(main.sound()).isEqualTo("prompts/700-hoofdmenu.wav");
            assertThat(main.ringback()).isTrue();
            assertThat(main.maxDigits()).isEqualTo(1);
            assertThat(main.failoverTimeout()).isEqualTo(30);
            assertThat(main.failoverDestination()).isEqualTo("600");
            assertThat(main.options()).hasSize(4);
            assertThat(main.option("2").prefix()).isEqualTo("SUB");
            assertThat(main.option("2").destination()).isEqualTo("701");
            ExtensionChooserView chooser = (ExtensionChooserView) view.extension("800");
            assertThat(chooser).isEqualTo(new ExtensionChooserView("800", "Direct kiezen",
                    "prompts/800-kies-toestelnummer.wav", true, "300", 10));
        }

        @Test
        void lbrWithFallbacksAndEntries() {
            LbrView lbr = (LbrView) view.extension("500");
            assertThat(lbr.lbrType()).isEqualTo(LbrType.AREA_CODE);
            assertThat(lbr.defaultDestination()).isEqualTo("300");
            assertThat(lbr.defaultPrefix()).isEqualTo("NL");
            assertThat(lbr.anonymousDestination()).isEqualTo("600");
            assertThat(lbr.anonymousPrefix()).isNull();
            assertThat(lbr.mobileDestination()).isEqualTo("400");
            assertThat(lbr.entries()).containsExactly(new LbrEntryView("010", "RDM", "301"),
                    new LbrEntryView("020", "AMS", "400"), new LbrEntryView("030", "UTR", "301"));
        }

        @Test
        void tbrPeriodsAreDailyWindowsOnEachDayOfTheRange() {
            TbrView tbr = (TbrView) view.extension("550");
            assertThat(tbr.defaultDestination()).isEqualTo("600");
            assertThat(tbr.periods()).extracting("position", "destination")
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "300"), org.assertj.core.groups.Tuple.tuple(1, "400"));
            WeeklyWindow office = tbr.periods().get(0).window();
            // TBR-T1: Wednesday 16:59 → 300, Wednesday 17:00 → default, Saturday 10:00 → not this period.
            assertThat(office.contains(at("WED", "16:59"))).isTrue();
            assertThat(office.contains(at("WED", "17:00"))).isFalse();
            assertThat(office.contains(at("MON", "08:00"))).isTrue();
            assertThat(office.contains(at("FRI", "12:00"))).isTrue();
            assertThat(office.contains(at("SAT", "10:00"))).isFalse();
            // Not one span from Monday 08:00 to Friday 17:00: Tuesday night is outside (TBR-03).
            assertThat(office.contains(at("TUE", "23:00"))).isFalse();
            WeeklyWindow saturday = tbr.periods().get(1).window();
            assertThat(saturday.contains(at("SAT", "10:00"))).isTrue();
            assertThat(saturday.contains(at("SAT", "14:00"))).isFalse();
            assertThat(saturday.contains(at("SUN", "10:00"))).isFalse();
        }

        @Test
        void callLimitAndForwardExtensions() {
            assertThat(view.extension("560")).isEqualTo(new CallLimitView("560", "Overloop callcenter", 3,
                    ForwardCallerId.ORIGINAL_CALLER, null, "0301234567", "0307654321"));
            assertThat(view.extension("570")).isEqualTo(new ForwardView("570", "Externe agent Pieters", "0612345678",
                    ForwardCallerId.CALLED_NUMBER, null));
        }

        @Test
        void schemaWithPlansScheduleAndHolidays() {
            assertThat(view.schemas()).containsOnlyKeys(1);
            SchemaView schema = view.schemas().get(1);
            assertThat(schema.name()).isEqualTo("Demo BV");
            assertThat(schema.manualOverride()).isNull();
            assertThat(schema.plans()).containsOnlyKeys(1, 2, 3);
            assertThat(schema.plans().get(1).name()).isEqualTo("Open");
            assertThat(schema.plans().get(1).entries()).hasSize(6)
                    .containsEntry("0201110400", new PlanEntryView("0201110400", "400", "KS"))
                    .containsEntry("0201110000", new PlanEntryView("0201110000", "700", null));
            assertThat(schema.plans().get(3).entries().get("0201110000").extension()).isEqualTo("650");

            assertThat(schema.schedule()).extracting("position", "plan")
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1), org.assertj.core.groups.Tuple.tuple(1, 2));
            WeeklyWindow office = schema.schedule().get(0).window();
            assertThat(office.contains(at("WED", "08:00"))).isTrue();
            assertThat(office.contains(at("WED", "17:00"))).isFalse();
            assertThat(office.contains(at("SAT", "08:00"))).isFalse();
            WeeklyWindow wholeWeek = schema.schedule().get(1).window();
            assertThat(wholeWeek.contains(at("MON", "00:00"))).isTrue();
            assertThat(wholeWeek.contains(at("SUN", "23:59"))).isTrue();
            assertThat(wholeWeek.minutesPerWeek()).isEqualTo(7 * 1440);

            assertThat(schema.holidays()).containsExactly(new HolidayView(0, "Eerste Kerstdag",
                    LocalDateTime.parse("2026-12-25T00:00"), LocalDateTime.parse("2026-12-26T00:00"), 3, false));
            assertThat(schema.holidays().get(0).covers(LocalDateTime.parse("2026-12-25T23:59"))).isTrue();
            assertThat(schema.holidays().get(0).covers(LocalDateTime.parse("2026-12-26T00:00"))).isFalse();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class EdgeCases {

        /** Not validated: the builder maps whatever the entities hold. */
        static final String DOCUMENT = """
                name: Randgevallen BV
                sipDomain: rand.reachpbx.test
                extensionLength: 3
                timeZone: Europe/Brussels
                emergencyFallbackCallerId: "0031301110000"
                callBarring: [MOBILE, PREMIUM_0900]
                ipListing: false
                numbers:
                  - number: "0301110000"
                  - number: "0301110001"
                  - number: "+32471123456"
                    kind: MOBILE
                    owner: "201"
                privacyGroups:
                  - name: Team
                    members: ["202"]
                users:
                  - number: "201"
                    name: Piet
                    assistantGroup: Niemand
                    devices:
                      - {name: Mobiel, type: MOBILE, mobileNumber: "+31612345678"}
                      - {name: Duits, type: MOBILE, mobileNumber: "+4915112345678"}
                      - {name: Desktop, type: DESKTOP}
                    reach:
                      defaultProfile:
                        callerId: "+32471123456"
                        forwardOnBusy: "+4930123456"
                        forwardOnNoAnswer: "0031201234567"
                        voicemailBox: "600"
                      profiles:
                        - name: Weg
                          inherit: [DEVICES, FORWARD_ON_BUSY]
                          forwardAlways: "202"
                      statuses:
                        - name: Weekend
                          times:
                            - {fromDay: FRIDAY, from: "18:00", toDay: MONDAY, to: "08:00"}
                        - name: Nacht
                          times:
                            - {days: [], from: "22:00", to: "06:00"}
                            - {days: [SUNDAY], from: "12:00", to: "24:00"}
                      callClasses:
                        - name: Klanten
                          contacts: [{name: Groothandel, number: "0031104567890"}, {number: "0049301234567"}]
                          prefixes: ["0031", "0104"]
                          extensions: ["202"]
                          callerId: "0301110001"
                        - name: Rest
                      matrix:
                        - {callClass: Klanten, status: Weekend, profile: Weg}
                        - {callClass: Klanten, status: "", profile: Default}
                        - {callClass: Rest, profile: Weg}
                      dynamicCallerIds:
                        - {code: "#30#", callerId: "0301110001"}
                      manualStatus: {status: Nacht, until: "2026-03-01T08:00"}
                      roamingStatus: Weekend
                      manualDeviceOverride: {devices: [Mobiel, Desktop], until: "2026-03-01T09:00"}
                  - number: "202"
                    name: Els
                    assistantGroup: Team
                groups:
                  - number: "300"
                    name: Iedereen
                    members: ["201", "202"]
                    internalForwards: {always: " 201 ; +31612345678;;0049301234567 ", noAnswerTimeout: 15}
                    externalForwards: {onBusy: "+32471123456", onNoAnswer: ";"}
                voicemails:
                  - number: "600"
                    name: Box
                queues:
                  - number: "400"
                    name: Leeg
                    emergency: true
                    exitDestination: "+31201110000"
                    infotainment: [{file: a.wav}, {file: b.wav, volume: 50}]
                lbrs:
                  - number: "500"
                    name: Beller
                    lbrType: CALLER_NUMBER
                    defaultDestination: "+31201110000"
                    anonymousDestination: "300"
                    anonymousPrefix: ANON
                    entries:
                      - {match: "0049%", prefix: DE, destination: "300"}
                      - {match: "0031104*", prefix: RDM, destination: "0031104567890"}
                      - {match: "0104567890", destination: "201"}
                  - number: "501"
                    name: Gekozen
                    lbrType: CALLED_NUMBER
                    defaultDestination: "300"
                    entries:
                      - {match: "+31301110000", destination: "+4930123456"}
                  - number: "502"
                    name: Postcode
                    lbrType: POSTAL_CODE
                    sound: postcode.wav
                    defaultDestination: "300"
                    entries:
                      - {match: "3011", prefix: RDM, destination: "201"}
                tbrs:
                  - number: "550"
                    name: Nacht
                    defaultDestination: "300"
                    periods:
                      - {fromDay: FRIDAY, toDay: MONDAY, from: "22:00", to: "06:00", destination: "+31201110000"}
                      - {from: "12:00", to: "13:00", destination: "201"}
                callLimits:
                  - number: "560"
                    name: Overloop
                    callLimit: 2
                    callerId: SPECIFIC_NUMBER
                    callerIdNumber: "0301110000"
                    withinLimitDestination: "201"
                forwards:
                  - number: "570"
                    name: Belgie
                    destination: "+32471123456"
                    callerId: SPECIFIC_NUMBER
                    callerIdNumber: "+32471123456"
                numberPlanSchemas:
                  - number: 1
                    name: Hoofd
                    manualOverride: 2
                    plans:
                      - number: 1
                        name: Open
                        entries: [{number: "+31301110000", extension: "201"}]
                      - number: 2
                        name: Dicht
                        entries: [{number: "0301110000", extension: "600", prefix: DICHT}]
                    schedule:
                      - {fromDay: FRIDAY, from: "18:00", toDay: MONDAY, to: "08:00", plan: 2}
                    holidays:
                      - {description: Pasen, start: "2026-04-05T00:00", end: "2026-04-05T23:59", plan: 2}
                      - {start: "2026-04-06T00:00", end: "2026-04-07T00:00", plan: 1, temporary: true}
                  - number: 2
                    name: Tweede
                    plans:
                      - number: 1
                        name: Altijd
                        entries: [{number: "0301110001", extension: "300"}]
                """;

        TenantView view;

        @BeforeAll
        void build() {
            view = TenantViewBuilder.build(YAML.read(DOCUMENT));
        }

        @Test
        void tenantNumbersInEveryWrittenFormBecomeNational() {
            assertThat(view.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
            assertThat(view.emergencyFallbackCallerId()).isEqualTo("0301110000");
            assertThat(view.callBarring()).containsExactlyInAnyOrder(BarringCategory.MOBILE, BarringCategory.PREMIUM_0900);
            assertThat(view.ipListing()).isFalse();
            assertThat(view.ipAllowlist()).isEmpty();
            assertThat(view.numbers()).containsOnlyKeys("0301110000", "0301110001", "0032471123456");
            assertThat(view.number("0032471123456").owner()).isEqualTo("201");
        }

        @Test
        void eachNumberKnowsTheSchemaThatRoutesIt() {
            assertThat(view.number("0301110000").schema()).isEqualTo(1);
            assertThat(view.number("0301110001").schema()).isEqualTo(2);
            assertThat(view.number("0032471123456").schema()).isNull();
            SchemaView main = view.schemas().get(1);
            assertThat(main.manualOverride()).isEqualTo(2);
            assertThat(main.plans().get(1).entries()).containsOnlyKeys("0301110000");
            assertThat(main.plans().get(2).entries().get("0301110000"))
                    .isEqualTo(new PlanEntryView("0301110000", "600", "DICHT"));
        }

        @Test
        void schedulePerPeriodRunsThroughTheWeekend() {
            WeeklyWindow weekend = view.schemas().get(1).schedule().get(0).window();
            assertThat(weekend.contains(at("FRI", "17:59"))).isFalse();
            assertThat(weekend.contains(at("FRI", "18:00"))).isTrue();
            assertThat(weekend.contains(at("SUN", "12:00"))).isTrue();
            assertThat(weekend.contains(at("MON", "07:59"))).isTrue();
            assertThat(weekend.contains(at("MON", "08:00"))).isFalse();
        }

        @Test
        void holidaysKeepTheirPositionAndStoredExclusiveEnd() {
            assertThat(view.schemas().get(1).holidays()).containsExactly(
                    new HolidayView(0, "Pasen", LocalDateTime.parse("2026-04-05T00:00"),
                            LocalDateTime.parse("2026-04-05T23:59"), 2, false),
                    new HolidayView(1, null, LocalDateTime.parse("2026-04-06T00:00"),
                            LocalDateTime.parse("2026-04-07T00:00"), 1, true));
            assertThat(view.schemas().get(2).holidays()).isEmpty();
        }

        @Test
        void devicesAndMobileNumbers() {
            UserView piet = view.user("201");
            assertThat(piet.device("Mobiel").mobileNumber()).isEqualTo("0612345678");
            assertThat(piet.device("Duits").mobileNumber()).isEqualTo("004915112345678");
            assertThat(view.userOfMobileNumber())
                    .containsOnly(entry("0612345678", "201"), entry("004915112345678", "201"));
        }

        @Test
        void assistantsComeFromTheNamedPrivacyGroupOnly() {
            assertThat(view.user("201").assistants()).isEmpty(); // "Niemand" does not exist
            assertThat(view.user("202").assistants()).containsExactly("202");
            assertThat(view.user("202").reach().defaultProfile().name()).isEqualTo("Default");
        }

        @Test
        void profileDestinationsAndCallerIdsAreNational() {
            ProfileView def = view.user("201").reach().defaultProfile();
            assertThat(def.callerId()).isEqualTo("0032471123456");
            assertThat(def.forwardOnBusy()).isEqualTo("004930123456");
            assertThat(def.forwardOnNoAnswer()).isEqualTo("0201234567");
            assertThat(def.voicemailBox()).isEqualTo("600");
            ProfileView away = view.user("201").reach().profiles().get("Weg");
            assertThat(away.forwardAlways()).isEqualTo("202");
            assertThat(away.inherit()).containsExactlyInAnyOrder(ProfileSetting.DEVICES, ProfileSetting.FORWARD_ON_BUSY);
            assertThat(away.inherits(ProfileSetting.DEVICES)).isTrue();
        }

        @Test
        void statusWindowsPastMidnightAndEveryDay() {
            ReachView reach = view.user("201").reach();
            StatusView weekend = reach.status("Weekend");
            assertThat(weekend.activeAt(at("SAT", "03:00"))).isTrue();
            assertThat(weekend.activeAt(at("WED", "03:00"))).isFalse();
            StatusView night = reach.status("Nacht");
            assertThat(night.times()).hasSize(2);
            // No days = every day; 22:00-06:00 runs into the next morning.
            assertThat(night.activeAt(at("TUE", "23:30"))).isTrue();
            assertThat(night.activeAt(at("WED", "05:59"))).isTrue();
            assertThat(night.activeAt(at("WED", "06:00"))).isFalse();
            assertThat(night.activeAt(at("SUN", "12:00"))).isTrue();
            assertThat(night.activeAt(at("SAT", "12:00"))).isFalse();
        }

        @Test
        void callClassContactsBecomeNationalPrefixesStayAsGiven() {
            CallClassView customers = view.user("201").reach().callClass("Klanten");
            assertThat(customers.contactNumbers()).containsExactlyInAnyOrder("0104567890", "0049301234567");
            assertThat(customers.prefixes()).containsExactly("0031", "0104");
            assertThat(customers.extensions()).containsExactly("202");
            assertThat(customers.callerId()).isEqualTo("0301110001");
            CallClassView rest = view.user("201").reach().callClass("Rest");
            assertThat(rest.contactNumbers()).isEmpty();
            assertThat(rest.prefixes()).isEmpty();
        }

        @Test
        void anEmptyAndAMissingStatusAreBothTheNoStatusCell() {
            ReachView reach = view.user("201").reach();
            assertThat(reach.matrix()).containsOnly(
                    entry("Klanten", Map.of("Weekend", "Weg", "", "Default")),
                    entry("Rest", Map.of("", "Weg")));
            assertThat(reach.matrixProfile("Klanten", null)).isEqualTo("Default");
            assertThat(reach.matrixProfile("Rest", "")).isEqualTo("Weg");
        }

        @Test
        void manualStatusRoamingAndDeviceOverride() {
            ReachView reach = view.user("201").reach();
            assertThat(reach.dynamicCallerIds()).containsOnly(entry("#30#", "0301110001"));
            assertThat(reach.manualStatus()).isEqualTo("Nacht");
            assertThat(reach.manualStatusUntil()).isEqualTo(LocalDateTime.parse("2026-03-01T08:00"));
            assertThat(reach.roamingStatus()).isEqualTo("Weekend");
            assertThat(reach.manualDeviceOverride()).containsExactly("Mobiel", "Desktop");
            assertThat(reach.manualDeviceOverrideUntil()).isEqualTo(LocalDateTime.parse("2026-03-01T09:00"));
        }

        @Test
        void groupForwardListsAreSplitTrimmedAndNational() {
            GroupView group = (GroupView) view.extension("300");
            assertThat(group.internalForwards().always()).containsExactly("201", "0612345678", "0049301234567");
            assertThat(group.internalForwards().onBusy()).isEmpty();
            assertThat(group.internalForwards().noAnswerTimeout()).isEqualTo(15);
            assertThat(group.externalForwards().onBusy()).containsExactly("0032471123456");
            assertThat(group.externalForwards().onNoAnswer()).isEmpty();
            assertThat(group.externalForwards().noAnswerTimeout()).isEqualTo(20);
        }

        @Test
        void lbrNumberMatchesBecomeNationalAndKeepTheirWildcard() {
            LbrView caller = (LbrView) view.extension("500");
            assertThat(caller.lbrType()).isEqualTo(LbrType.CALLER_NUMBER);
            assertThat(caller.defaultDestination()).isEqualTo("0201110000");
            assertThat(caller.anonymousDestination()).isEqualTo("300");
            assertThat(caller.anonymousPrefix()).isEqualTo("ANON");
            assertThat(caller.mobileDestination()).isNull();
            assertThat(caller.entries()).containsExactly(new LbrEntryView("0049%", "DE", "300"),
                    new LbrEntryView("0104*", "RDM", "0104567890"), new LbrEntryView("0104567890", null, "201"));
            assertThat(caller.entries().get(1).wildcard()).isTrue();
            assertThat(caller.entries().get(1).fixedPart()).isEqualTo("0104");

            LbrView called = (LbrView) view.extension("501");
            assertThat(called.entries()).containsExactly(new LbrEntryView("0301110000", null, "004930123456"));

            LbrView postal = (LbrView) view.extension("502");
            assertThat(postal.sound()).isEqualTo("postcode.wav");
            assertThat(postal.entries()).containsExactly(new LbrEntryView("3011", "RDM", "201"));
        }

        @Test
        void tbrWindowsPastMidnightAndWithoutDays() {
            TbrView tbr = (TbrView) view.extension("550");
            WeeklyWindow nights = tbr.periods().get(0).window();
            assertThat(tbr.periods().get(0).destination()).isEqualTo("0201110000");
            // Friday to Monday, 22:00-06:00 each night: Monday night runs into Tuesday morning.
            assertThat(nights.contains(at("FRI", "22:00"))).isTrue();
            assertThat(nights.contains(at("SAT", "05:59"))).isTrue();
            assertThat(nights.contains(at("SAT", "12:00"))).isFalse();
            assertThat(nights.contains(at("TUE", "05:59"))).isTrue();
            assertThat(nights.contains(at("TUE", "22:00"))).isFalse();
            assertThat(nights.contains(at("FRI", "05:00"))).isFalse();
            WeeklyWindow lunch = tbr.periods().get(1).window();
            assertThat(tbr.periods().get(1).position()).isEqualTo(1);
            for (String day : new String[] {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"}) {
                assertThat(lunch.contains(at(day, "12:30"))).as(day).isTrue();
            }
            assertThat(lunch.contains(at("WED", "13:00"))).isFalse();
        }

        @Test
        void callLimitAndForwardNumbers() {
            assertThat(view.extension("560")).isEqualTo(new CallLimitView("560", "Overloop", 2,
                    ForwardCallerId.SPECIFIC_NUMBER, "0301110000", "201", "busy"));
            assertThat(view.extension("570")).isEqualTo(new ForwardView("570", "Belgie", "0032471123456",
                    ForwardCallerId.SPECIFIC_NUMBER, "0032471123456"));
        }

        @Test
        void mediaSettingsLeaveUnsetValuesOut() {
            assertThat(((MediaExtensionView) view.extension("600")).settings()).containsOnly(entry("language", "NL"),
                    entry("attachAudio", "false"), entry("deleteAfterEmail", "false"));
            Map<String, String> queue = ((MediaExtensionView) view.extension("400")).settings();
            assertThat(queue).contains(entry("emergency", "true"), entry("exitDestination", "0201110000"),
                    entry("infotainment", "a.wav,b.wav"), entry("strategy", "FIXED_ORDER_FROM_TOP"),
                    entry("ringTimeout", "20"));
            assertThat(queue).doesNotContainKeys("members", "startDate", "intro", "maxWaitDestination");
        }
    }
}
