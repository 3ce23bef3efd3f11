package org.cadre.platform.web;

import org.cadre.platform.EditVersion;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The {@link EditVersion} an edit was loaded with, the same way for every controller: an API client's
 * {@code If-Match} entity tag, or a page form's hidden field {@code version}; null when neither was sent (the edit
 * is then unconditional).
 */
class EditVersionArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return EditVersion.class.equals(parameter.getParameterType());
    }

    @Override
    public EditVersion resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        String tag = request.getHeader(HttpHeaders.IF_MATCH);
        return EditVersion.parse(tag != null ? tag : request.getParameter("version"));
    }
}
