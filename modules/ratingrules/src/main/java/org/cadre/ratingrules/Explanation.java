package org.cadre.ratingrules;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;
import org.springframework.context.MessageSource;

/**
 * A rating as a member reads it (on the rule pages' scenario results and evaluation's "why this rating"), in the reader's language: the level's label, the reason that decided it (marked),
 * each other reason in words, the values the rule read and the article it cites. Rule text (criterion, note,
 * article) is the committee's own, in Vietnamese; what the engine says is translated.
 *
 * @param outcome  the level's label and code, or "not classified" / "not yet classified"
 * @param reasons  the decisive reason first, then the others in the order the rules gave them
 */
public record Explanation(String subjectId, String outcome, String status, List<Line> reasons) {

    /** One reason: what it did, the criterion, the rule's note, the values read, the article. */
    public record Line(boolean decisive, String effect, String criterion, String note, String values,
            String article, String ruleId) {
    }

    /** The label of a level code of a subject's scale in a language ({@code vi}, {@code en}). */
    @FunctionalInterface
    public interface Labels {
        String label(Proposal.Subject subject, String code, String language);
    }

    /**
     * Properties of the facts whose value is a share of a whole (a ratio getter, 0 to 1): shown as a percentage. Read
     * from the facts classes so a new {@code ...Ratio} or {@code ...Rate} getter is shown the same way.
     */
    private static final Set<String> RATIOS = ratios();

    /** The explanation of one rating, with the labels of the pack's scales; parameters are shown by their name. */
    public static Explanation of(SubjectRating rating, Labels run, MessageSource messages, Locale locale) {
        return of(rating, run, name -> null, messages, locale);
    }

    /**
     * The explanation of one rating, with the labels of the pack's scales and of its parameters: each value the rule
     * read is shown as "label: value" in the reader's language, a fact by its {@code ratingrules.fact.<property>}
     * label, a parameter by the label the pack gives it.
     *
     * @param parameterLabel the label of a parameter of the pack in the reader's language, {@code null} when the
     *                       name is not one of its parameters (then a fact's label, or else the name, is shown)
     */
    public static Explanation of(SubjectRating rating, Labels run, Function<String, String> parameterLabel,
            MessageSource messages, Locale locale) {
        String language = locale.getLanguage().equals("en") ? "en" : "vi";
        String status = rating.excluded() ? "excluded" : rating.pending() ? "pending" : "rated";
        String outcome = switch (status) {
            case "excluded" -> messages.getMessage("ratingrules.explain.excluded", null, locale);
            case "pending" -> messages.getMessage("ratingrules.explain.pending", null, locale);
            default -> rating.label(language) + " (" + rating.level() + ")";
        };
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (FiredRule fired : rating.firedRules()) {
            values.putIfAbsent(fired.ruleId(), fired.values());
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < rating.reasons().size(); i++) {
            Reason reason = rating.reasons().get(i);
            String level = reason.level() == null ? "" : run.label(rating.subject(), reason.level(),
                    language) + " (" + reason.level() + ")";
            String effect = messages.getMessage("ratingrules.effect." + reason.effect().name(), new Object[] {level},
                    locale);
            String note = reason.code() != null
                    ? messages.getMessage("ratingrules.reason." + reason.code(), reason.arguments().toArray(),
                            reason.code(), locale)
                    : reason.note();
            Map<String, String> read = reason.ruleId() == null ? Map.of()
                    : values.getOrDefault(reason.ruleId(), Map.of());
            String shown = read.isEmpty() ? null : String.join("; ", read.entrySet().stream()
                    .map(e -> value(e.getKey(), e.getValue(), parameterLabel, messages, locale)).toList());
            Line line = new Line(i == rating.decisive(), effect, reason.criterion(), note, shown, reason.article(),
                    reason.ruleId());
            if (line.decisive()) {
                lines.add(0, line);
            } else {
                lines.add(line);
            }
        }
        return new Explanation(rating.subjectId(), outcome, status, lines);
    }

    /**
     * The labels of a pack version's parameters in the reader's language (Vietnamese when the pack gives no English
     * one), for {@link #of(SubjectRating, Labels, Function, MessageSource, Locale)}.
     */
    public static Function<String, String> parameterLabels(List<PackParameter> parameters, Locale locale) {
        boolean english = locale.getLanguage().equals("en");
        Map<String, String> labels = new LinkedHashMap<>();
        for (PackParameter parameter : parameters) {
            String label = english && parameter.labelEn() != null && !parameter.labelEn().isBlank()
                    ? parameter.labelEn() : parameter.labelVi();
            if (label != null && !label.isBlank()) {
                labels.put(parameter.name(), label);
            }
        }
        return labels::get;
    }

    /**
     * One value the rule read, as "label: value". The engine puts a parameter after the facts under the same key, so
     * a name the pack declares as a parameter is that parameter.
     */
    private static String value(String name, String value, Function<String, String> parameterLabel,
            MessageSource messages, Locale locale) {
        String parameter = parameterLabel.apply(name);
        boolean fact = parameter == null || parameter.isBlank();
        String label = fact ? messages.getMessage("ratingrules.fact." + name, null, name, locale) : parameter;
        String shown = value;
        if ("true".equals(value) || "false".equals(value)) {
            shown = messages.getMessage("ratingrules.explain." + value, null, value, locale);
        } else if (fact && RATIOS.contains(name)) {
            shown = percent(value, locale);
        }
        return label + ": " + shown;
    }

    private static String percent(String value, Locale locale) {
        try {
            NumberFormat format = NumberFormat.getPercentInstance(locale);
            format.setMaximumFractionDigits(1);
            return format.format(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static Set<String> ratios() {
        Set<String> ratios = new HashSet<>();
        for (Class<?> type : List.of(MemberFacts.class, OrganizationFacts.class)) {
            try {
                for (PropertyDescriptor property : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
                    String name = property.getName();
                    if (property.getReadMethod() != null && property.getPropertyType() == double.class
                            && (name.endsWith("Ratio") || name.endsWith("Rate"))) {
                        ratios.add(name);
                    }
                }
            } catch (IntrospectionException e) {
                throw new IllegalStateException(e);
            }
        }
        return Set.copyOf(ratios);
    }
}
