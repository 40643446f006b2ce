package org.reachpbx.server.sip.media;

import java.util.Optional;
import org.reachpbx.directory.sound.SoundFiles;
import org.springframework.stereotype.Component;

/** The tenant's uploaded sound files (docs/sounds.md), already converted to 8 kHz WAV at upload. */
@Component
public class StoredTenantSounds implements TenantSounds {

    private final SoundFiles files;

    public StoredTenantSounds(SoundFiles files) {
        this.files = files;
    }

    @Override
    public Optional<byte[]> wav(long tenantId, String name) {
        return files.find(tenantId, name);
    }
}
