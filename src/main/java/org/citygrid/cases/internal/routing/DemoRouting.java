package org.citygrid.cases.internal.routing;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few routing rules for the demo district (profile {@code demo}, after the demo organisation and geography), so a
 * dispatcher sees a suggestion with its reason: class × street → department, most of them dispatching on their own,
 * the one for water-supply manhole covers in 东华门街道 (where the demo's reports are) not, so that those cases wait
 * in the dispatcher's queue with the suggestion. Seeded only into an empty rule table (an administrator's rules win);
 * {@code citygrid.demo.routing=false} (the tests) seeds nothing.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "citygrid.demo.routing", havingValue = "true", matchIfMissing = true)
@Order(40)
class DemoRouting implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRouting.class);

    static final List<RoutingRule.Settings> RULES = List.of(
            rule("01001", "110101001", "water", 10, false),
            rule("01002", "110101001", "drainage", 10, true),
            rule("01003", "110101001", "drainage", 10, true),
            rule("03005", "110101002", "sanitation", 10, true),
            rule("04", "110101003", "greening", 5, true),
            rule("01001", "110101", "water", 1, false));

    private final RoutingRules rules;
    private final RoutingRuleRepository repository;

    DemoRouting(RoutingRules rules, RoutingRuleRepository repository) {
        this.rules = rules;
        this.repository = repository;
    }

    private static RoutingRule.Settings rule(String classCode, String region, String department, int priority,
                                             boolean auto) {
        return new RoutingRule.Settings(null, classCode, region, department, priority, auto, true);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.count() > 0) {
            return;
        }
        RULES.forEach(rules::create);
        log.info("Demo: {} routing rules seeded", RULES.size());
    }
}
