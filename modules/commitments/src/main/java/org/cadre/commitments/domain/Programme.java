package org.cadre.commitments.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.cadre.commitments.ActionProgramAdopted;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.ProgrammeItemStatus;
import org.cadre.commitments.ProgrammeTask;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Refused;

/**
 * A grassroots organization's action programme (chương trình hành động) for a resolution and year. It is adopted
 * only when co-signed by two different people: the organization's secretary and the agency's head ("the party
 * committee and the head of the agency co-chair").
 */
public final class Programme {

    private final UUID id;
    private final OrganizationId organization;
    private final UUID resolution;
    private final int year;
    private final String title;
    private LocalDate adoptedOn;
    private MemberId committeeSigner;
    private MemberId agencyHeadSigner;
    private final List<Task> tasks;

    public Programme(UUID id, OrganizationId organization, UUID resolution, int year, String title,
            LocalDate adoptedOn, MemberId committeeSigner, MemberId agencyHeadSigner, List<Task> tasks) {
        this.id = id;
        this.organization = organization;
        this.resolution = resolution;
        this.year = year;
        this.title = title;
        this.adoptedOn = adoptedOn;
        this.committeeSigner = committeeSigner;
        this.agencyHeadSigner = agencyHeadSigner;
        this.tasks = new ArrayList<>(tasks);
    }

    /** A task of the programme, changed only through it. */
    public static final class Task {
        private final UUID id;
        private final int position;
        private final String task;
        private final String responsible;
        private final LocalDate deadline;
        private ProgrammeItemStatus status;

        public Task(UUID id, int position, String task, String responsible, LocalDate deadline,
                ProgrammeItemStatus status) {
            this.id = id;
            this.position = position;
            this.task = task;
            this.responsible = responsible;
            this.deadline = deadline;
            this.status = status;
        }

        public UUID id() {
            return id;
        }

        public int position() {
            return position;
        }

        public String task() {
            return task;
        }

        public String responsible() {
            return responsible;
        }

        public LocalDate deadline() {
            return deadline;
        }

        public ProgrammeItemStatus status() {
            return status;
        }
    }

    public Task add(UUID taskId, ProgrammeTask draft) {
        String text = Dates.text(draft.task());
        if (text == null) {
            throw new Refused(CommitmentsRefusal.TEXT_REQUIRED);
        }
        Dates.deadlineInYear(draft.deadline(), year);
        Task task = new Task(taskId, tasks.size() + 1, text, Dates.text(draft.responsible()), draft.deadline(),
                ProgrammeItemStatus.PLANNED);
        tasks.add(task);
        return task;
    }

    /** Tasks move on after adoption too: that is how the programme is carried out. */
    public void progress(UUID taskId, ProgrammeItemStatus status) {
        tasks.stream().filter(t -> t.id.equals(taskId)).findFirst()
                .orElseThrow(() -> new Refused(CommitmentsRefusal.ITEM_UNKNOWN, taskId)).status = status;
    }

    /**
     * Adopts the programme with both signatures. Whether each signer held the role on the day is answered by the
     * service (from organizations' roles) and passed in.
     */
    public ActionProgramAdopted adopt(MemberId secretary, boolean holdsSecretary, MemberId agencyHead,
            boolean holdsAgencyHead, LocalDate on) {
        if (adoptedOn != null) {
            throw new Refused(CommitmentsRefusal.PROGRAMME_ADOPTED);
        }
        if (secretary == null || agencyHead == null) {
            throw new Refused(CommitmentsRefusal.SIGNATURE_MISSING);
        }
        if (secretary.equals(agencyHead)) {
            throw new Refused(CommitmentsRefusal.SAME_SIGNER);
        }
        if (!holdsSecretary) {
            throw new Refused(CommitmentsRefusal.SIGNER_NOT_SECRETARY, on);
        }
        if (!holdsAgencyHead) {
            throw new Refused(CommitmentsRefusal.SIGNER_NOT_AGENCY_HEAD, on);
        }
        if (tasks.isEmpty()) {
            throw new Refused(CommitmentsRefusal.PROGRAMME_EMPTY);
        }
        Dates.inYear(on, year);
        committeeSigner = secretary;
        agencyHeadSigner = agencyHead;
        adoptedOn = on;
        return new ActionProgramAdopted(id, organization, resolution, year, on, secretary, agencyHead, tasks.size());
    }

    public UUID id() {
        return id;
    }

    public OrganizationId organization() {
        return organization;
    }

    public UUID resolution() {
        return resolution;
    }

    public int year() {
        return year;
    }

    public String title() {
        return title;
    }

    public LocalDate adoptedOn() {
        return adoptedOn;
    }

    public MemberId committeeSigner() {
        return committeeSigner;
    }

    public MemberId agencyHeadSigner() {
        return agencyHeadSigner;
    }

    public List<Task> tasks() {
        return Collections.unmodifiableList(tasks);
    }
}
