package org.citygrid.org.internal;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;

import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A platform without demo data still needs someone to sign in: on an empty account table, creates {@code admin}
 * with the password from {@code CITYGRID_ADMIN_PASSWORD}, or a random one that is logged once.
 */
@Component
@Profile("!demo")
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final PersonRepository people;
    private final Accounts accounts;
    private final String configured;

    InitialAdministrator(PersonRepository people, Accounts accounts,
                         @Value("${CITYGRID_ADMIN_PASSWORD:}") String configured) {
        this.people = people;
        this.accounts = accounts;
        this.configured = configured;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (people.count() > 0) {
            return;
        }
        var password = configured.isBlank() ? randomPassword() : configured;
        try {
            accounts.createPerson(new Accounts.NewPerson("admin", "系统管理员", null, null, EnumSet.of(Role.ADMIN),
                    password), false);
        } catch (DomainException.Conflict | DataIntegrityViolationException e) {
            return; // another node created it at the same moment
        }
        if (configured.isBlank()) {
            log.warn("No accounts existed: created 'admin' with the one-time password {} — sign in and change it.",
                    password);
        } else {
            log.info("No accounts existed: created 'admin' with the password from CITYGRID_ADMIN_PASSWORD.");
        }
    }

    private static String randomPassword() {
        var bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        return "Cg1" + HexFormat.of().formatHex(bytes);
    }
}
