package org.cadre.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.platform.Texts;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.RequestParamMapMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The text policy ({@link Texts}) for a form taken whole ({@code @RequestParam Map<String, String>}, as pages with
 * fields named by the data do): Spring MVC builds such a map from the request without a binder, so
 * {@link TextPolicyAdvice} never sees its values. Each text value goes through the policy, its parameter's name
 * being the field a refusal names; a password is left as typed.
 */
@Configuration(proxyBeanMethods = false)
class TextPolicyParameters {

    @Bean
    static BeanPostProcessor textPolicyOfParameterMaps() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
                    List<HandlerMethodArgumentResolver> resolvers = adapter.getArgumentResolvers().stream()
                            .map(r -> r instanceof RequestParamMapMethodArgumentResolver ? new CleanMaps(r) : r)
                            .toList();
                    adapter.setArgumentResolvers(resolvers);
                }
                return bean;
            }
        };
    }

    /** Spring's own resolver of parameter maps, its text values cleaned. */
    private record CleanMaps(HandlerMethodArgumentResolver resolver) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return resolver.supportsParameter(parameter);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
            Object resolved = resolver.resolveArgument(parameter, container, request, binders);
            if (resolved instanceof MultiValueMap<?, ?> multi) {
                MultiValueMap<Object, Object> cleaned = new LinkedMultiValueMap<>();
                multi.forEach((key, values) -> values.forEach(value -> cleaned.add(key, clean(key, value))));
                return cleaned;
            }
            if (resolved instanceof Map<?, ?> map) {
                Map<Object, Object> cleaned = new LinkedHashMap<>();
                map.forEach((key, value) -> cleaned.put(key, clean(key, value)));
                return cleaned;
            }
            return resolved;
        }

        private static Object clean(Object key, Object value) {
            return value instanceof String text ? Texts.clean(String.valueOf(key), text) : value;
        }
    }
}
