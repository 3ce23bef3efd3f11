package org.cadre.platform.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Makes {@link Formats} available to every template as {@code #fmt}, in the locale of the request. */
@Component
class FormatsDialect extends AbstractDialect implements IExpressionObjectDialect {

    FormatsDialect() {
        super("cadre-formats");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("fmt");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return "fmt".equals(name) ? new Formats(context.getLocale()) : null;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
