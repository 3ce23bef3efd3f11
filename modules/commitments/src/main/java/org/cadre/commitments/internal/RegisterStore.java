package org.cadre.commitments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.commitments.ItemStatus;
import org.cadre.commitments.ItemView;
import org.cadre.commitments.RegisterStatus;
import org.cadre.commitments.RegisterView;
import org.cadre.commitments.domain.Item;
import org.cadre.commitments.domain.Register;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A register is a small tree read whole: its row and its items. */
@Repository
class RegisterStore {

    private static final String VIEW = """
            SELECT g.*, r.number AS resolution_number, d.full_name
            FROM commitments.register g JOIN commitments.resolution r ON r.id = g.resolution_id
            LEFT JOIN commitments.duty d ON d.campaign_id = g.campaign_id AND d.member_id = g.member_id
            """;

    private final JdbcClient jdbc;

    RegisterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Register> locked(UUID id) {
        return jdbc.sql("SELECT * FROM commitments.register WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> new Register(id, rs.getObject("campaign_id", UUID.class),
                        rs.getObject("resolution_id", UUID.class), new MemberId(rs.getObject("member_id", UUID.class)),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getInt("year"),
                        RegisterStatus.valueOf(rs.getString("status")), rs.getString("comment"),
                        rs.getObject("submitted_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class),
                        rs.getString("decided_by"), items(id).stream().map(RegisterStore::item).toList()))
                .optional();
    }

    void insert(Register register) {
        jdbc.sql("""
                INSERT INTO commitments.register (id, campaign_id, resolution_id, member_id, organization_id, year,
                    status) VALUES (:id, :campaign, :resolution, :member, :organization, :year, :status)
                """).param("id", register.id()).param("campaign", register.campaign())
                .param("resolution", register.resolution()).param("member", register.member().value())
                .param("organization", register.organization().value()).param("year", register.year())
                .param("status", register.status().name()).update();
        saveItems(register);
    }

    void save(Register register) {
        jdbc.sql("""
                UPDATE commitments.register SET status = :status, comment = :comment, submitted_on = :submitted,
                    decided_on = :decided, decided_by = :by WHERE id = :id
                """).param("status", register.status().name()).param("comment", register.comment())
                .param("submitted", register.submittedOn()).param("decided", register.decidedOn())
                .param("by", register.decidedBy()).param("id", register.id()).update();
        saveItems(register);
    }

    private void saveItems(Register register) {
        UUID[] kept = register.items().stream().map(Item::id).toArray(UUID[]::new);
        jdbc.sql("DELETE FROM commitments.register_item WHERE register_id = :id AND NOT (id = ANY(:kept))")
                .param("id", register.id()).param("kept", kept).update();
        for (Item i : register.items()) {
            jdbc.sql("""
                    INSERT INTO commitments.register_item (id, register_id, position, content, task, target, deadline,
                        weight, progress, last_reported_on, completed_on, status, assessed_on, assessment, exceeded)
                    VALUES (:id, :register, :position, :content, :task, :target, :deadline, :weight, :progress,
                        :reported, :completed, :status, :assessed, :assessment, :exceeded)
                    ON CONFLICT (id) DO UPDATE SET position = excluded.position, progress = excluded.progress,
                        last_reported_on = excluded.last_reported_on, completed_on = excluded.completed_on,
                        status = excluded.status, assessed_on = excluded.assessed_on,
                        assessment = excluded.assessment, exceeded = excluded.exceeded
                    """).param("id", i.id()).param("register", register.id()).param("position", i.position())
                    .param("content", i.content()).param("task", i.task()).param("target", i.target())
                    .param("deadline", i.deadline()).param("weight", i.weight()).param("progress", i.progress())
                    .param("reported", i.lastReportedOn()).param("completed", i.completedOn())
                    .param("status", i.status().name()).param("assessed", i.assessedOn())
                    .param("assessment", i.assessment()).param("exceeded", i.exceeded()).update();
        }
    }

    Optional<RegisterView> view(UUID id) {
        return views(VIEW + " WHERE g.id = :id", Map.of("id", id)).stream().findFirst();
    }

    List<RegisterView> ofMember(MemberId member) {
        return views(VIEW + " WHERE g.member_id = :member ORDER BY g.year DESC, r.issued_on DESC",
                Map.of("member", member.value()));
    }

    List<RegisterView> list(UUID campaign, UUID[] organizations) {
        return views(VIEW + " WHERE g.campaign_id = :campaign AND g.organization_id = ANY(:organizations)"
                + " ORDER BY regexp_replace(d.full_name, '^.* ', ''), d.full_name",
                Map.of("campaign", campaign, "organizations", organizations));
    }

    boolean exists(UUID campaign, MemberId member) {
        return jdbc.sql("SELECT count(*) FROM commitments.register WHERE campaign_id = :c AND member_id = :m")
                .param("c", campaign).param("m", member.value()).query(Integer.class).single() > 0;
    }

    private List<RegisterView> views(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        List<Object[]> rows = spec.query((rs, n) -> new Object[] {rs.getObject("id", UUID.class),
                rs.getObject("campaign_id", UUID.class), rs.getObject("resolution_id", UUID.class),
                rs.getString("resolution_number"), new MemberId(rs.getObject("member_id", UUID.class)),
                rs.getString("full_name"), new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getInt("year"), RegisterStatus.valueOf(rs.getString("status")), rs.getString("comment"),
                rs.getObject("submitted_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class),
                rs.getString("decided_by")}).list();
        Map<UUID, List<ItemView>> items = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            UUID[] ids = rows.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new);
            jdbc.sql("SELECT * FROM commitments.register_item WHERE register_id = ANY(:ids) ORDER BY position")
                    .param("ids", ids).query((rs, n) -> new Object[] {rs.getObject("register_id", UUID.class),
                            itemView(rs)}).list()
                    .forEach(r -> items.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((ItemView) r[1]));
        }
        return rows.stream().map(r -> new RegisterView((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3],
                (MemberId) r[4], (String) r[5], (OrganizationId) r[6], (Integer) r[7], (RegisterStatus) r[8],
                (String) r[9], (LocalDate) r[10], (LocalDate) r[11], (String) r[12],
                items.getOrDefault((UUID) r[0], List.of()))).toList();
    }

    private List<ItemView> items(UUID register) {
        return jdbc.sql("SELECT * FROM commitments.register_item WHERE register_id = :id ORDER BY position")
                .param("id", register).query((rs, n) -> itemView(rs)).list();
    }

    static ItemView itemView(ResultSet rs) throws SQLException {
        return new ItemView(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("content"),
                rs.getString("task"), rs.getString("target"), rs.getObject("deadline", LocalDate.class),
                rs.getInt("weight"), rs.getInt("progress"), rs.getObject("last_reported_on", LocalDate.class),
                rs.getObject("completed_on", LocalDate.class), ItemStatus.valueOf(rs.getString("status")),
                rs.getObject("assessed_on", LocalDate.class), rs.getString("assessment"), rs.getBoolean("exceeded"));
    }

    private static Item item(ItemView v) {
        return new Item(v.id(), v.position(), v.content(), v.task(), v.target(), v.deadline(), v.weight(),
                v.progress(), v.lastReportedOn(), v.completedOn(), v.status(), v.assessedOn(), v.assessment(),
                v.exceeded());
    }
}
