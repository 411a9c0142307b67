package org.citygrid.org.internal;

import java.util.Arrays;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With profile {@code prod}, refuses to start while demo accounts could sign in: the demo profile is active, or an
 * enabled account still has the published demo password (created by the demo seed and never changed). Runs while
 * the context starts, before the web server opens its port.
 */
@Component
@Profile("prod")
class ProductionSafetyCheck implements InitializingBean {

    private final Environment environment;
    private final PersonRepository people;

    ProductionSafetyCheck(Environment environment, PersonRepository people) {
        this.environment = environment;
        this.people = people;
    }

    @Override
    public void afterPropertiesSet() {
        if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
            throw new IllegalStateException("Refusing to start: profiles 'prod' and 'demo' are both active. The demo "
                    + "seed creates accounts with a published password; remove 'demo' from spring.profiles.active.");
        }
        var demoAccounts = people.findEnabledDemoUsernames();
        if (!demoAccounts.isEmpty()) {
            throw new IllegalStateException("Refusing to start with profile 'prod': these enabled accounts still have "
                    + "the published demo password: " + demoAccounts + ". Change their passwords or disable them "
                    + "(start without 'prod', sign in as admin), or use a database without demo data.");
        }
    }
}
