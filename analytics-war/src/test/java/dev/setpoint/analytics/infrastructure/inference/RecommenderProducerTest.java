package dev.setpoint.analytics.infrastructure.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.setpoint.analytics.config.RecommenderConfig;
import dev.setpoint.model.recommend.PolicySettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

class RecommenderProducerTest {

  /** A configuration as MicroProfile Config builds it when no key is set: the fields' defaults. */
  private static RecommenderConfig defaults() throws Exception {
    RecommenderConfig config = new RecommenderConfig();
    int set = 0;
    for (Field field : RecommenderConfig.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      String value = field.getAnnotation(ConfigProperty.class).defaultValue();
      Class<?> type = field.getType();
      field.set(
          config,
          type == double.class
              ? Double.parseDouble(value)
              : type == boolean.class
                  ? Boolean.parseBoolean(value)
                  : type == Duration.class ? Duration.parse(value) : value);
      set++;
    }
    assertFalse(set == 0, "no configuration fields found");
    return config;
  }

  @Test
  void theConfiguredDefaultsAreThePolicysDefaults() throws Exception {
    assertEquals(PolicySettings.defaults(), RecommenderProducer.policySettings(defaults()));
  }
}
