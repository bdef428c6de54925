package dev.tentacle.server.storage.machines;

import dev.tentacle.server.storage.internal.Columns;
import dev.tentacle.server.storage.internal.Names;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A condition on {@code machines m} with its parameters, shared by the machine query and the tag query. */
record MachineQuery(String where, List<Object> parameters) {

    MachineQuery {
        parameters = List.copyOf(parameters);
    }

    static MachineQuery of(MachineFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        conditions.add("1 = 1");
        addTagCondition(conditions, parameters, TagKind.ROLE, filter.role());
        addTagCondition(conditions, parameters, TagKind.ENVIRONMENT, filter.environment());
        addTagCondition(conditions, parameters, TagKind.TENANT, filter.tenant());
        if (filter.nameContains() != null) {
            conditions.add("m.name_key LIKE ? ESCAPE '\\'");
            parameters.add("%" + Columns.likeLiteral(Names.key(filter.nameContains())) + "%");
        }
        if (!filter.thumbprints().isEmpty()) {
            // Stored as Thumbprint.hex(): upper-case hex without separators, so equality is exact.
            conditions.add("m.thumbprint IN (" + String.join(", ", Collections.nCopies(filter.thumbprints().size(), "?"))
                    + ")");
            filter.thumbprints().forEach(thumbprint -> parameters.add(thumbprint.hex()));
        }
        return new MachineQuery(String.join(" AND ", conditions), parameters);
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static void addTagCondition(List<String> conditions, List<Object> parameters, TagKind kind, String name) {
        if (name != null) {
            conditions.add("EXISTS (SELECT 1 FROM machine_tags t WHERE t.machine_id = m.id AND t.tag_kind = '"
                    + kind.name() + "' AND t.tag_key = ?)");
            parameters.add(Names.key(name));
        }
    }
}
