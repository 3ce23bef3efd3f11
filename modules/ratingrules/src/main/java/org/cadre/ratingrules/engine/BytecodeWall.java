package org.cadre.ratingrules.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cadre.ratingrules.PackProblem;

/**
 * The sandbox of rule packs, as a wall rather than a word list: after a pack compiles, every class generated for
 * it is read and the pack is refused unless all it refers to is on an allow-list (the facts contract; plain value
 * types and their methods: strings, numbers, {@code Math}, dates, collections; the rule engine's own model), unless
 * its code is free of loops, and unless every array it creates has a constant size. The compiler turns each
 * constraint and consequence into a method of a generated class, so however the DRL text was arranged (a name split
 * by line breaks or comments, a class reached through a method that returns one) the call is in a constant pool, and
 * nothing of the pack has run when it is refused: no scenario, no class initializer.
 */
final class BytecodeWall {

    /** Types code of a pack may name: their members are checked apart. */
    private static final Set<String> TYPES = Set.of(
            "java/lang/Object", "java/lang/String", "java/lang/CharSequence", "java/lang/Comparable",
            "java/lang/Boolean", "java/lang/Byte", "java/lang/Short", "java/lang/Integer", "java/lang/Long",
            "java/lang/Float", "java/lang/Double", "java/lang/Character", "java/lang/Number", "java/lang/Math",
            "java/lang/Enum", "java/lang/Iterable", "java/lang/Class", "java/lang/System",
            "java/lang/Exception", "java/lang/RuntimeException", "java/lang/IllegalArgumentException",
            "java/lang/IllegalStateException", "java/lang/ArithmeticException", "java/lang/NullPointerException",
            "java/lang/invoke/LambdaMetafactory", "java/lang/invoke/StringConcatFactory", "java/lang/invoke/CallSite",
            "java/lang/invoke/MethodHandles$Lookup", "java/lang/invoke/MethodType", "java/lang/invoke/MethodHandle",
            "java/lang/invoke/SerializedLambda", "java/lang/invoke/MethodHandles", "java/io/Serializable",
            "java/math/BigDecimal", "java/math/RoundingMode", "java/time/LocalDate", "java/time/Period",
            "java/time/temporal/ChronoUnit", "java/time/format/DateTimeFormatter",
            "java/time/format/DateTimeFormatterBuilder", "java/util/List", "java/util/Map", "java/util/Set",
            "java/util/Collection", "java/util/Collections", "java/util/Arrays", "java/util/ArrayList",
            "java/util/Locale", "java/util/Objects", "java/util/Optional", "java/util/Map$Entry",
            "org/drools/util/DateUtils", "org/kie/api/KieServices", "org/kie/util/maven/support/ReleaseIdImpl",
            "org/drools/modelcompiler/CanonicalKieModuleModel", "org/drools/modelcompiler/dsl/pattern/D",
            "org/drools/modelcompiler/util/EvaluationUtil");

    /** Packages whose every type and member code may use: the facts contract and the engine's rule model. */
    private static final List<String> OPEN_PACKAGES = List.of("org/cadre/ratingrules/facts/", "org/drools/model/",
            "org/kie/api/builder/model/", "org/kie/api/conf/", "org/kie/api/runtime/conf/");

    /** Members of an open package that are nevertheless closed: they reach the running session and its classes. */
    private static final Set<String> CLOSED_MEMBERS = Set.of("org/drools/model/Drools.getRuntime",
            "org/drools/model/Drools.getContext", "org/drools/model/Drools.getKnowledgeRuntime");

