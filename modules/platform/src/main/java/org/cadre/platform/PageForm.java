package org.cadre.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page controller method that handles a form. When the change is refused (a {@link Refused}, a missing or
 * unreadable field, a constraint of the command), the platform sends the user back to {@link #page()} with the
 * reason next to the form {@link #form()} and the values they entered still in it; the controller holds no
 * try/catch for refusals. On success the controller redirects as it sees fit.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PageForm {

    /**
     * The page the form is on, with the request's path variables and form fields as URI template variables:
     * {@code /members/{id}}, {@code /rule-packs/{packId}/{version}/file?path={path}}.
     */
    String page();

    /** The id of the form on that page, where the reason is shown: {@code transfer-form}. */
    String form();
}
