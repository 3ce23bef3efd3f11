package org.cadre.commitments.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.commitments.CommitmentRegisters;
import org.cadre.commitments.RegisterView;
import org.cadre.organizations.MemberId;
import org.cadre.platform.Caller;
import org.cadre.platform.HomeSection;
import org.springframework.stereotype.Component;

/**
 * A member's commitments on the home page: their latest registers (year, status, progress), each a link to it, so a
 * member who signs in on a phone sees at once whether a register waits for them (a draft to send, one sent back).
 * Only for a caller linked to a member who has a register; nobody else gets a line.
 */
@Component
class CommitmentsHomeSection implements HomeSection {

    /** The latest two: this year's and last year's are what a member looks for; the rest is on their page. */
    static final int SHOWN = 2;

    private final CommitmentRegisters registers;

    CommitmentsHomeSection(CommitmentRegisters registers) {
        this.registers = registers;
    }

    @Override
    public String template() {
        return "commitments/home";
    }

    @Override
    public String fragment() {
        return "section";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Map<String, Object> model(Caller caller) {
        Map<String, Object> model = new LinkedHashMap<>();
        caller.member().ifPresent(member -> {
            List<RegisterView> mine = registers.ofMember(new MemberId(member));
            if (!mine.isEmpty()) {
                model.put("commitmentsMine", mine.subList(0, Math.min(SHOWN, mine.size())));
            }
        });
        return model;
    }
}
