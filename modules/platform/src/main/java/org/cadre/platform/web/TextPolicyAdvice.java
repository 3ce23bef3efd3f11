package org.cadre.platform.web;

import java.beans.PropertyEditorSupport;
import org.cadre.platform.Texts;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The text policy ({@link Texts}) for what pages and the API bind from a request: form fields, request parameters,
 * path variables. Spring MVC makes a binder for each of them named after the parameter, so the field a refusal
 * names is the parameter's name; the {@link org.cadre.platform.Refused} leaves the binder as it is and takes the
 * one path of refusals (the form back with the reason next to the field, or a problem). A parameter holding a
 * password is left as typed.
 */
@ControllerAdvice
class TextPolicyAdvice {

    @InitBinder
    void textPolicy(WebDataBinder binder) {
        String field = binder.getObjectName();
        if (!Texts.isSecret(field)) {
            binder.registerCustomEditor(String.class, new TextEditor(field));
        }
    }

    /** Binds a text through the policy; the field is the binder's (the parameter or the form object). */
    private static final class TextEditor extends PropertyEditorSupport {

        private final String field;

        TextEditor(String field) {
            this.field = field;
        }

        @Override
        public void setAsText(String text) {
            setValue(Texts.clean(field, text));
        }
    }
}
