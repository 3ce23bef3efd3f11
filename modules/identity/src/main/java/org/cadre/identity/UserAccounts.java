package org.cadre.identity;

import java.util.UUID;

/** The identity module's facade: creating users (for example the demo logins, one per role). */
public interface UserAccounts {

    /** Creates the account; a user name is unique regardless of case. */
    UUID create(NewUserAccount account);

    boolean exists(String username);
}
