package org.citygrid.org.internal;

import java.util.stream.Collectors;

import org.citygrid.platform.security.CurrentUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Spring Security reads accounts from the org module's people. */
@Component
class PersonDetailsService implements UserDetailsService {

    private final PersonRepository people;

    PersonDetailsService(PersonRepository people) {
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return people.findByUsername(username)
                .map(p -> new CurrentUser(p.username(), p.displayName(), p.departmentCode(),
                        p.roles().stream().map(Enum::name).collect(Collectors.toSet()), p.passwordHash(), p.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
