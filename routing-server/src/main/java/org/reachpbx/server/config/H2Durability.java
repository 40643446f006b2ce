package org.reachpbx.server.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * A write the server confirmed survives a crash of the server (kill -9) on the embedded H2 database
 * too. H2's MVStore otherwise writes committed transactions to its file up to a second later
 * ({@code WRITE_DELAY}, 500 ms by default), so a tenant import answered 201 and then killed was lost.
 * {@code WRITE_DELAY 0} writes every commit to the file before the commit returns. The default JDBC URL
 * says so too; this makes it true for any H2 URL given in {@code PBX_DB_URL}. MariaDB needs nothing
 * (InnoDB's commit is durable by default). Not covered: a power loss (H2 does not fsync each commit).
 */
@Component
class H2Durability implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(H2Durability.class);

    private final DataSource dataSource;

    H2Durability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
            }
            log.debug("H2: every commit is written to the database file before it returns (WRITE_DELAY 0)");
        }
    }
}
