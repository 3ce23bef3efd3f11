package org.cadre.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Refused;
import org.cadre.supervision.ReminderFollowedUp;
import org.cadre.supervision.SupervisionRefusal;
import org.junit.jupiter.api.Test;

class ReminderTests {

    static final LocalDate TODAY = LocalDate.of(2017, 5, 20);

    Reminder reminder() {
        return Reminder.give(UUID.randomUUID(), new MemberId(UUID.randomUUID()),
                new OrganizationId(UUID.randomUUID()), LocalDate.of(2017, 5, 1), LocalDate.of(2017, 5, 10), TODAY);
    }

    @Test
    void aFollowUpAfterTheDueDateIsLateAndHappensOnce() {
        Reminder reminder = reminder();
        ReminderFollowedUp followed = reminder.followUp(LocalDate.of(2017, 5, 12), true, " Đã nộp ", TODAY);
        assertThat(followed.late()).isTrue();
        assertThat(followed.done()).isTrue();
        assertThat(reminder.note()).isEqualTo("Đã nộp");
        assertThatThrownBy(() -> reminder.followUp(TODAY, false, "lại", TODAY)).isInstanceOfSatisfying(
                Refused.class, r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.FOLLOWED_UP));
    }

    @Test
    void datesOutOfOrderAreRefused() {
        assertThatThrownBy(() -> Reminder.give(UUID.randomUUID(), null, null, TODAY.plusDays(1), TODAY.plusDays(5),
                TODAY)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.REMINDER_IN_FUTURE));
        assertThatThrownBy(() -> Reminder.give(UUID.randomUUID(), null, null, TODAY, TODAY.minusDays(1), TODAY))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.DUE_BEFORE_REMINDER));
        Reminder reminder = reminder();
        assertThatThrownBy(() -> reminder.followUp(LocalDate.of(2017, 4, 30), true, "x", TODAY))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.FOLLOW_UP_BEFORE_REMINDER));
        assertThatThrownBy(() -> reminder.followUp(TODAY.plusDays(1), true, "x", TODAY))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.FOLLOW_UP_IN_FUTURE));
        assertThat(reminder.followedUpOn()).isNull();
    }
}
