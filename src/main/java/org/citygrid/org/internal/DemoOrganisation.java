package org.citygrid.org.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.citygrid.org.DepartmentKind;
import org.citygrid.org.Role;
import org.citygrid.platform.ReferenceCsv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo district's organisation (profile {@code demo}): the Dongcheng urban-management bureau with the five
 * internal units named in the reform plan, professional departments, the street offices of Dongcheng's 17 real
 * streets, and one account per role. Idempotent: what exists already is left alone.
 */
@Component
@Profile("demo")
@Order(10)
class DemoOrganisation implements ApplicationRunner {

    static final String BUREAU = "CGJ";
    static final String COMMAND_CENTRE = "CGJ-ZHZX";
    private static final String DISTRICT = "110101";
    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private final Accounts accounts;
    private final DepartmentRepository departments;
    private final PersonRepository people;
    private final String password;

    DemoOrganisation(Accounts accounts, DepartmentRepository departments, PersonRepository people,
                     @Value("${citygrid.demo.password}") String password) {
        this.accounts = accounts;
        this.departments = departments;
        this.people = people;
        this.password = password;
    }

    record Dept(String code, String name, DepartmentKind kind, String parent, String division) {
    }

    /** Professional departments of the demo. Names are typical of a Beijing district, not a claim about real staff. */
    static final List<Dept> PROFESSIONAL = List.of(
            new Dept("water", "自来水集团东城供水分公司", DepartmentKind.PROFESSIONAL, null, null),
            new Dept("drainage", "排水集团东城管理分公司", DepartmentKind.PROFESSIONAL, null, null),
            new Dept("power", "东城供电公司", DepartmentKind.PROFESSIONAL, null, null),
            new Dept("lighting", "东城区路灯管理所", DepartmentKind.PROFESSIONAL, null, null),
            new Dept("gas", "燃气集团东城分公司", DepartmentKind.PROFESSIONAL, null, null),
            new Dept("heating", "热力集团东城分公司", DepartmentKind.PROFESSIONAL, null, null),
            new Dept("telecom", "东城区通信管线联合维护中心", DepartmentKind.PROFESSIONAL, null, null),
            new Dept("traffic", "东城交通支队", DepartmentKind.PROFESSIONAL, null, null),
            new Dept("roads", "东城区市政道路养护中心", DepartmentKind.PROFESSIONAL, null, null),
            new Dept("greening", "东城区园林绿化局", DepartmentKind.PROFESSIONAL, null, null),
            new Dept("sanitation", "东城区环境卫生服务中心", DepartmentKind.PROFESSIONAL, null, null));

    @Override
    public void run(ApplicationArguments args) {
        var all = new ArrayList<Dept>();
        all.add(new Dept(BUREAU, "东城区城市管理局", DepartmentKind.BUREAU_UNIT, null, DISTRICT));
        all.add(new Dept(COMMAND_CENTRE, "城市管理指挥中心", DepartmentKind.BUREAU_UNIT, BUREAU, null));
        all.add(new Dept("CGJ-WMB", "文明创建办", DepartmentKind.BUREAU_UNIT, BUREAU, null));
        all.add(new Dept("CGJ-LHHW", "绿化环卫处", DepartmentKind.BUREAU_UNIT, BUREAU, null));
        all.add(new Dept("CGJ-SZGL", "市政管理处", DepartmentKind.BUREAU_UNIT, BUREAU, null));
        all.add(new Dept("CGJ-ZFDD", "执法大队", DepartmentKind.BUREAU_UNIT, BUREAU, null));
        all.addAll(PROFESSIONAL);
        all.addAll(streetOffices());
        int createdDepartments = 0;
        for (var d : all) {
            if (!departments.existsByCode(d.code())) {
                accounts.createDepartment(new Accounts.NewDepartment(d.code(), d.name(), d.kind(), d.parent(),
                        d.division()));
                createdDepartments++;
            }
        }
        int createdPeople = 0;
        String hash = null;
        for (var p : people(all)) {
            if (!people.existsByUsername(p.username())) {
                var created = accounts.createPerson(p, true, hash);
                hash = created.passwordHash();
                createdPeople++;
            }
        }
        log.info("Demo organisation: {} departments and {} accounts created. Demo accounts (password {}): admin, "
                        + "leader, operator1, shiftlead1, dispatcher1, supervisor1..supervisor5, h-<department code> "
                        + "(e.g. h-water, h-110101001)", createdDepartments, createdPeople, password);
    }

    private List<Accounts.NewPerson> people(List<Dept> all) {
        var list = new ArrayList<Accounts.NewPerson>();
        list.add(person("admin", "系统管理员", COMMAND_CENTRE, EnumSet.of(Role.ADMIN)));
        list.add(person("leader", "王局长", BUREAU, EnumSet.of(Role.LEADER)));
        list.add(person("operator1", "受理员 刘芳", COMMAND_CENTRE, EnumSet.of(Role.OPERATOR)));
        list.add(person("shiftlead1", "值班长 陈强", COMMAND_CENTRE, EnumSet.of(Role.SHIFT_LEAD)));
        list.add(person("dispatcher1", "派遣员 赵敏", COMMAND_CENTRE, EnumSet.of(Role.DISPATCHER)));
        for (int i = 1; i <= 5; i++) {
            list.add(person("supervisor" + i, "监督员 " + i + " 号", COMMAND_CENTRE, EnumSet.of(Role.SUPERVISOR)));
        }
        all.stream().filter(d -> d.kind() != DepartmentKind.BUREAU_UNIT).forEach(d ->
                list.add(person("h-" + d.code().toLowerCase(), d.name() + " 处置员", d.code(),
                        EnumSet.of(Role.DEPT_HANDLER))));
        return list;
    }

    private Accounts.NewPerson person(String username, String name, String dept, Set<Role> roles) {
        var phone = "1380000" + String.format("%04d", Math.abs(username.hashCode()) % 10_000);
        return new Accounts.NewPerson(username, name, phone, dept, roles, password);
    }

    /** One street office per real street of Dongcheng (NBS 2023 codes), from reference/divisions/beijing_streets.csv. */
    static List<Dept> streetOffices() {
        return ReferenceCsv.read("reference/divisions/beijing_streets.csv").stream()
                .filter(r -> r.get("areaCode").equals(DISTRICT))
                .map(r -> new Dept(r.get("code"), r.get("name") + "办事处", DepartmentKind.STREET_OFFICE, null,
                        r.get("code")))
                .toList();
    }
}
