package org.cadre.platform.web;

import org.cadre.platform.Caller;
import org.cadre.platform.CurrentCaller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take the {@link Caller} as a parameter. Without the identity module (a module test that
 * does not include it) every request is anonymous.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final ObjectProvider<CurrentCaller> current;

    CallerArgumentResolver(ObjectProvider<CurrentCaller> current) {
        this.current = current;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        CurrentCaller caller = current.getIfAvailable();
        return caller == null ? Caller.anonymous() : caller.get();
    }
}
