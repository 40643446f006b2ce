package org.reachpbx.directory.secrets;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A secret column encrypted at rest with {@code pbx.security.secret-key} ({@link SecretCipher}). Read:
 * an encrypted value is decrypted, an older plaintext value comes as it is; written: always encrypted,
 * so a plaintext row is encrypted on its next save (and at start-up by {@link SecretsAtRest}).
 */
@Component
@Converter
public class EncryptedSecret implements AttributeConverter<String, String> {

    private final SecretCipher cipher;

    public EncryptedSecret(@Value("${pbx.security.secret-key:}") String key) {
        this.cipher = new SecretCipher(key);
    }

    SecretCipher cipher() {
        return cipher;
    }

    @Override
    public String convertToDatabaseColumn(String plain) {
        return cipher.encrypt(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decrypt(stored);
    }
}
