package org.cadre.identity.testing;

import java.util.Set;
import java.util.UUID;
import org.cadre.identity.NewUserAccount;
import org.cadre.identity.UserAccounts;
import org.cadre.platform.Role;

/** Creates users with unique names, so tests stay independent on a shared or reused database. */
public final class TestUsers {

    public static final String PASSWORD = "Mật-khẩu-thử-1";

    private TestUsers() {
    }

    public static String create(UserAccounts accounts, Role... roles) {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUserAccount(username, PASSWORD, "Người dùng thử " + username, Set.of(roles), null,
                null));
        return username;
    }
}
