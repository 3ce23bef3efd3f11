package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.platform.testing.Background;
import org.cadre.platform.testing.Bounded;
import org.cadre.platform.testing.Fuzz;
import org.cadre.platform.testing.Gen;
import org.cadre.platform.testing.RowCounts;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every POST and PUT of the JSON API that reads a body, found in the running application (so a new endpoint is
 * fuzzed without being listed here), called with generated bodies: the endpoint's own fields with values of the
 * wrong type, missing or null, huge numbers, out-of-range dates, control and bidi characters and lone surrogates,
 * duplicate keys and unknown fields, and raw bodies that are no JSON, nested thousands deep or empty. The caller
 * holds every role, and path variables name nothing that exists. Whatever comes: never a 5xx, an answer within
 * {@link #LIMIT}, a refusal is a problem detail in Vietnamese whose text is translated (no message key, no
 * framework or exception text), and a refusal writes no row to the endpoint's module.
 */
@CadreTest
class ApiFuzzTests {

    static final Duration LIMIT = Duration.ofSeconds(20);
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** A JSON endpoint: its method, its path with the variables filled, the fields of its body, its module. */
    record Endpoint(HttpMethod method, String path, List<String> fields, String module, Class<?> bodyType) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Call(Endpoint endpoint, String body) {
        @Override
        public String toString() {
            return endpoint + " " + (body.length() > 300 ? body.substring(0, 300) + "… (" + body.length() + ")"
                    : body);
        }
    }

    private List<Endpoint> endpoints;

