package org.cadre.identity.internal;

import java.util.EnumSet;
import org.cadre.identity.NewUserAccount;
import org.cadre.identity.Passwords;
import org.cadre.platform.ClusterLocks;
import org.cadre.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The first start creates the administrator {@code admin}. Its password comes from {@code CADRE_ADMIN_PASSWORD},
 * or is generated and printed once: there is no fixed default password.
 */
@Component
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final UserAccountStore users;
    private final LoginProperties properties;
    private final ClusterLocks locks;

    AdministratorBootstrap(UserAccountStore users, LoginProperties properties, ClusterLocks locks) {
        this.users = users;
        this.properties = properties;
        this.locks = locks;
    }

    /** Instances that start together on an empty database create one administrator, not one each. */
    @Override
    public void run(ApplicationArguments args) {
        locks.runExclusively("administrator", this::createIfNone);
    }

    private void createIfNone() {
        if (users.anyAdministrator() || users.exists(ADMIN)) {
            return;
        }
        boolean given = StringUtils.hasText(properties.adminPassword());
        String password = given ? properties.adminPassword() : generate();
        users.create(new NewUserAccount(ADMIN, password, "Quản trị hệ thống", EnumSet.of(Role.ADMIN), null, null));
        if (given) {
            log.info("Created the administrator '{}' with the password from CADRE_ADMIN_PASSWORD", ADMIN);
        } else {
            log.warn("""

                    ================================================================
                      Created the administrator '{}' with the password: {}
                      It is shown this once only. Sign in and keep it safe.
                    ================================================================""", ADMIN, password);
        }
    }

    private static String generate() {
        return Passwords.generate();
    }
}
