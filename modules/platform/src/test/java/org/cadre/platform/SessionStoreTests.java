package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Two requests of one session that add the same attribute at once, as two tabs opened right after signing in do
 * with the CSRF token: both saves succeed (the second used to fail on the primary key, a 500 for that tab), and the
 * session holds the later value.
 */
@PlatformModuleTest
class SessionStoreTests {

    @Autowired
    JdbcIndexedSessionRepository repository;

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void twoRequestsAddingTheSameAttributeBothSucceed() {
        SessionRepository<Session> sessions = (SessionRepository) repository; // its session type is not public
        Session created = sessions.createSession();
        created.setAttribute("signed-in", "yes");
        sessions.save(created);

        // each request loads the session before either has written the new attribute
        Session firstTab = sessions.findById(created.getId());
        Session secondTab = sessions.findById(created.getId());
        firstTab.setAttribute("csrf-token", "from the first tab");
        secondTab.setAttribute("csrf-token", "from the second tab");
        sessions.save(firstTab);
        sessions.save(secondTab);

        Session after = sessions.findById(created.getId());
        assertThat((String) after.getAttribute("csrf-token")).isEqualTo("from the second tab");
        assertThat((String) after.getAttribute("signed-in")).isEqualTo("yes");
        sessions.deleteById(created.getId());
    }
}
