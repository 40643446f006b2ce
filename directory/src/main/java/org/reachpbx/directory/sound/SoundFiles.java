package org.reachpbx.directory.sound;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.repository.TenantRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sound files of a tenant (MOH-01, AA-02, IVR-01, VM-02, QUE-29 … QUE-31): uploaded once as MP3
 * or WAV, converted at once to what the media plane plays (8 kHz mono 16-bit PCM WAV,
 * {@link SoundConverter}) and stored under the name the tenant configuration refers to. The media
 * plane reads them with {@link #find}. A file the configuration still refers to cannot be deleted.
 */
@Service
public class SoundFiles {

    private final StoredSoundRepository sounds;
    private final StoredSoundAudioRepository audio;
    private final TenantRepository tenants;
    private final SoundConverter converter;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public SoundFiles(StoredSoundRepository sounds, StoredSoundAudioRepository audio, TenantRepository tenants,
                      SoundConverter converter, ObjectProvider<Clock> clock, PlatformTransactionManager transactions) {
        this.sounds = sounds;
        this.audio = audio;
        this.tenants = tenants;
        this.converter = converter;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What {@link #store} did: the stored file, and whether it replaced one of the same name. */
    public record Stored(StoredSound sound, boolean replaced) {
    }

    /**
     * Converts and stores an upload under {@code name}, replacing a file of that name (the
     * configuration that refers to it then plays the new one).
     *
     * @throws SoundRejectedException when the name or the file cannot be used; nothing is stored then
     * @throws SoundNotFoundException when there is no such tenant
     */
    public Stored store(long tenantId, String name, String originalFileName, byte[] bytes) {
        SoundNames.require(name);
        requireTenant(tenantId);
        // converting takes up to seconds for a long file: outside the transaction
        SoundConverter.Converted converted = converter.convert(bytes);
        return transaction.execute(status -> save(tenantId, name, originalFileName, bytes.length, converted));
    }

    private Stored save(long tenantId, String name, String originalFileName, long uploadSize,
                        SoundConverter.Converted converted) {
        requireTenant(tenantId);
        Optional<StoredSound> existing = sounds.findByTenantIdAndName(tenantId, name);
        StoredSound s = existing.orElseGet(StoredSound::new);
        s.setTenantId(tenantId);
        s.setName(name);
        s.setOriginalFileName(originalFileName == null || originalFileName.isBlank() ? null
                : originalFileName.length() > 255 ? originalFileName.substring(originalFileName.length() - 255)
                : originalFileName);
        s.setFormat(converted.format());
        s.setDurationMillis(converted.durationMillis());
        s.setUploadSize(uploadSize);
        s.setAudioSize(converted.wav().length);
        s.setCreatedAt(clock.instant());
        StoredSound saved = sounds.saveAndFlush(s);
        StoredSoundAudio a = audio.findById(saved.getId()).orElseGet(() -> new StoredSoundAudio(saved.getId(), null));
        a.setWav(converted.wav());
        audio.save(a);
        return new Stored(saved, existing.isPresent());
    }

    /**
     * The converted audio of the tenant's sound file {@code name}: a complete WAV file, RIFF/WAVE,
     * PCM, 8 kHz, mono, 16-bit little-endian, with a 44-byte header. Empty when the tenant has no
     * file of that name. This is the media plane's way in; it stays as it is.
     */
    @Transactional(readOnly = true)
    public Optional<byte[]> find(long tenantId, String name) {
        return sounds.findByTenantIdAndName(tenantId, name).flatMap(s -> audio.findById(s.getId()))
                .map(StoredSoundAudio::getWav);
    }

    /** The metadata of one file. */
    @Transactional(readOnly = true)
    public Optional<StoredSound> info(long tenantId, String name) {
        return sounds.findByTenantIdAndName(tenantId, name);
    }

    /** The tenant's files by name (metadata only). */
    @Transactional(readOnly = true)
    public List<StoredSound> list(long tenantId) {
        requireTenant(tenantId);
        return sounds.findByTenantIdOrderByNameAsc(tenantId);
    }

    /**
     * Deletes a file the configuration no longer refers to.
     *
     * @throws SoundInUseException with every place that still refers to it; nothing is deleted then
     * @throws SoundNotFoundException when the tenant has no file of that name
     */
    @Transactional
    public void delete(long tenantId, String name) {
        Tenant t = requireTenant(tenantId);
        StoredSound s = sounds.findByTenantIdAndName(tenantId, name)
                .orElseThrow(() -> new SoundNotFoundException("tenant " + tenantId + " has no sound file " + name));
        List<String> uses = SoundReferences.of(t).getOrDefault(name, List.of());
        if (!uses.isEmpty()) {
            throw new SoundInUseException(name, uses);
        }
        audio.deleteById(s.getId());
        sounds.delete(s);
        sounds.flush();
    }

    /** Every sound name the tenant's configuration refers to, with the places that use it. */
    @Transactional(readOnly = true)
    public Map<String, List<String>> references(long tenantId) {
        return SoundReferences.of(requireTenant(tenantId));
    }

    /**
     * The names the configuration refers to that are not uploaded, with their places. Not an error
     * (an import does not need the audio, docs/sounds.md): the media plane plays nothing there.
     */
    @Transactional(readOnly = true)
    public Map<String, List<String>> missing(long tenantId) {
        Set<String> uploaded = sounds.findByTenantIdOrderByNameAsc(tenantId).stream().map(StoredSound::getName)
                .collect(Collectors.toSet());
        Map<String, List<String>> missing = new LinkedHashMap<>();
        references(tenantId).forEach((name, uses) -> {
            if (!uploaded.contains(name)) {
                missing.put(name, uses);
            }
        });
        return missing;
    }

    private Tenant requireTenant(long tenantId) {
        return tenants.findById(tenantId).orElseThrow(() -> new SoundNotFoundException("no tenant " + tenantId));
    }
}
