package org.reachpbx.directory.secrets;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, encrypts the secrets still stored in plaintext (rows written before encryption at rest
 * existed): webhook secrets and contact-pull Authorization values. Idempotent; runs before anything
 * else uses them.
 */
@Component
@Order(0)
public class SecretsAtRest implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecretsAtRest.class);

    /** Table → secret column. */
    static final Map<String, String> COLUMNS = Map.of(
            "webhook_endpoint", "secret",
            "contact_pull_source", "authorization_header");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SecretCipher cipher;

    public SecretsAtRest(JdbcTemplate jdbc, TransactionTemplate transaction, EncryptedSecret converter) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.cipher = converter.cipher();
    }

    @Override
    public void run(ApplicationArguments args) {
        encryptPlaintextRows();
    }

    /** The number of rows encrypted. */
    public int encryptPlaintextRows() {
        Integer total = transaction.execute(status -> {
            int count = 0;
            for (Map.Entry<String, String> c : COLUMNS.entrySet()) {
                List<Map<String, Object>> rows = jdbc.queryForList("select id, " + c.getValue() + " as v from "
                        + c.getKey() + " where " + c.getValue() + " is not null and " + c.getValue() + " not like ?",
                        SecretCipher.PREFIX + "%");
                for (Map<String, Object> row : rows) {
                    count += jdbc.update("update " + c.getKey() + " set " + c.getValue() + " = ? where id = ?",
                            cipher.encrypt((String) row.get("v")), row.get("id"));
                }
            }
            return count;
        });
        if (total != null && total > 0) {
            log.info("Encrypted {} secret(s) that were stored in plaintext", total);
        }
        return total == null ? 0 : total;
    }
}
