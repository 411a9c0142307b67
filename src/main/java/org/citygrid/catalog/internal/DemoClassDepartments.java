package org.citygrid.catalog.internal;

import java.util.Map;

import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's default departments for the common component classes (profile {@code demo}, after the demo
 * organisation), so that a filed case gets a class-default dispatch suggestion. Only a class without a default is
 * changed, so an administrator's choice survives a restart. {@code citygrid.demo.routing=false} (the tests) leaves
 * the catalog as seeded.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "citygrid.demo.routing", havingValue = "true", matchIfMissing = true)
@Order(30)
class DemoClassDepartments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoClassDepartments.class);

    /** Component class → the demo department that maintains most of them (as in the demo inventory). */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("01001", "water"), Map.entry("01002", "drainage"), Map.entry("01003", "drainage"),
            Map.entry("01004", "drainage"), Map.entry("01005", "power"), Map.entry("01006", "lighting"),
            Map.entry("01007", "telecom"), Map.entry("01010", "heating"), Map.entry("01011", "gas"),
            Map.entry("01013", "water"), Map.entry("01037", "lighting"), Map.entry("02012", "roads"),
            Map.entry("02014", "traffic"), Map.entry("03005", "sanitation"), Map.entry("04002", "greening"));

    private final Catalog catalog;
    private final CatalogAdministration administration;

    DemoClassDepartments(Catalog catalog, CatalogAdministration administration) {
        this.catalog = catalog;
        this.administration = administration;
    }

    @Override
    public void run(ApplicationArguments args) {
        int changed = 0;
        for (var entry : DEFAULTS.entrySet()) {
            var found = catalog.find(ClassKind.COMPONENT, entry.getKey());
            if (found.isEmpty() || found.get().defaultDepartmentCode() != null) {
                continue;
            }
            var c = found.get();
            administration.changeSettings(c.kind(), c.code(), new CatalogAdministration.Settings(entry.getValue(),
                    c.urgent(), c.filingCriteria(), c.closingCriteria(), c.duplicateRadiusMeters()), c.version());
            changed++;
        }
        if (changed > 0) {
            log.info("Demo: default departments set for {} component classes", changed);
        }
    }
}