    /**
     * Members of the allowed types, by owner: {@code *} for all. Methods that can build something of any size
     * ({@code String.repeat}, {@code format}, {@code BigDecimal.pow}), reach the class of an object
     * ({@code getClass}) or the system ({@code System} apart from copying arrays) are not here.
     */
    private static final Map<String, Set<String>> MEMBERS = Map.ofEntries(
            Map.entry("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString")),
            Map.entry("java/lang/String", Set.of("equals", "hashCode", "toString", "valueOf", "length", "isEmpty",
                    "isBlank", "charAt", "contains", "startsWith", "endsWith", "indexOf", "lastIndexOf", "substring",
                    "trim", "strip", "toLowerCase", "toUpperCase", "equalsIgnoreCase", "compareTo", "split",
                    "matches", "replace", "concat")),
            Map.entry("java/lang/CharSequence", Set.of("length", "charAt", "toString")),
            Map.entry("java/lang/Comparable", Set.of("compareTo")),
            Map.entry("java/lang/Boolean", Set.of("valueOf", "booleanValue", "TYPE", "TRUE", "FALSE", "equals",
                    "hashCode", "toString", "parseBoolean")),
            Map.entry("java/lang/Byte", Set.of("valueOf", "byteValue", "intValue", "TYPE")),
            Map.entry("java/lang/Short", Set.of("valueOf", "shortValue", "intValue", "TYPE")),
            Map.entry("java/lang/Integer", Set.of("valueOf", "intValue", "longValue", "doubleValue", "TYPE",
                    "MAX_VALUE", "MIN_VALUE", "compare", "parseInt", "equals", "hashCode", "toString", "sum", "max",
                    "min")),
            Map.entry("java/lang/Long", Set.of("valueOf", "intValue", "longValue", "doubleValue", "TYPE",
                    "MAX_VALUE", "MIN_VALUE", "compare", "parseLong", "equals", "hashCode", "toString")),
            Map.entry("java/lang/Float", Set.of("valueOf", "floatValue", "doubleValue", "TYPE")),
            Map.entry("java/lang/Double", Set.of("valueOf", "intValue", "longValue", "doubleValue", "TYPE",
                    "compare", "parseDouble", "isNaN", "equals", "hashCode", "toString", "MAX_VALUE", "MIN_VALUE")),
            Map.entry("java/lang/Character", Set.of("valueOf", "charValue", "TYPE")),
            Map.entry("java/lang/Number", Set.of("intValue", "longValue", "doubleValue", "floatValue")),
            Map.entry("java/lang/Math", Set.of("*")),
            Map.entry("java/lang/Enum", Set.of("<init>", "valueOf", "name", "ordinal", "equals", "compareTo",
                    "toString", "hashCode")),
            Map.entry("java/lang/Iterable", Set.of()),
            Map.entry("java/lang/Class", Set.of()),
            Map.entry("java/lang/System", Set.of("arraycopy")),
            Map.entry("java/lang/Exception", Set.of("<init>")),
            Map.entry("java/lang/RuntimeException", Set.of("<init>")),
            Map.entry("java/lang/IllegalArgumentException", Set.of("<init>")),
            Map.entry("java/lang/IllegalStateException", Set.of("<init>")),
            Map.entry("java/lang/ArithmeticException", Set.of("<init>")),
            Map.entry("java/lang/NullPointerException", Set.of("<init>")),
            Map.entry("java/lang/invoke/LambdaMetafactory", Set.of("metafactory", "altMetafactory")),
            Map.entry("java/lang/invoke/StringConcatFactory", Set.of("makeConcatWithConstants")),
            Map.entry("java/lang/invoke/SerializedLambda", Set.of("getImplMethodName", "getImplMethodKind",
                    "getFunctionalInterfaceClass", "getFunctionalInterfaceMethodName",
                    "getFunctionalInterfaceMethodSignature", "getImplClass", "getImplMethodSignature",
                    "getCapturedArg")),
            Map.entry("java/lang/invoke/CallSite", Set.of()),
            Map.entry("java/lang/invoke/MethodHandles$Lookup", Set.of()),
            Map.entry("java/lang/invoke/MethodHandles", Set.of()),
            Map.entry("java/lang/invoke/MethodType", Set.of()),
            Map.entry("java/lang/invoke/MethodHandle", Set.of()),
            Map.entry("java/io/Serializable", Set.of()),
            Map.entry("java/math/BigDecimal", Set.of("<init>", "valueOf", "add", "subtract", "multiply", "divide",
                    "compareTo", "setScale", "doubleValue", "intValue", "longValue", "signum", "abs", "negate",
                    "ZERO", "ONE", "TEN", "equals", "hashCode", "toString", "min", "max")),
            Map.entry("java/math/RoundingMode", Set.of("*")),
            Map.entry("java/time/LocalDate", Set.of("of", "parse", "getYear", "getMonthValue", "getDayOfMonth",
                    "plusDays", "plusMonths", "plusYears", "minusDays", "minusMonths", "minusYears", "isBefore",
                    "isAfter", "isEqual", "equals", "compareTo", "hashCode", "toString", "withDayOfMonth",
                    "withMonth", "withYear", "lengthOfMonth", "until")),
            Map.entry("java/time/Period", Set.of("between", "getYears", "getMonths", "getDays", "toTotalMonths")),
            Map.entry("java/time/temporal/ChronoUnit", Set.of("*")),
            Map.entry("java/time/format/DateTimeFormatter", Set.of("ofPattern", "format")),
            Map.entry("java/time/format/DateTimeFormatterBuilder", Set.of("<init>", "appendPattern",
                    "parseCaseInsensitive", "toFormatter")),
            Map.entry("java/util/List", Set.of("of", "get", "size", "isEmpty", "contains", "containsAll", "indexOf",
                    "add", "equals", "hashCode")),
            Map.entry("java/util/Map", Set.of("of", "get", "getOrDefault", "containsKey", "containsValue", "size",
                    "isEmpty", "put", "keySet", "values", "entrySet", "equals", "hashCode")),
            Map.entry("java/util/Set", Set.of("of", "contains", "containsAll", "size", "isEmpty", "add", "equals",
                    "hashCode")),
            Map.entry("java/util/Collection", Set.of("size", "isEmpty", "contains", "containsAll")),
            Map.entry("java/util/Collections", Set.of("emptyList", "emptyMap", "emptySet", "unmodifiableList",
                    "unmodifiableMap", "unmodifiableSet", "singletonList")),
            Map.entry("java/util/Arrays", Set.of("asList")),
            Map.entry("java/util/ArrayList", Set.of("<init>", "add", "get", "size")),
            Map.entry("java/util/Locale", Set.of("ENGLISH", "ROOT")),
            Map.entry("java/util/Objects", Set.of("equals", "hash", "hashCode", "isNull", "nonNull",
                    "requireNonNull", "toString")),
            Map.entry("java/util/Optional", Set.of("of", "ofNullable", "empty", "isPresent", "isEmpty", "get",
                    "orElse")),
            Map.entry("java/util/Map$Entry", Set.of("getKey", "getValue")),
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            Map.entry("org/kie/api/KieServices", Set.of("get", "newKieModuleModel")),
            Map.entry("org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>")),
            Map.entry("org/drools/modelcompiler/CanonicalKieModuleModel", Set.of("*")),
            Map.entry("org/drools/modelcompiler/dsl/pattern/D", Set.of("*")),
            Map.entry("org/drools/modelcompiler/util/EvaluationUtil", Set.of("*")));

    /** Methods the compiler writes itself into every generated enum, and which may size an array. */
    private static final Set<String> GENERATED_METHODS = Set.of("values");

    private BytecodeWall() {
    }

    /**
     * What the pack's classes refer to that they may not, each once, placed in the DRL where its name appears.
     *
     * @param classes the generated classes by internal name
     * @param drl     the DRL of each pack file, to place a problem
     */
    static List<PackProblem> check(Map<String, byte[]> classes, Map<String, String> drl) {
        Set<String> refused = new TreeSet<>();
        Set<String> loops = new TreeSet<>();
        Set<String> arrays = new TreeSet<>();
        for (Map.Entry<String, byte[]> generated : classes.entrySet()) {
            ConstantPool pool;
            try {
                pool = ConstantPool.read(generated.getValue());
            } catch (IOException | RuntimeException e) {
                refused.add(generated.getKey() + " (unreadable)");
                continue;
            }
            for (String type : pool.classes()) {
                if (!classes.containsKey(type) && !typeAllowed(type)) {
                    refused.add(type.replace('/', '.'));
                }
            }
            for (ConstantPool.Member member : pool.members()) {
                if (!classes.containsKey(member.owner()) && !memberAllowed(member)) {
                    refused.add(member.owner().replace('/', '.') + "." + member.name());
                }
            }
            pool.looping().forEach(method -> loops.add(generated.getKey() + "." + method));
            pool.sizedArrays().stream().filter(method -> !GENERATED_METHODS.contains(method))
                    .forEach(method -> arrays.add(generated.getKey() + "." + method));
        }
        List<PackProblem> problems = new ArrayList<>();
        for (String name : refused) {
            String simple = name.substring(name.lastIndexOf('.') + 1);
            Location at = locate(simple, drl);
            problems.add(PackProblem.of(at.file(), at.line(), "", "forbidden-reference", "the rules use '" + name
                    + "', which a pack may not use: only the facts, parameters, plain values (text, numbers, dates, "
                    + "lists) and their methods are allowed", name));
        }
        if (!loops.isEmpty()) {
            problems.add(PackProblem.of("", 0, "", "forbidden-loop", "a rule's code loops (for, while, do): a rule "
                    + "states a condition and its effect, one firing at a time"));
        }
        if (!arrays.isEmpty()) {
            problems.add(PackProblem.of("", 0, "", "forbidden-array", "a rule creates an array whose size is "
                    + "computed: only lists and arrays written out in the rule are allowed"));
        }
        return problems;
    }

    /** Inside the open packages, the engine's compilers, which could build and load classes of their own. */
    private static final List<String> CLOSED_PACKAGES = List.of("org/drools/model/codegen/");

    private static boolean open(String type) {
        return OPEN_PACKAGES.stream().anyMatch(type::startsWith) && CLOSED_PACKAGES.stream().noneMatch(type::startsWith);
    }

    private static boolean typeAllowed(String type) {
        return TYPES.contains(type) || open(type);
    }

    private static boolean memberAllowed(ConstantPool.Member member) {
        String owner = member.owner();
        if (open(owner)) {
            return !CLOSED_MEMBERS.contains(owner + "." + member.name());
        }
        Set<String> allowed = MEMBERS.get(owner);
        return allowed != null && (allowed.contains("*") || allowed.contains(member.name()));
    }

    /** The first DRL line naming it (after a dot or a space, as code would), or nowhere. */
    private static Location locate(String name, Map<String, String> drl) {
        for (Map.Entry<String, String> file : drl.entrySet()) {
            List<String> lines = file.getValue().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches(".*\\b" + Pattern.quote(name) + "\\b.*")) {
                    return new Location(file.getKey(), i + 1);
                }
            }
        }
        return new Location("", 0);
    }

    private record Location(String file, int line) {
    }
}
