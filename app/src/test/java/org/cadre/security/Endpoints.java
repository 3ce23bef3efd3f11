package org.cadre.security;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint Spring MVC dispatches to, read from its handler mapping rather than from a list a person keeps, with
 * the rule that says who may call it and a request that gets as far as that rule: path variables, the required
 * parameters and a body that binds, so that what answers is the rule and not the request's shape.
 */
final class Endpoints {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    private Endpoints() {
    }

    /** One method and path of one handler. */
    record Endpoint(RequestMethod method, String pattern, HandlerMethod handler, Optional<String> rule,
            boolean consumesMultipart) {

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean ours() {
            return handler.getBeanType().getName().startsWith("org.cadre.");
        }

        String name() {
            return method + " " + pattern;
        }

        /** The handler's parameter bound to a path variable or a request parameter of this name, if any. */
        Optional<MethodParameter> parameter(String name) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                String bound = path != null ? first(path.name(), path.value())
                        : param != null ? first(param.name(), param.value()) : null;
                if (path == null && param == null) {
                    continue;
                }
                if (name.equals(bound == null || bound.isEmpty() ? parameter.getParameterName() : bound)) {
                    return Optional.of(parameter);
                }
            }
            return Optional.empty();
        }

        List<String> pathVariables() {
            List<String> names = new ArrayList<>();
            Matcher variable = VARIABLE.matcher(pattern);
            while (variable.find()) {
                names.add(variable.group(1));
            }
            return names;
        }

        /** The path with each variable given the value {@code values} chooses for it. */
        String path(Function<String, String> values) {
            Matcher variable = VARIABLE.matcher(pattern.replace("/**", "/x"));
            StringBuilder path = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(path, Matcher.quoteReplacement(values.apply(variable.group(1))));
            }
            variable.appendTail(path);
            return path.toString();
        }

        /**
         * The request parameters the handler takes (name to parameter), required or not: a form sent whole gets past
         * the checks of its fields to the rule and the scope.
         */
        Map<String, MethodParameter> parameters() {
            Map<String, MethodParameter> required = new LinkedHashMap<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
                if (param != null && Map.class.isAssignableFrom(parameter.getParameterType())) {
                    continue;
                }
                if (param != null && !file(parameter)) {
                    String name = first(param.name(), param.value());
                    required.put(name == null || name.isEmpty() ? parameter.getParameterName() : name, parameter);
                }
            }
            return required;
        }

        Optional<MethodParameter> body() {
            return java.util.Arrays.stream(handler.getMethodParameters())
                    .filter(p -> p.hasParameterAnnotation(RequestBody.class)).findFirst();
        }

        boolean multipart() {
            return consumesMultipart || java.util.Arrays.stream(handler.getMethodParameters()).anyMatch(p -> file(p)
                    || p.hasParameterAnnotation(RequestPart.class)
                    || MultipartRequest.class.isAssignableFrom(p.getParameterType()));
        }

        /** The parts of a multipart call: name to whether it is a file (else a JSON part of that type). */
        Map<String, MethodParameter> parts() {
            Map<String, MethodParameter> parts = new LinkedHashMap<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
                String name = param != null ? first(param.name(), param.value())
                        : part != null ? first(part.name(), part.value()) : null;
                if (MultipartRequest.class.isAssignableFrom(parameter.getParameterType())) {
                    parts.put("x.drl", parameter);
                } else if ((param != null && file(parameter)) || part != null) {
                    parts.put(name == null || name.isEmpty() ? parameter.getParameterName() : name, parameter);
                }
            }
            return parts;
        }
    }

    /** Whether the parameter takes an uploaded file or several. */
    static boolean file(MethodParameter parameter) {
        if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
            return true;
        }
        Type type = parameter.getGenericParameterType();
        return Collection.class.isAssignableFrom(parameter.getParameterType())
                && argument(type, 0) == MultipartFile.class;
    }

    private static String first(String a, String b) {
        return a != null && !a.isEmpty() ? a : b;
    }

    /** Every endpoint of the mapping, one per HTTP method and path, in a stable order. */
    static List<Endpoint> of(RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                methods = Set.of(RequestMethod.GET, RequestMethod.POST);
            }
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    endpoints.add(new Endpoint(method, pattern, handler, rule(handler), info.getConsumesCondition()
                            .getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA)));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method)
                .thenComparing(e -> e.handler().getMethod().toString()));
        return endpoints;
    }

    /**
     * The rule of a handler as method security reads it: {@code @PreAuthorize} on the method, directly or through a
     * role meta-annotation, else on its class.
     */
    static Optional<String> rule(HandlerMethod handler) {
        return rule(handler.getMethod(), handler.getBeanType());
    }

    static Optional<String> rule(Method method, Class<?> type) {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (onMethod != null) {
            return Optional.of(onMethod.value());
        }
        return Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(type, PreAuthorize.class))
                .map(PreAuthorize::value);
    }

    /** A value the parameter binds from, as text (one element for a list). */
    static String text(MethodParameter parameter, String name) {
        Class<?> type = parameter.getParameterType();
        if (Collection.class.isAssignableFrom(type) || type == Optional.class) {
            return text(raw(argument(parameter.getGenericParameterType(), 0)), name);
        }
        return text(type, name);
    }

    /** A value a parameter of this type binds from, as text. */
    static String text(Class<?> type, String name) {
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == Year.class) {
            return name.toLowerCase().contains("year") ? "2017" : "1";
        }
        if (type == LocalDate.class) {
            return "2017-06-01";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        return "x";
    }

    /** A JSON body that binds to the type (records and their components), as text. */
    static String json(Type type) {
        return write(sample(type, 0));
    }

    private static Object sample(Type type, int depth) {
        Class<?> raw = raw(type);
        if (depth > 6) {
            return null;
        }
        if (raw == String.class || raw == Object.class) {
            return "x";
        }
        if (raw == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (raw == LocalDate.class) {
            return "2017-06-01";
        }
        if (raw == OffsetDateTime.class) {
            return "2017-06-01T08:00:00Z";
        }
        if (raw == LocalDateTime.class) {
            return "2017-06-01T08:00:00";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class || raw == Year.class) {
            return 1;
        }
        if (raw == BigDecimal.class || raw == double.class || raw == Double.class) {
            return 1;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return false;
        }
        if (raw.isEnum()) {
            return ((Enum<?>) raw.getEnumConstants()[0]).name();
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Object element = sample(argument(type, 0), depth + 1);
            return element == null ? List.of() : List.of(element);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of();
        }
        if (raw == Optional.class) {
            return sample(argument(type, 0), depth + 1);
        }
        if (raw.isRecord()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                Object value = sample(component.getGenericType(), depth + 1);
                jakarta.validation.constraints.Pattern pattern = constraint(raw, component.getName());
                if (pattern != null) {
                    value = STRINGS.stream().filter(c -> c.matches(pattern.regexp())).findFirst().orElse(null);
                }
                fields.put(component.getName(), value);
            }
            return fields;
        }
        if (!raw.isInterface() && !Modifier.isAbstract(raw.getModifiers())) {
            return Map.of();
        }
        return null;
    }

    /** Texts to try on a field with a pattern: the first that matches it is sent. */
    private static final List<String> STRINGS = List.of("x", "X1", "123456789012", "123456789", "x@x.vn", "2017",
            "x.drl", "A-1");

    private static jakarta.validation.constraints.Pattern constraint(Class<?> record, String component) {
        try {
            return record.getDeclaredField(component).getAnnotation(jakarta.validation.constraints.Pattern.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static String write(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> write(e.getKey()) + ":" + write(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Endpoints::write).collect(Collectors.joining(",", "[", "]"));
        }
        throw new IllegalArgumentException(value.getClass().getName());
    }
}
