package org.cadre.ratingrules.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The module's configuration properties ({@code cadre.rating-rules.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RatingRulesProperties.class)
class RatingRulesConfiguration {
}
