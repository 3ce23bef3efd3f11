package org.cadre.ratingrules.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.ratingrules.FiredRule;
import org.cadre.ratingrules.facts.Parameters;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.SubjectFacts;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Captures the explanation while rules fire: before a rule's consequence runs it notes how many reasons each matched
 * proposal has; afterwards it attributes the new reasons to the rule's {@code @id}, {@code @criterion} and
 * {@code @article}, and records the rule with the subjects whose facts it matched.
 */
final class ExplainingListener extends DefaultAgendaEventListener {

    private final Map<Proposal, Integer> before = new IdentityHashMap<>();
    private final Map<String, List<FiredRule>> fired = new LinkedHashMap<>();
    private final RuleInputs reads;
    private final Parameters parameters;
    private int firings;

    ExplainingListener(RuleInputs reads, Parameters parameters) {
        this.reads = reads;
        this.parameters = parameters;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        before.clear();
        for (Object object : event.getMatch().getObjects()) {
            if (object instanceof Proposal proposal) {
                before.put(proposal, proposal.reasonCount());
            }
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firings++;
        Rule rule = event.getMatch().getRule();
        String id = meta(rule, "id");
        String criterion = meta(rule, "criterion");
        String article = meta(rule, "article");
        List<String> inputs = new ArrayList<>();
        Map<String, SubjectFacts> facts = new LinkedHashMap<>();
        for (Object object : event.getMatch().getObjects()) {
            if (object instanceof SubjectFacts subject && !inputs.contains(subject.getSubjectId())) {
                inputs.add(subject.getSubjectId());
                facts.put(subject.getSubjectId(), subject);
            }
        }
        before.forEach((proposal, count) -> {
            proposal.attribute(count, id == null ? rule.getName() : id, criterion, article);
            Map<String, String> values = reads.values(rule.getName(), facts.get(proposal.getSubjectId()), parameters);
            fired.computeIfAbsent(proposal.getSubjectId(), k -> new ArrayList<>())
                    .add(new FiredRule(id == null ? rule.getName() : id, rule.getName(), criterion, article, inputs,
                            values));
        });
        before.clear();
    }

    static String meta(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }

    List<FiredRule> firedFor(String subjectId) {
        return fired.getOrDefault(subjectId, List.of());
    }

    int firings() {
        return firings;
    }
}
