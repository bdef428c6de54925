package dev.tentacle.server.storage.machines;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The environments, roles and tenants of one machine, each sorted by name ignoring case. */
record MachineTagSet(List<String> environments, List<String> roles, List<String> tenants) {

    static final MachineTagSet EMPTY = new MachineTagSet(List.of(), List.of(), List.of());

    /** The tags of every machine the query selects, in one round trip. */
    static Map<Long, MachineTagSet> load(Connection connection, MachineQuery query) throws SQLException {
        String sql = "SELECT machine_id, tag_kind, tag_name FROM machine_tags WHERE machine_id IN "
                + "(SELECT m.id FROM machines m WHERE " + query.where() + ") ORDER BY machine_id, tag_key";
        Map<Long, Builder> builders = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            query.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    builders.computeIfAbsent(rows.getLong("machine_id"), id -> new Builder())
                            .add(TagKind.valueOf(rows.getString("tag_kind")), rows.getString("tag_name"));
                }
            }
        }
        Map<Long, MachineTagSet> sets = new HashMap<>();
        builders.forEach((id, builder) -> sets.put(id, builder.build()));
        return sets;
    }

    private static final class Builder {
        private final List<String> environments = new ArrayList<>();
        private final List<String> roles = new ArrayList<>();
        private final List<String> tenants = new ArrayList<>();

        void add(TagKind kind, String name) {
            switch (kind) {
                case ENVIRONMENT -> environments.add(name);
                case ROLE -> roles.add(name);
                case TENANT -> tenants.add(name);
            }
        }

        MachineTagSet build() {
            return new MachineTagSet(List.copyOf(environments), List.copyOf(roles), List.copyOf(tenants));
        }
    }
}
