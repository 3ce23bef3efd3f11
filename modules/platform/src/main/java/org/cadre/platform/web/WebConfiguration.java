package org.cadre.platform.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.cadre.platform.CurrentCaller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * What every controller of every module may take as a parameter: the {@link org.cadre.platform.Caller} and the
 * {@link org.cadre.platform.EditVersion} an edit was loaded with.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<CurrentCaller> current;

    WebConfiguration(ObjectProvider<CurrentCaller> current) {
        this.current = current;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver(current));
        resolvers.add(new EditVersionArgumentResolver());
    }

    /** Dates as forms write them (dd/mm/yyyy) or as links do (ISO), everywhere: see {@link FormDates}. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(java.time.LocalDate.class, new FormDates());
        registry.addFormatterForFieldAnnotation(new FormDates.Annotated());
    }

    /** Links to web jars get their version; other links are left alone (see {@link WebJarUrlEncodingFilter}). */
    @Bean
    static FilterRegistrationBean<ResourceUrlEncodingFilter> webJarUrlEncodingFilter(
            ResourceUrlProvider mvcResourceUrlProvider) {
        // typed as Spring Boot's own registration, so that Boot leaves its filter out
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new WebJarUrlEncodingFilter(mvcResourceUrlProvider));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Tomcat's own error reports (requests refused before the application sees them) as problems, not its pages. */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
