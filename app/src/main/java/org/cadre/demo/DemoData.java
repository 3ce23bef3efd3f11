package org.cadre.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.identity.NewUserAccount;
import org.cadre.identity.Passwords;
import org.cadre.identity.UserAccounts;
import org.cadre.organizations.AddCoordinatingBody;
import org.cadre.organizations.BulkLoad;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.OrganizationsBulkLoaded;
import org.cadre.organizations.RoleAssignment;
import org.cadre.organizations.TransferMember;
import org.cadre.platform.ClusterLocks;
import org.cadre.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On the first start with an empty tree: the seed-size bloc through COPY, the coordinating bodies of the article,
 * a few transfers (through the facade, so their events flow), and one demo login per role.
 */
@Component
@Order(10)
@EnableConfigurationProperties(DemoDataProperties.class)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoDataProperties properties;
    private final BulkLoad bulk;
    private final Organizations organizations;
    private final Members members;
    private final UserAccounts accounts;
    private final ClusterLocks locks;
    private final boolean enabled;

    DemoData(DemoDataProperties properties, BulkLoad bulk, Organizations organizations, Members members,
            UserAccounts accounts, ClusterLocks locks, Environment environment) {
        this.locks = locks;
        this.properties = properties;
        this.enabled = enabled(properties, environment);
        this.bulk = bulk;
        this.organizations = organizations;
        this.members = members;
        this.accounts = accounts;
    }

    /** Set explicitly, or else only on the embedded database: never fake members on a configured server. */
    static boolean enabled(DemoDataProperties properties, Environment environment) {
        return properties.enabled() != null ? properties.enabled()
                : !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    /** One instance seeds an empty database; another starting at the same time waits, then finds it seeded. */
    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            locks.runExclusively("demo-data", this::seedIfEmpty);
        }
    }

    private void seedIfEmpty() {
        if (!bulk.empty()) {
            return;
        }
        long started = System.nanoTime();
        BlocGenerator generator = new BlocGenerator(properties.seed(), Scale.SEED);
        OrganizationsBulkLoaded loaded = bulk.load(generator::write);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Demo data (seed {}): {} organizations and {} members written in {} s", properties.seed(),
                loaded.organizations(), loaded.members(), String.format("%.2f", seconds));
        coordinatingBodies();
        transfers();
        if (properties.logins()) {
            logins();
        }
    }

    private void coordinatingBodies() {
        OrganizationId bloc = organizations.bloc().orElseThrow().id();
        List<java.util.UUID> departments = organizations.list().stream()
                .filter(o -> o.kind() == OrganizationKind.GRASSROOTS_COMMITTEE
                        || o.kind() == OrganizationKind.GRASSROOTS_CHAPTER)
                .filter(o -> o.name().contains(" Sở ") || o.name().contains("UBND"))
                .map(o -> o.id().value()).toList();
        organizations.addCoordinatingBody(new AddCoordinatingBody("BCSD-UBND", "Ban cán sự đảng UBND tỉnh",
                departments));
        organizations.addCoordinatingBody(new AddCoordinatingBody("UBKT-TU", "Ủy ban Kiểm tra Tỉnh ủy",
                List.of(bloc.value())));
        organizations.addCoordinatingBody(new AddCoordinatingBody("BTC-TU", "Ban Tổ chức Tỉnh ủy",
                List.of(bloc.value())));
    }

    /** A few members move between chapters of their grassroots organization, as in any year. */
    private void transfers() {
        List<OrganizationSummary> chapters = organizations.list().stream()
                .filter(o -> o.kind() == OrganizationKind.CHAPTER).toList();
        LocalDate on = BlocGenerator.REFERENCE_DATE.minusMonths(3);
        int done = 0;
        for (int i = 0; i + 1 < chapters.size() && done < 5; i += 37) {
            OrganizationSummary from = chapters.get(i);
            OrganizationSummary to = chapters.get(i + 1);
            if (!from.parentId().equals(to.parentId())) {
                continue;
            }
            List<MemberSummary> list = members.list(from.id(), false, null);
            if (list.size() > 6) {
                MemberSummary member = list.get(list.size() - 1);
                members.transfer(member.id(), new TransferMember(to.id().value(), on));
                done++;
            }
        }
    }

    private void logins() {
        List<String> lines = new ArrayList<>();
        OrganizationSummary chapter = organizations.findByCode("CS00002-VP").orElseThrow();
        List<RoleAssignment> roles = organizations.roles(chapter.id(), null);
        UUID secretary = roles.stream().filter(r -> r.role() == OrganizationRole.SECRETARY)
                .map(r -> r.member().value()).findFirst().orElse(null);
        Optional<MemberSummary> member = members.list(chapter.id(), false, null).stream()
                .filter(m -> !m.id().value().equals(secretary)).findFirst();
        UUID body = organizations.coordinatingBodies().stream().filter(b -> b.code().equals("BCSD-UBND"))
                .map(b -> b.id()).findFirst().orElse(null);
        lines.add(create("bithu", "Bí thư " + chapter.name(), Role.SECRETARY, chapter.id().value(), secretary, null));
        lines.add(create("dangvien", member.map(MemberSummary::fullName).orElse("Đảng viên"), Role.MEMBER, null,
                member.map(m -> m.id().value()).orElse(null), null));
        lines.add(create("danhgia", "Ban Tổ chức Đảng ủy Khối", Role.EVALUATOR, null, null, null));
        lines.add(create("quytac", "Quản trị bộ tiêu chí", Role.RULE_ADMIN, null, null, null));
        lines.add(create("gopy", "Ban cán sự đảng UBND tỉnh", Role.REVIEWER, null, null, body));
        lines.removeIf(String::isEmpty);
        if (!lines.isEmpty()) {
            log.warn("""

                    ================================================================
                      Demo logins (shown this once only):
                    {}
                    ================================================================""", String.join("\n", lines));
        }
    }

    private String create(String username, String name, Role role, UUID organization, UUID member, UUID body) {
        if (accounts.exists(username)) {
            return "";
        }
        String password = Passwords.generate();
        accounts.create(new NewUserAccount(username, password, name, EnumSet.of(role), organization, member, body));
        return String.format("  %-10s %-11s %s", role.name(), username, password);
    }

}