    /** The JSON endpoints of the running application, read once per test. */
    List<Endpoint> endpoints() {
        if (endpoints == null) {
            List<Endpoint> found = new ArrayList<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                HandlerMethod handler = entry.getValue();
                Parameter body = bodyOf(handler.getMethod());
                if (body == null) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (method != RequestMethod.POST && method != RequestMethod.PUT) {
                        continue;
                    }
                    for (String pattern : info.getPatternValues()) {
                        if (pattern.startsWith("/api/") && !pattern.contains("*")) {
                            found.add(new Endpoint(HttpMethod.valueOf(method.name()),
                                    fill(pattern, handler.getMethod()), fieldsOf(body.getType()),
                                    moduleOf(handler.getBeanType()), body.getType()));
                        }
                    }
                }
            }
            found.sort(Comparator.comparing(Endpoint::toString));
            endpoints = found;
        }
        return endpoints;
    }

    private static Parameter bodyOf(Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(RequestBody.class)) {
                return parameter;
            }
        }
        return null;
    }

    /** Each path variable by its type: a random UUID, a number or a code, so it names nothing that exists. */
    private static String fill(String pattern, Method method) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (Parameter parameter : method.getParameters()) {
            PathVariable variable = parameter.getAnnotation(PathVariable.class);
            if (variable != null) {
                String name = !variable.value().isEmpty() ? variable.value()
                        : !variable.name().isEmpty() ? variable.name() : parameter.getName();
                types.put(name, parameter.getType());
            }
        }
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            Class<?> type = types.getOrDefault(matcher.group(1), String.class);
            String value = type == UUID.class ? UUID.nameUUIDFromBytes(pattern.getBytes(StandardCharsets.UTF_8))
                    .toString() : type == int.class || type == Integer.class || type == long.class
                    || type == Long.class ? "987654" : "no-such-" + matcher.group(1);
            matcher.appendReplacement(path, value);
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static List<String> fieldsOf(Class<?> type) {
        if (type.isRecord()) {
            List<String> names = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName());
            }
            return names;
        }
        return List.of("value", "values", "id", "name", "on");
    }

    /** {@code org.cadre.<module>.…}: the module, and so the schema, that owns the endpoint. */
    private static String moduleOf(Class<?> controller) {
        String[] parts = controller.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "platform";
    }

    // ---- bodies -----------------------------------------------------------------------------------------------

    Call call(Gen gen) {
        Endpoint endpoint = gen.pick(endpoints());
        return new Call(endpoint, body(gen, endpoint));
    }

    static String body(Gen gen, Endpoint endpoint) {
        return switch (gen.weighted(6, 1, 1)) {
            case 0 -> shaped(gen, endpoint);
            case 1 -> gen.pick("", "null", "[]", "{}", "{", "}", "\"x\"", "1e400", "true", "\uFEFF{}",
                    "{\"a\":1,\"a\":2}", "{\"\u0000\":1}", "{'a':1}", "{a:1}", "[1,]", "{\"a\":1,}", "NaN",
                    "/* */{}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u0000\"}", "\u0000");
            default -> {
                int depth = gen.pick(100, 2_000, 50_000);
                yield switch (gen.between(0, 2)) {
                    case 0 -> "[".repeat(depth) + "]".repeat(depth);
                    case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                    default -> "{\"" + (endpoint.fields().isEmpty() ? "a" : endpoint.fields().get(0)) + "\":"
                            + "[".repeat(depth) + "]".repeat(depth) + "}";
                };
            }
        };
    }

    /** An object with the endpoint's fields: some missing, some repeated, an unknown one, odd values. */
    static String shaped(Gen gen, Endpoint endpoint) {
        List<String> fields = endpoint.fields().isEmpty() ? List.of("value") : endpoint.fields();
        List<String> members = gen.list(0, Math.max(3, endpoint.fields().size() + 2), () -> {
            boolean known = gen.weighted(9, 1) == 0;
            String field = gen.pick(fields);
            return "\"" + (known ? field : field + "X") + "\":" + value(gen, 2);
        });
        return "{" + String.join(",", members) + "}";
    }

    private static final String[] LITERALS = {"null", "true", "false", "0", "-1", "1.5", "2147483648",
            "-2147483649", "9223372036854775808", "1e400", "-1e-400", "123456789012345678901234567890", "0.1e1",
            "\"NaN\"", "\"Infinity\""};
    private static final String[] TEXTS = {"2024-01-01", "9999-12-31", "10000-01-01", "0000-01-01", "-0001-01-01",
            "2024-02-30", "31/12/2024", "2024-01-01T25:00:00Z", "1900-01-01", "2200-12-31",
            "5d6f7a4e-2b1c-4e8f-9a3d-0c1b2a3f4e5d", "not-a-uuid", "ADMIN", "MEMBER", "GRASSROOTS_CHAPTER", "PASS",
            "EXCELLENT", "", " ", "=1+1", "@SUM(A1)", "'; DROP TABLE x; --", "<script>x</script>", "\u202Egnol",
            "a\u200Bb", "\u0000", "\u0007", "N\u0301", "\uD800", "\uDC00x", "x".repeat(10_000), "đ".repeat(300)};

    static String value(Gen gen, int depth) {
        int kind = depth == 0 ? 0 : gen.weighted(8, 1, 1);
        if (kind == 1) {
            return "[" + String.join(",", gen.list(0, 3, () -> value(gen, depth - 1))) + "]";
        }
        if (kind == 2) {
            List<String> values = gen.list(0, 2, () -> value(gen, depth - 1));
            StringBuilder object = new StringBuilder("{");
            for (int i = 0; i < values.size(); i++) {
                object.append(i > 0 ? "," : "").append("\"k").append(i).append("\":").append(values.get(i));
            }
            return object.append('}').toString();
        }
        return switch (gen.between(0, 2)) {
            case 0 -> gen.pick(LITERALS);
            case 1 -> quoted(gen.pick(TEXTS));
            default -> quoted(gen.anyString(20));
        };
    }

    /** A JSON string: control characters and surrogates escaped, so they reach the parser as characters. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    // ---- the property -----------------------------------------------------------------------------------------

    /** The endpoints the tests draw from: every module's, published in the report with their count. */
    @Test
    void theEndpointsAreFoundInTheRunningApplication(TestReporter reporter) {
        List<Endpoint> all = endpoints();
        reporter.publishEntry("json endpoints fuzzed", all.size() + ": " + all);
        assertThat(all).extracting(Endpoint::path).anyMatch(p -> p.equals("/api/members"))
                .anyMatch(p -> p.equals("/api/rule-packs/evaluate")).anyMatch(p -> p.startsWith("/api/commitments"))
                .anyMatch(p -> p.startsWith("/api/evaluation"));
    }

    private boolean quiet;

    private void awaitQuiet() {
        Background.awaitIdle(jdbc);
        quiet = true;
    }

    @Test
    void everyJsonEndpointRefusesABadBodyClearlyAndWritesNothing() {
        assertThat(endpoints()).as("the API's JSON endpoints").hasSizeGreaterThan(10);
        Fuzz.check(300, this::call, this::callRefusesClearly);
    }

    private int callRefusesClearly(Call call) throws Exception {
        if (!quiet) {
            awaitQuiet();
        }
        Endpoint endpoint = call.endpoint();
        Map<String, Long> before = RowCounts.of(jdbc, endpoint.module());
        MockHttpServletResponse response = Bounded.within(LIMIT, () -> mvc.perform(
                        request(endpoint.method(), endpoint.path())
                                .with(authentication(new CallerAuthentication(Caller.of("fuzz", Role.values()))))
                                .header("Accept-Language", "vi")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(call.body().getBytes(StandardCharsets.UTF_8)))
                .andReturn().getResponse());
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        int status = response.getStatus();
        assertThat(status).as(body).isLessThan(500);
        if (status < 400) {
            quiet = false;
            return status;
        }
        assertThat(response.getContentType()).as(body).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String detail = JsonPath.read(body, "$.detail");
        assertThat(detail).as(body).isNotBlank().doesNotContain("problemDetail.").doesNotContain("Failed to")
                .doesNotContain("Exception").doesNotContain("JSON parse error").doesNotContain("tools.jackson")
                .doesNotContain("com.fasterxml");
        if (body.contains("\"errors\"")) {
            List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
            assertThat(errors).as(body).allSatisfy(error -> {
                assertThat(String.valueOf(error.get("field"))).as(body).isNotBlank();
                assertThat(String.valueOf(error.get("message"))).as(body).isNotBlank()
                        .doesNotContain("problemDetail.").doesNotContain("must not");
            });
        }
        Map<String, Long> after = RowCounts.of(jdbc, endpoint.module());
        after.keySet().removeIf(table -> table.contains("audit"));
        before.keySet().removeIf(table -> table.contains("audit"));
        assertThat(after).as("nothing written by a refused " + endpoint).isEqualTo(before);
        return status;
    }

    // ---- a body right but for one field -----------------------------------------------------------------------

    /** A body whose every field is well typed but one, which holds a value its type can never take. */
    record OneWrong(Endpoint endpoint, String field, String wrong, String body) {
        @Override
        public String toString() {
            return endpoint + " " + field + "=" + wrong + " in " + (body.length() > 300 ? body.substring(0, 300)
                    + "… (" + body.length() + ")" : body);
        }
    }

    OneWrong oneWrong(Gen gen) {
        List<Endpoint> typed = endpoints().stream().filter(e -> e.bodyType().isRecord()
                && e.bodyType().getRecordComponents().length > 0).toList();
        Endpoint endpoint = gen.pick(typed);
        RecordComponent[] components = endpoint.bodyType().getRecordComponents();
        int index = gen.between(0, components.length - 1);
        RecordComponent target = components[index];
        List<String> members = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            members.add(quoted(components[i].getName()) + ":"
                    + (i == index ? wrong(gen, target.getType()) : valid(gen, components[i].getGenericType(), 0)));
        }
        String body = "{" + String.join(",", members) + "}";
        return new OneWrong(endpoint, target.getName(), valueOf(body, target.getName()), body);
    }

    /** The value written for a field in a body this class wrote (for the report of a failure). */
    private static String valueOf(String body, String field) {
        int at = body.indexOf(quoted(field) + ":");
        return at < 0 ? "?" : body.substring(at + field.length() + 3, Math.min(body.length(),
                at + field.length() + 3 + 40));
    }

    /** A value the type can never take: Jackson cannot read it, or the text or date policy refuses it. */
    static String wrong(Gen gen, Class<?> type) {
        if (type == String.class) {
            return gen.pick("{}", "[[1]]", quoted("a\u0000b"), quoted("x\u202Ey"), quoted("\u0007"));
        }
        if (type == UUID.class) {
            return gen.pick(quoted("not-a-uuid"), "[]", "{}");
        }
        if (type == java.time.LocalDate.class) {
            // not [] : Jackson reads an empty array as no date
            return gen.pick(quoted("2024-02-30"), quoted("31/12/2024"), quoted("10000-01-01"),
                    quoted("9999-12-31"), quoted("0000-01-01"), "{}", "20240315");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return gen.pick(quoted("x"), "[]", "{}", "99999999999999999999");
        }
        if (type == double.class || type == Double.class || type == java.math.BigDecimal.class
                || type == float.class || type == Float.class) {
            return gen.pick(quoted("x"), "[]", "{}");
        }
        if (type == boolean.class || type == Boolean.class) {
            return gen.pick(quoted("maybe"), "[]", "{}");
        }
        if (type.isEnum()) {
            return gen.pick(quoted("NO_SUCH_VALUE"), "[]", "{}");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return gen.pick(quoted("x"), "{}", "7");
        }
        if (Map.class.isAssignableFrom(type)) {
            return gen.pick(quoted("x"), "[]", "7");
        }
        return gen.pick(quoted("x"), "[]", "7");
    }

    /** A value of the type in its usual form (which the domain may still refuse: an unknown id, a bad date order). */
    static String valid(Gen gen, java.lang.reflect.Type type, int depth) {
        Class<?> raw = type instanceof java.lang.reflect.ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        if (raw == String.class) {
            return quoted(gen.pick("Chi bộ Thử nghiệm", "F12345", "Ghi chú", "ok"));
        }
        if (raw == UUID.class) {
            return quoted(gen.uuid().toString());
        }
        if (raw == java.time.LocalDate.class) {
            return quoted(gen.between(2001, 2030) + "-03-15");
        }
        if (raw == java.time.Instant.class) {
            return quoted("2024-03-15T08:00:00Z");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class) {
            return String.valueOf(gen.between(0, 12));
        }
        if (raw == double.class || raw == Double.class || raw == java.math.BigDecimal.class
                || raw == float.class || raw == Float.class) {
            return gen.pick("0.5", "1");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return gen.pick("true", "false");
        }
        if (raw.isEnum()) {
            return quoted(((Enum<?>) gen.pick(raw.getEnumConstants())).name());
        }
        if (java.util.Collection.class.isAssignableFrom(raw)) {
            java.lang.reflect.Type element = type instanceof java.lang.reflect.ParameterizedType p
                    ? p.getActualTypeArguments()[0] : String.class;
            return depth > 2 ? "[]" : "[" + String.join(",", gen.list(0, 2, () -> valid(gen, element, depth + 1)))
                    + "]";
        }
        if (Map.class.isAssignableFrom(raw)) {
            return "{}";
        }
        if (raw.isRecord() && depth <= 2) {
            List<String> members = new ArrayList<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                members.add(quoted(component.getName()) + ":" + valid(gen, component.getGenericType(), depth + 1));
            }
            return "{" + String.join(",", members) + "}";
        }
        return "null";
    }

    @Test
    void aBodyRightButForOneFieldIsRefusedNamingThatField() {
        Fuzz.check(200, this::oneWrong, this::refusedNamingTheField);
    }

    private int refusedNamingTheField(OneWrong call) throws Exception {
        if (!quiet) {
            awaitQuiet();
        }
        Endpoint endpoint = call.endpoint();
        Map<String, Long> before = RowCounts.of(jdbc, endpoint.module());
        MockHttpServletResponse response = Bounded.within(LIMIT, () -> mvc.perform(
                        request(endpoint.method(), endpoint.path())
                                .with(authentication(new CallerAuthentication(Caller.of("fuzz", Role.values()))))
                                .header("Accept-Language", "vi").contentType(MediaType.APPLICATION_JSON)
                                .content(call.body().getBytes(StandardCharsets.UTF_8)))
                .andReturn().getResponse());
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        // a value the field's type can never take is refused before anything is looked up or written
        assertThat(response.getStatus()).as(body).isIn(400, 422);
        assertThat(response.getContentType()).as(body).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> problem = JsonPath.read(body, "$");
        List<String> named = new ArrayList<>();
        if (problem.get("field") != null) {
            named.add(String.valueOf(problem.get("field")));
        }
        if (problem.get("errors") instanceof List<?> errors) {
            errors.forEach(error -> named.add(String.valueOf(((Map<?, ?>) error).get("field"))));
        }
        assertThat(named).as("the fields the refusal names: " + body)
                .anyMatch(f -> f.equals(call.field()) || f.startsWith(call.field() + ".")
                        || f.startsWith(call.field() + "["));
        assertThat(JsonPath.<String>read(body, "$.detail")).as(body).isNotBlank().doesNotContain("problemDetail.")
                .doesNotContain("Exception").doesNotContain("Failed to");
        Map<String, Long> after = RowCounts.of(jdbc, endpoint.module());
        after.keySet().removeIf(table -> table.contains("audit"));
        before.keySet().removeIf(table -> table.contains("audit"));
        assertThat(after).as("nothing written by a refused " + endpoint).isEqualTo(before);
        return response.getStatus();
    }
}
