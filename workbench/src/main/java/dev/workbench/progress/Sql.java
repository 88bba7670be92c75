package dev.workbench.progress;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded stores' one way to ask H2 (the progress store, the class hub, the learner's outbox):
 * a statement with its arguments bound, its rows read one by one, and a failure said as which store
 * failed, never as a bare {@link SQLException}.
 *
 * @param pool the store's connections
 * @param store the store's name in the learner's language, for the failure ("o registro de
 *     progresso")
 */
public record Sql(JdbcConnectionPool pool, String store) {
  /**
   * The connections to the H2 database in {@code file} (created when missing). Every commit reaches
   * the file before the statement returns ({@code WRITE_DELAY=0}; H2's default holds commits up to
   * half a second), so a workbench killed right after a step still has its result, and its outbox
   * still has the event for the hub.
   */
  public static JdbcConnectionPool pool(Path file) {
    return JdbcConnectionPool.create("jdbc:h2:file:" + file + ";WRITE_DELAY=0", "wb", "");
  }

  /** Reads one row. */
  public interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Runs a query and hands each row to {@code reader}. */
  public void query(String sql, RowReader reader, Object... args) {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        reader.read(rs);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Runs an insert, update or delete on a connection of its own. */
  public void update(String sql, Object... args) {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = prepare(c, sql, args)) {
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** {@code sql} prepared on {@code c} with {@code args} bound in order. */
  public static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }

  public IllegalStateException failed(SQLException e) {
    return new IllegalStateException(store + " falhou: " + e.getMessage(), e);
  }
}
