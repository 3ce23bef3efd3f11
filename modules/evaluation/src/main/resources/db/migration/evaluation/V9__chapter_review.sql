-- The chapter's review of its members in a cycle (regulation §3.2): the chapter's comment, the level it proposes and,
-- when that level differs from the engine's proposal of the current run, the reason. One row per cycle and member;
-- the per-criterion levels stay in criterion_entry (V3) and the residence-place comment in residence_comment (V3).
CREATE TABLE chapter_review
(
    cycle_id         UUID          NOT NULL REFERENCES cycle (cycle_id),
    member_id        UUID          NOT NULL,
    -- the chapter the member was reviewed in (at the year's end)
    organization_id  UUID          NOT NULL,
    comment          VARCHAR(4000),
    -- a code of the cycle's pinned member scale, checked when it was saved
    level            VARCHAR(40),
    reason           VARCHAR(2000),
    -- the engine's level of the current run when the proposal was made (null: no run, or not classified)
    engine_level     VARCHAR(40),
    status           VARCHAR(20)   NOT NULL CHECK (status IN ('DRAFT', 'PROPOSED')),
    saved_by         VARCHAR(100)  NOT NULL,
    saved_at         TIMESTAMPTZ   NOT NULL,
    proposed_by      VARCHAR(100),
    proposed_at      TIMESTAMPTZ,
    PRIMARY KEY (cycle_id, member_id),
    CHECK ((status = 'PROPOSED') = (proposed_at IS NOT NULL)),
    CHECK (status = 'DRAFT' OR level IS NOT NULL)
);
CREATE INDEX chapter_review_organization_idx ON chapter_review (cycle_id, organization_id);

-- A comment asked of another chapter about a member: the one the member was transferred from during the year, or
-- the one they are in temporary activity with. Answered once.
CREATE TABLE other_chapter_comment
(
    request_id       UUID          PRIMARY KEY,
    cycle_id         UUID          NOT NULL REFERENCES cycle (cycle_id),
    member_id        UUID          NOT NULL,
    -- the member's own chapter, which asks
    organization_id  UUID          NOT NULL,
    -- the chapter asked
    asked_id         UUID          NOT NULL,
    kind             VARCHAR(20)   NOT NULL CHECK (kind IN ('TRANSFERRED', 'TEMPORARY')),
    asked_by         VARCHAR(100)  NOT NULL,
    asked_at         TIMESTAMPTZ   NOT NULL,
    stance           VARCHAR(20),
    text             VARCHAR(4000),
    answered_by      VARCHAR(100),
    answered_at      TIMESTAMPTZ,
    UNIQUE (cycle_id, member_id, asked_id),
    CHECK ((answered_at IS NULL) = (stance IS NULL))
);
CREATE INDEX other_chapter_comment_asked_idx ON other_chapter_comment (asked_id) WHERE answered_at IS NULL;

-- A self-assessment the chapter sent back to the member: it is a draft again, with the reason the member reads.
-- The latest return is kept after the member submits again.
ALTER TABLE self_assessment ADD COLUMN returned_reason VARCHAR(2000);
ALTER TABLE self_assessment ADD COLUMN returned_by VARCHAR(100);
ALTER TABLE self_assessment ADD COLUMN returned_at TIMESTAMPTZ;
