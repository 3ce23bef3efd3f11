package org.cadre.platform.i18n;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese first, English second. Every module ships its own bundles as {@code i18n/<module>.properties}
 * (Vietnamese) and {@code i18n/<module>_en.properties} (English); they are found on the classpath, so a module
 * adds texts without touching the shell.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundlesConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final java.util.List<Locale> SUPPORTED = java.util.List.of(VIETNAMESE, Locale.ENGLISH);
    private static final Pattern BUNDLE = Pattern.compile("(i18n/[a-z0-9-]+?)(_[a-z]{2})?\\.properties$");

    @Bean
    MessageSource messageSource() {
        var source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(bundleBasenames());
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // the base files are Vietnamese: never fall back to the JVM's locale, which might pick English on a server
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(VIETNAMESE);
        source.setCacheSeconds(-1);
        return source;
    }

    static String[] bundleBasenames() {
        try {
            var names = new TreeSet<String>();
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
            for (Resource resource : resources) {
                Matcher matcher = BUNDLE.matcher(resource.getURL().toString());
                if (matcher.find()) {
                    names.add("classpath:" + matcher.group(1));
                }
            }
            return names.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the message bundles", e);
        }
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("cadre-lang");
        resolver.setDefaultLocale(VIETNAMESE);
        // a cookie the resolver cannot read (quoted by an old client, edited by hand) means the default language,
        // not a 500 on every page until the user clears it
        resolver.setRejectInvalidCookies(false);
        // pages are Vietnamese until the user switches; API callers may ask for English with Accept-Language
        resolver.setDefaultLocaleFunction(request -> {
            // an error forwarded to /error keeps the language of the API path it happened on
            String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                    ? original : request.getRequestURI();
            if (uri.startsWith(request.getContextPath() + "/api/") && request.getHeader("Accept-Language") != null) {
                try {
                    Locale best = Locale.lookup(Locale.LanguageRange.parse(request.getHeader("Accept-Language")),
                            SUPPORTED);
                    return best != null ? best : VIETNAMESE;
                } catch (IllegalArgumentException malformedHeader) {
                    return VIETNAMESE;
                }
            }
            return VIETNAMESE;
        });
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
