package dev.incidentloop.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * A real PostgreSQL server (binaries from Maven Central) on a data directory that is kept between runs. Each
 * service gets its own database.
 */
final class Postgres implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;
    private final Path dataDir;

    private Postgres(EmbeddedPostgres server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    static Postgres start(Path dataDir, int port, Collection<String> databases) throws IOException, SQLException {
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // the launcher stops PostgreSQL itself, after the services: its own hook would stop it first
                .setRegisterShutdownHook(false)
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String database : databases) {
                try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                s.execute("create database " + database);
            }
        }
        return new Postgres(server, dataDir);
    }

    /** The server's process id: the first line of the {@code postmaster.pid} it writes into its data folder. */
    long pid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
