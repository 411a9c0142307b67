package org.citygrid.geo.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.SupervisionGridsChanged;
import org.citygrid.org.OrgDirectory;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defining supervision grids (监督网格) and assigning them to supervisors. */
@Service
public class SupervisionGrids {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,20}");

    private final SupervisionGridRepository grids;
    private final DivisionRepository divisions;
    private final OrgDirectory org;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SupervisionGrids(SupervisionGridRepository grids, DivisionRepository divisions, OrgDirectory org, JdbcClient jdbc,
                     ApplicationEventPublisher events) {
        this.grids = grids;
        this.divisions = divisions;
        this.org = org;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The wanted state of a supervision grid; {@code version} is null to create, the current version to change. */
    public record Definition(String code, String name, String districtCode, Set<String> divisionCodes,
                             String supervisor, Integer version) {
    }

    public List<SupervisionGrid> list() {
        return grids.findAllByOrderByCode();
    }

    public SupervisionGrid grid(String code) {
        return grids.findByCode(code).orElseThrow(() -> new DomainException.NotFound("geo.supervision.unknown", code));
    }

    /** Creates or replaces a supervision grid: its streets/communities (of one district) and its supervisor. */
    @Transactional
    public SupervisionGrid define(Definition d, boolean synthetic) {
        if (!CODE.matcher(d.code()).matches()) {
            throw new DomainException.Invalid("code", "geo.supervision.code.invalid", d.code());
        }
        checkDivisions(d);
        checkSupervisor(d.supervisor());
        var grid = grids.findByCode(d.code()).orElse(null);
        if (grid == null) {
            grid = SupervisionGrid.create(d.code(), d.districtCode());
        } else if (d.version() == null || d.version() != grid.version()) {
            throw new DomainException.Conflict("geo.supervision.stale", d.code());
        }
        checkNotTaken(d);
        grid.define(d.name().strip(), d.divisionCodes(), d.supervisor(), synthetic);
        var saved = grids.save(grid);
        events.publishEvent(new SupervisionGridsChanged(d.code()));
        return saved;
    }

    private void checkDivisions(Definition d) {
        if (d.divisionCodes() == null || d.divisionCodes().isEmpty()) {
            throw new DomainException.Invalid("divisionCodes", "geo.supervision.divisions.empty");
        }
        for (var code : d.divisionCodes()) {
            var division = divisions.findByCode(code).orElseThrow(() ->
                    new DomainException.Invalid("divisionCodes", "geo.division.unknown", code));
            if (division.level() == DivisionLevel.DISTRICT || !code.startsWith(d.districtCode())) {
                throw new DomainException.Invalid("divisionCodes", "geo.supervision.divisions.level", code,
                        d.districtCode());
            }
        }
    }

    private void checkSupervisor(String username) {
        if (username == null) {
            return;
        }
        var person = org.person(username).orElseThrow(() ->
                new DomainException.Invalid("supervisor", "geo.supervision.supervisor.unknown", username));
        if (!person.enabled() || !person.roles().contains(Role.SUPERVISOR)) {
            throw new DomainException.Invalid("supervisor", "geo.supervision.supervisor.role", username);
        }
    }

    private void checkNotTaken(Definition d) {
        var taken = jdbc.sql("SELECT m.division_code, g.code FROM geo_supervision_grid_member m JOIN "
                        + "geo_supervision_grid g ON g.id = m.supervision_grid WHERE g.code <> :code")
                .param("code", d.code()).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (var t : taken) {
            if (d.divisionCodes().contains(t[0])) {
                throw new DomainException.Conflict("geo.supervision.divisions.taken", t[0], t[1]);
            }
        }
    }
}
