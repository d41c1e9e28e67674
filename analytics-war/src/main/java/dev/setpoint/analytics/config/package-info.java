/**
 * Analytics' typed configuration: one class per concern, keys {@code
 * setpoint.analytics.<concern>.<name>}, each key's default on its field (nowhere else). Every layer
 * of this WAR may use these classes; producers build application services from them.
 *
 * <p>Each class is a {@code Dependent} bean whose public fields are injected by MicroProfile Config
 * (the {@code ConfigProperty} qualifier with the full key and its default), read once when the bean
 * that needs them is made. Not MicroProfile's {@code @ConfigProperties(prefix = …)}: in the EAR
 * (three WARs in one Liberty application) its beans fail with SRCFG00027 "Could not find a
 * mapping", because SmallRye registers the mapping with the application's Config and looks it up in
 * the web module's; the architecture test refuses it in the WARs for that reason.
 */
package dev.setpoint.analytics.config;
