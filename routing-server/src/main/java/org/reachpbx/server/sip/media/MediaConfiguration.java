package org.reachpbx.server.sip.media;

import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.integrations.voicemail.VoicemailBoxes;
import org.reachpbx.integrations.voicemail.VoicemailDeposit;
import org.reachpbx.integrations.voicemail.VoicemailMailbox;
import org.reachpbx.integrations.voicemail.VoicemailMessages;
import org.reachpbx.media.MediaConfig;
import org.reachpbx.media.MediaEngine;
import org.reachpbx.media.engine.RtpMediaEngine;
import org.reachpbx.media.play.PromptLibrary;
import org.reachpbx.server.sip.b2bua.B2bua;
import org.reachpbx.directory.store.NumberPlanChanges;
import org.reachpbx.directory.store.ReachForwards;
import org.reachpbx.directory.sound.SoundFiles;
import org.reachpbx.server.sip.media.services.SoundRecording;
import org.reachpbx.server.sip.media.forwardmenu.ForwardMenu;
import org.reachpbx.directory.view.ServiceViewBuilder;
import org.reachpbx.rules.services.ServiceEngine;
import org.reachpbx.server.sip.services.InCallServices;
import org.reachpbx.rules.services.ServiceView;
import org.reachpbx.server.sip.devices.DeviceLoginService;
import org.reachpbx.server.sip.media.planmenu.PlanMenu;
import org.reachpbx.server.sip.devices.DeviceLogins;
import org.reachpbx.server.sip.media.login.LoginStatus;
import org.reachpbx.server.sip.media.login.PhoneLogin;
import org.reachpbx.server.sip.media.login.PinChange;
import org.reachpbx.server.sip.media.login.PhoneLogout;
import org.reachpbx.server.sip.media.voicemail.Voicemail;
import org.reachpbx.server.sip.stack.SipServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The media plane in the server (docs/media.md): the RTP engine and the services the B2BUA runs on
 * calls it answers. Needs the SIP server; off with {@code pbx.media.enabled=false}.
 */
@Configuration
@EnableConfigurationProperties(MediaProperties.class)
@ConditionalOnProperty(name = {"pbx.sip.enabled", "pbx.media.enabled"}, havingValue = "true", matchIfMissing = true)
public class MediaConfiguration {

    @Bean(destroyMethod = "close")
    public MediaEngine mediaEngine(MediaProperties properties, SipServer sip) {
        MediaEngine engine = new RtpMediaEngine(new MediaConfig(properties.getBindAddress(), address(properties, sip),
                properties.rtpPortMin(), properties.rtpPortMax(), MediaConfig.DEFAULT_PTIME_MS,
                properties.getJitterBufferMs(),
                properties.getIoThreads() > 0 ? properties.getIoThreads() : MediaConfig.defaultIoThreads()));
        if (properties.getReaderPriority() > 0) {
            ReaderPriority.apply(properties.getReaderPriority());
        }
        return engine;
    }

    @Bean
    public PromptLibrary promptLibrary() {
        return new PromptLibrary();
    }

    @Bean(destroyMethod = "shutdown")
    public MediaServices mediaServices(MediaEngine engine, MediaProperties properties, SipServer sip, B2bua b2bua,
                                       PromptLibrary prompts, VoicemailBoxes boxes, VoicemailMessages messages,
                                       VoicemailDeposit deposit, VoicemailMailbox mailbox,
                                       ObjectProvider<TenantSounds> sounds, TenantRepository tenants,
                                       PlatformTransactionManager transactions, DeviceLoginService logins,
                                       NumberPlanChanges planChanges, java.time.Clock clock,
                                       DeviceLogins deviceLogins, ReachForwards forwards,
                                       ObjectProvider<SoundFiles> soundStore) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        MediaServices services = new MediaServices(engine, properties, address(properties, sip), sip, prompts,
                new Voicemail(boxes, messages, deposit, mailbox), sounds.getIfAvailable(() -> TenantSounds.NONE),
                new MusicOnHold(tenants, readOnly));
        services.systemCode("901", service -> new PhoneLogin(logins));
        services.systemCode("902", service -> new PhoneLogout(logins));
        services.systemCode("900", service -> new LoginStatus(deviceLogins::userOn));
        services.systemCode("907", service -> new PinChange());
        ServiceEngine serviceEngine = new ServiceEngine();
        java.util.function.LongFunction<ServiceView> serviceViews = tenant -> readOnly.execute(
                s -> tenants.findById(tenant).map(ServiceViewBuilder::build)
                        .orElseThrow(() -> new IllegalArgumentException("no tenant " + tenant)));
        services.systemCode("915", service -> new PlanMenu(serviceEngine, serviceViews, planChanges, clock));
        services.systemCode("910", service -> new ForwardMenu(serviceEngine, serviceViews, forwards, clock));
        // In-call services (issue 14): park by transfer to *6, retrieve by 930+line, pickup by *8/908, device switch by
        // *9/909, listen-in by 906 (+ the agent's extension).
        InCallServices inCall = new InCallServices(serviceViews, clock);
        services.systemCodePrefix("930", inCall::scriptFor);
        services.systemCodePrefix("*8", inCall::scriptFor);
        services.systemCodePrefix("908", inCall::scriptFor);
        services.systemCode("*9", inCall::scriptFor);
        services.systemCode("909", inCall::scriptFor);
        services.systemCodePrefix("906", inCall::scriptFor);
        inCall.attach(b2bua);
        b2bua.attach(inCall);
        SoundFiles soundFiles = soundStore.getIfAvailable();
        if (soundFiles != null) {
            services.systemCode("905", service -> new SoundRecording(
                    (tenant, name, wav) -> soundFiles.store(tenant, name, "905.wav", wav), clock));
        }
        b2bua.attach(services);
        return services;
    }

    /** The SDP address: {@code pbx.media.address}, else the SIP server's advertised host. */
    private static String address(MediaProperties properties, SipServer sip) {
        String configured = properties.getAddress();
        return configured != null && !configured.isBlank() ? configured : sip.advertisedHost();
    }
}
