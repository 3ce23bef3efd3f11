package org.cadre.evaluation.internal.inputs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.PackParameter;
import org.cadre.ratingrules.RulePackRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cycle an input is for, read from the cycle table, and what its pinned pack says about inputs. */
@Component
class InputCycles {

    private final JdbcClient jdbc;
    private final RulePackRegistry packs;
    // a stored pack version never changes (an edit makes a new version), so what it says is read once
    private final Map<String, PackFrame> frames = new ConcurrentHashMap<>();

    InputCycles(JdbcClient jdbc, RulePackRegistry packs) {
        this.jdbc = jdbc;
        this.packs = packs;
    }

    InputCycle require(UUID id) {
        return read(id, "");
    }

    /**
     * The cycle, refused when it is closed; its row is share-locked until the change commits, so a cycle cannot be
     * closed under an entry that is being written.
     */
    InputCycle requireOpen(UUID id) {
        InputCycle cycle = read(id, " FOR SHARE");
        if (!cycle.open()) {
            throw new Refused(EvaluationRefusal.CYCLE_CLOSED);
        }
        return cycle;
    }

    private InputCycle read(UUID id, String lock) {
        if (id == null) {
            throw new Refused(EvaluationRefusal.CYCLE_UNKNOWN);
        }
        return jdbc.sql("SELECT cycle_id, year, scope_id, pack_id, pack_version, status FROM evaluation.cycle "
                + "WHERE cycle_id = :id" + lock).param("id", id)
                .query((rs, n) -> new InputCycle(rs.getObject("cycle_id", UUID.class), rs.getInt("year"),
                        rs.getObject("scope_id", UUID.class), rs.getString("pack_id"), rs.getInt("pack_version"),
                        "OPEN".equals(rs.getString("status"))))
                .optional().orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
    }

    PackFrame frame(InputCycle cycle) {
        return frames.computeIfAbsent(cycle.packId() + "@" + cycle.packVersion(), key -> {
            RulePackRegistry.Criteria criteria = packs.criteria(cycle.packId(), cycle.packVersion());
            List<RulePackRegistry.Level> members = packs.scales(cycle.packId(), cycle.packVersion())
                    .getOrDefault("MEMBER", List.of());
            List<PackParameter> parameters = packs.parameters(cycle.packId(), cycle.packVersion());
            return new PackFrame(members, criteria.criteria(), criteria.scale(),
                    number(parameters, InputRules.MAX_GENERAL_PARAMETER),
                    number(parameters, InputRules.MAX_TASK_PARAMETER));
        });
    }

    private static BigDecimal number(List<PackParameter> parameters, String name) {
        return parameters.stream().filter(p -> p.name().equals(name) && p.value() != null).findFirst()
                .map(p -> {
                    try {
                        return new BigDecimal(p.value().strip());
                    } catch (NumberFormatException e) {
                        return null; // a pack whose maximum is not a number does not score that group
                    }
                }).orElse(null);
    }
}
