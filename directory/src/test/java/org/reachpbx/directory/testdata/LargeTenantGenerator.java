package org.reachpbx.directory.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import org.reachpbx.directory.model.CallClass;
import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.model.Contact;
import org.reachpbx.directory.model.DeviceSelection;
import org.reachpbx.directory.model.ForwardExtension;
import org.reachpbx.directory.model.GroupExtension;
import org.reachpbx.directory.model.IvrExtension;
import org.reachpbx.directory.model.IvrOption;
import org.reachpbx.directory.model.MatrixCell;
import org.reachpbx.directory.model.NumberPlan;
import org.reachpbx.directory.model.NumberPlanEntry;
import org.reachpbx.directory.model.NumberPlanSchema;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.QueueExtension;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.ReachStatus;
import org.reachpbx.directory.model.ScheduleEntry;
import org.reachpbx.directory.model.SipPasswordHash;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.TimeWindow;
import org.reachpbx.directory.model.UserDevice;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.model.VoicemailExtension;
import org.reachpbx.directory.yaml.TenantYaml;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.rules.vocabulary.NumberKind;
import org.reachpbx.rules.vocabulary.ProfileSetting;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Makes a large, valid, 4-digit tenant for benchmarks: {@code users} users (extensions 2000…) each
 * with a desk phone on its own channel, DESKTOP, a personal number and a REACH configuration with
 * two profiles, two statuses and two call classes; groups of 20, ten queues, an IVR, and
 * {@code companyNumbers} company numbers in a number plan schema with a weekly schedule.
 * <p>
 * Run {@code main} to write it as YAML: {@code mvn -pl directory exec:java} is not configured, so
 * use the test {@code LargeTenantImportTest} or call {@link #main} from an IDE with an output path.
 */
public final class LargeTenantGenerator {

    /**
     * One salted hash reused for every generated user: hashing a thousand PINs with bcrypt would
     * dominate an import benchmark, and generated PINs are no secret anyway. The PIN is 4827.
     */
    private static final String PIN_HASH = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("4827");

    private LargeTenantGenerator() {
    }

    public static Tenant generate(String name, int users, int companyNumbers) {
        Tenant t = new Tenant();
        t.setName(name);
        t.setSipDomain(name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".reachpbx.test");
        t.setExtensionLength(4);
        t.setEmergencyFallbackCallerId("+31201000000");
        t.getFacilities().setTwinning(true);

        for (int i = 0; i < companyNumbers; i++) {
            PhoneNumber n = new PhoneNumber();
            n.setNumber(String.format("+312010%05d", i));
            t.getNumbers().add(n);
        }
        VoicemailExtension vm = new VoicemailExtension();
        vm.setNumber("6000");
        vm.setName("Algemene voicemail");
        vm.setPinHash(PIN_HASH);
        t.getExtensions().add(vm);

        for (int u = 0; u < users; u++) {
            t.getExtensions().add(user(t, 2000 + u));
        }
        int groups = Math.max(1, users / 20);
        for (int g = 0; g < groups; g++) {
            GroupExtension group = new GroupExtension();
            group.setNumber(String.valueOf(3000 + g));
            group.setName("Groep " + g);
            for (int m = 0; m < 20 && g * 20 + m < users; m++) {
                group.getMembers().add(String.valueOf(2000 + g * 20 + m));
            }
            group.getExternalForwards().setOnNoAnswer("0612345678;0201234567");
            t.getExtensions().add(group);
        }
        for (int q = 0; q < 10; q++) {
            ForwardExtension agent = new ForwardExtension();
            agent.setNumber(String.valueOf(5700 + q));
            agent.setName("Extern agent " + q);
            agent.setDestination("0612345" + String.format("%03d", q));
            t.getExtensions().add(agent);
            QueueExtension queue = new QueueExtension();
            queue.setNumber(String.valueOf(4000 + q));
            queue.setName("Wachtrij " + q);
            for (int m = 0; m < 10 && q * 10 + m < users; m++) {
                queue.getMembers().add(String.valueOf(2000 + q * 10 + m));
            }
            queue.getMembers().add(agent.getNumber());
            queue.setMaxWaitTimeout(120);
            queue.setMaxWaitDestination("6000");
            t.getExtensions().add(queue);
        }
        IvrExtension ivr = new IvrExtension();
        ivr.setNumber("7000");
        ivr.setName("Hoofdmenu");
        for (int o = 1; o <= 9; o++) {
            IvrOption option = new IvrOption();
            option.setDigits(String.valueOf(o));
            option.setDestination(String.valueOf(4000 + o));
            ivr.getOptions().add(option);
        }
        ivr.setFailoverTimeout(30);
        ivr.setFailoverDestination("6000");
        t.getExtensions().add(ivr);

        t.getNumberPlanSchemas().add(schema(t, companyNumbers, users, groups));
        return t;
    }

    private static UserExtension user(Tenant t, int number) {
        String ext = String.valueOf(number);
        UserExtension u = new UserExtension();
        u.setNumber(ext);
        u.setName("Gebruiker " + ext);
        u.setPinHash(PIN_HASH);
        u.setAreaCode("020");
        u.setTwinning(true);

        Channel c = new Channel();
        c.setName("desk-" + ext);
        // The hashes, not the password: an export-shaped document carries no plain secret.
        c.setPasswordHash(SipPasswordHash.of(c.getName(), t.getSipDomain(), "secret-" + ext));
        c.setAreaCode("020");
        c.setCoupledUser(ext);
        t.getChannels().add(c);
        u.getDevices().add(device("Bureau", DeviceType.FIXED, c.getName()));
        u.getDevices().add(device("Desktop", DeviceType.DESKTOP, null));

        PhoneNumber personal = new PhoneNumber();
        personal.setNumber("+31202" + ext + "00");
        personal.setOwner(ext);
        personal.setDefaultCallClass("Zakelijk");
        personal.setAnonymousCallClass("Privé");
        t.getNumbers().add(personal);

        ReachProfile def = u.getReach().getDefaultProfile();
        def.setName("Standaard");
        def.setCallerId(personal.getNumber());
        def.setForwardOnNoAnswer("voicemail");
        def.getDevices().add(selection("Bureau", 1));
        def.getDevices().add(selection("Desktop", 1));
        ReachProfile evening = new ReachProfile();
        evening.setName("Avond");
        evening.setForwardAlways("voicemail");
        evening.getInherit().addAll(List.of(ProfileSetting.CALLER_ID, ProfileSetting.DEVICES));
        u.getReach().addProfile(evening);

        u.getReach().getStatuses().add(status("Dag", "08:00", "18:00"));
        u.getReach().getStatuses().add(status("Avond", "18:00", "23:00"));

        CallClass business = new CallClass();
        business.setName("Zakelijk");
        business.getPrefixes().add("0049");
        Contact contact = new Contact();
        contact.setName("Klant " + ext);
        contact.setNumber("010" + ext + "123");
        business.getContacts().add(contact);
        business.setAssistantGroupAllowed(true);
        CallClass personalClass = new CallClass();
        personalClass.setName("Privé");
        u.getReach().getCallClasses().add(business);
        u.getReach().getCallClasses().add(personalClass);
        u.getReach().getMatrix().add(cell("Zakelijk", "Avond", "Avond"));
        u.getReach().getMatrix().add(cell("Privé", "Dag", "Avond"));
        return u;
    }

    private static NumberPlanSchema schema(Tenant t, int companyNumbers, int users, int groups) {
        NumberPlanSchema s = new NumberPlanSchema();
        s.setNumber(1);
        s.setName(t.getName());
        NumberPlan open = new NumberPlan();
        open.setNumber(1);
        open.setName("Open");
        NumberPlan closed = new NumberPlan();
        closed.setNumber(2);
        closed.setName("Gesloten");
        for (int i = 0; i < companyNumbers; i++) {
            String number = t.getNumbers().get(i).getNumber();
            String target = i == 0 ? "7000" : i < 11 ? String.valueOf(4000 + i - 1)
                    : i < 11 + groups ? String.valueOf(3000 + i - 11) : String.valueOf(2000 + (i % users));
            open.getEntries().add(entry(number, target));
            closed.getEntries().add(entry(number, "6000"));
        }
        s.getPlans().add(open);
        s.getPlans().add(closed);
        ScheduleEntry office = new ScheduleEntry();
        office.getDays().addAll(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
        office.setFrom("08:00");
        office.setTo("17:00");
        office.setPlan(1);
        ScheduleEntry week = new ScheduleEntry();
        week.setFromDay(DayOfWeek.MONDAY);
        week.setFrom("00:00");
        week.setToDay(DayOfWeek.SUNDAY);
        week.setTo("24:00");
        week.setPlan(2);
        s.getSchedule().add(office);
        s.getSchedule().add(week);
        return s;
    }

    private static UserDevice device(String name, DeviceType type, String channel) {
        UserDevice d = new UserDevice();
        d.setName(name);
        d.setType(type);
        d.setChannel(channel);
        return d;
    }

    private static DeviceSelection selection(String device, int step) {
        DeviceSelection s = new DeviceSelection();
        s.setDevice(device);
        s.setStep(step);
        return s;
    }

    private static ReachStatus status(String name, String from, String to) {
        ReachStatus s = new ReachStatus();
        s.setName(name);
        TimeWindow w = new TimeWindow();
        w.getDays().addAll(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
        w.setFrom(from);
        w.setTo(to);
        s.getTimes().add(w);
        return s;
    }

    private static MatrixCell cell(String callClass, String status, String profile) {
        MatrixCell c = new MatrixCell();
        c.setCallClass(callClass);
        c.setStatus(status);
        c.setProfile(profile);
        return c;
    }

    private static NumberPlanEntry entry(String number, String extension) {
        NumberPlanEntry e = new NumberPlanEntry();
        e.setNumber(number);
        e.setExtension(extension);
        return e;
    }

    /** Writes the generated tenant as YAML: {@code LargeTenantGenerator <file> [users] [numbers]}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/large-tenant.yaml");
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int numbers = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Files.writeString(out, new TenantYaml().write(generate("Large BV", users, numbers)));
        System.out.println("Wrote " + out.toAbsolutePath());
    }
}
