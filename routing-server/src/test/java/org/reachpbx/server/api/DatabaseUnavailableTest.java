package org.reachpbx.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Issue 15, item 15 without MariaDB: a database that cannot be reached is a 503 that says so, logged once. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnavailableTest {

    @Test
    void anUnreachableDatabaseIsA503WithAClearBodyLoggedOncePerOutage(CapturedOutput output) {
        DatabaseOutage outage = new DatabaseOutage();
        ApiErrors errors = new ApiErrors(outage);
        for (int i = 0; i < 3; i++) {
            ResponseEntity<ApiErrors.ErrorBody> answer = errors.databaseUnavailable(new CannotCreateTransactionException(
                    "Could not open JPA EntityManager", new CannotGetJdbcConnectionException("timed out")));
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getBody().error()).contains("configuration database is not reachable");
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        }
        assertThat(outage.isDown()).isTrue();
        assertThat(output.getAll().split("The configuration database is unreachable", -1)).hasSize(2);
    }
}
