package dev.orgsign.service;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Small JDBC helpers shared by the service's stores. */
final class Sql {
    private Sql() {
    }

    /** @return {@code n} parameter marks for an IN list, e.g. {@code ?, ?, ?} */
    static String marks(int n) {
        StringBuilder b = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "?" : ", ?");
        }
        return b.toString();
    }

    /** Sets {@code values} as the parameters from {@code first} on. */
    static void strings(PreparedStatement ps, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(first + i, values.get(i));
        }
    }

    /** Whether {@code e} (or a batch entry's failure it carries) is a unique-key violation (SQLSTATE 23505). */
    static boolean uniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && ("23505".equals(s.getSQLState())
                    || s.getNextException() != null && "23505".equals(s.getNextException().getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
