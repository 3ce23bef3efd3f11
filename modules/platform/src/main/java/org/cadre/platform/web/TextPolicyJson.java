package org.cadre.platform.web;

import java.time.LocalDate;
import org.cadre.platform.Dates;
import org.cadre.platform.Texts;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON as the API reads it: a key given twice in one object is refused (Jackson would keep the last one silently),
 * and every text of a request body goes through the text policy ({@link Texts}), the property's name being the
 * field a refusal names. The policy applies to request bodies only, marked by an attribute of the reader: the same
 * mapper reads what the application stored itself (job results, event publications), which it must read back as
 * it was written. Dates of a request body are held to the years Cadre accepts ({@link Dates}) the same way.
 */
@Configuration(proxyBeanMethods = false)
class TextPolicyJson {

    /** The reader attribute that marks a request body being read. */
    static final Object REQUEST_BODY = TextPolicyJson.class.getName() + ".requestBody";

    @Bean
    static JsonMapperBuilderCustomizer strictTexts() {
        SimpleModule texts = new SimpleModule("cadre-text-policy");
        texts.addDeserializer(String.class, new PolicyStrings());
        texts.setDeserializerModifier(new PolicyDates());
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).addModule(texts);
    }

    /** Runs after Boot's own customizer, whose JSON converter it replaces with one that marks request bodies. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    static ServerHttpMessageConvertersCustomizer requestBodyTexts(JsonMapper json) {
        return builder -> builder.withJsonConverter(new RequestBodies(json));
    }

    private static final class RequestBodies extends JacksonJsonHttpMessageConverter {

        RequestBodies(JsonMapper json) {
            super(json);
        }

        @Override
        protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
            return super.customizeReader(reader, javaType).withAttribute(REQUEST_BODY, Boolean.TRUE);
        }
    }

    /** Dates of a request body within the years Cadre accepts ({@link Dates}), whatever reads them. */
    private static final class PolicyDates extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                ValueDeserializer<?> deserializer) {
            return bean.getBeanClass() == LocalDate.class ? new EnteredDates(deserializer) : deserializer;
        }
    }

    private static final class EnteredDates extends DelegatingDeserializer {

        EnteredDates(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new EnteredDates(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            if (value instanceof LocalDate date && context.getAttribute(REQUEST_BODY) != null) {
                return Dates.entered(PolicyStrings.field(parser), date);
            }
            return value;
        }
    }

    /** Jackson's strings, through the policy when they come from a request body. */
    private static final class PolicyStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text == null || context.getAttribute(REQUEST_BODY) == null) {
                return text;
            }
            return Texts.clean(field(parser), text);
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        /** The property the text is the value of: for an element of an array, the array's property. */
        static String field(JsonParser parser) {
            TokenStreamContext context = parser.streamReadContext();
            while (context != null) {
                if (context.hasCurrentName()) {
                    return context.currentName();
                }
                context = context.getParent();
            }
            return "";
        }
    }
}
