-- Members' self-assessments of a cycle (the review "Bản kiểm điểm" under its headings and the level the member
-- proposes), the cycle's deadline for them, and the chapter's reminders to those who have not submitted. One row per
-- cycle and member; a run reads the submitted ones (internal.selfassessment.SelfAssessmentFacts).

CREATE TABLE self_assessment
(
    cycle_id      UUID          NOT NULL REFERENCES cycle (cycle_id),
    member_id     UUID          NOT NULL,
    strengths     VARCHAR(4000),
    shortcomings  VARCHAR(4000),
    remedies      VARCHAR(4000),
    -- a code of the cycle's pinned member scale, checked when it was saved
    level         VARCHAR(40),
    status        VARCHAR(20)   NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED')),
    saved_at      TIMESTAMPTZ   NOT NULL,
    submitted_at  TIMESTAMPTZ,
    PRIMARY KEY (cycle_id, member_id),
    CHECK ((status = 'SUBMITTED') = (submitted_at IS NOT NULL))
);

-- The last day members may submit (in the committee's time zone); no row: no limit.
CREATE TABLE self_assessment_deadline
(
    cycle_id  UUID         PRIMARY KEY REFERENCES cycle (cycle_id),
    deadline  DATE         NOT NULL,
    set_by    VARCHAR(100) NOT NULL,
    set_at    TIMESTAMPTZ  NOT NULL
);

-- The latest reminder the chapter sent a member, and how many it sent.
CREATE TABLE self_assessment_reminder
(
    cycle_id     UUID         NOT NULL REFERENCES cycle (cycle_id),
    member_id    UUID         NOT NULL,
    reminded_at  TIMESTAMPTZ  NOT NULL,
    reminded_by  VARCHAR(100) NOT NULL,
    reminders    INT          NOT NULL DEFAULT 1,
    PRIMARY KEY (cycle_id, member_id)
);
