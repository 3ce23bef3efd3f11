package org.cadre.evaluation.internal.cycles;

import java.time.Duration;
import java.util.Optional;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.EvaluatedOrganization;
import org.cadre.evaluation.Evaluation;
import org.cadre.evaluation.OpenCycle;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.DemoDataSwitch;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RatingRules;
import org.cadre.ratingrules.facts.Proposal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's 2017 cycle of the bloc, opened (not run) so a newcomer finds it on the evaluation page and classifies
 * the bloc with one click. After the shipped packs are loaded (order 100); it waits in the background for
 * evaluation's copy of the tree, which the bloc's bulk-load event fills after start-up. On when the demo data is.
 */
@Component
@Order(200)
class DemoCycle implements ApplicationRunner {

    static final int YEAR = 2017;
    private static final Logger log = LoggerFactory.getLogger(DemoCycle.class);
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Cycles cycles;
    private final CycleStore store;
    private final Evaluation evaluation;
    private final Organizations organizations;
    private final RatingRules rules;
    private final boolean enabled;

    DemoCycle(Cycles cycles, CycleStore store, Evaluation evaluation, Organizations organizations, RatingRules rules,
            DemoDataSwitch demo) {
        this.cycles = cycles;
        this.store = store;
        this.evaluation = evaluation;
        this.organizations = organizations;
        this.rules = rules;
        this.enabled = demo.enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || rules.activeFor(YEAR, Proposal.Subject.MEMBER).isEmpty()) {
            return;
        }
        Optional<OrganizationSummary> bloc = organizations.bloc();
        if (bloc.isEmpty() || store.find(YEAR, bloc.get().id().value()).isPresent()) {
            return;
        }
        Thread waiting = new Thread(() -> open(bloc.get()), "evaluation-demo-cycle");
        waiting.setDaemon(true);
        waiting.start();
    }

    private void open(OrganizationSummary bloc) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (evaluation.organization(bloc.id()).map(EvaluatedOrganization::id).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    log.warn("Demo cycle {} not opened: the bloc did not reach evaluation's projection", YEAR);
                    return;
                }
                Thread.sleep(250);
            }
            cycles.open(new OpenCycle(YEAR, bloc.id().value()), Caller.of("demo", Role.EVALUATOR));
            log.info("Demo cycle {} of {} opened", YEAR, bloc.name());
        } catch (Refused alreadyOpen) {
            // another instance opened it first, or the year lost its pack meanwhile: nothing to do
            log.info("Demo cycle {} not opened: {}", YEAR, alreadyOpen.reason().code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
