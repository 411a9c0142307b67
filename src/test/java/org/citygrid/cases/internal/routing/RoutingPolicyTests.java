package org.citygrid.cases.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.citygrid.assets.ComponentSummary;
import org.citygrid.cases.RoutingSource;
import org.citygrid.cases.internal.routing.RoutingPolicy.Rule;
import org.citygrid.cases.internal.routing.RoutingPolicy.Subject;
import org.citygrid.catalog.ClassKind;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The routing policy without Spring: the order of the sources, region specificity, priority and the reasons. */
class RoutingPolicyTests {

    static final String GRID = "110101001001001";
    static final String COMMUNITY = "110101001001";
    static final String STREET = "110101001";
    static final String DISTRICT = "110101";
    static final String COMPONENT = "11010101001000123";

    static final Map<String, String> DEPARTMENTS = Map.of("water", "北京市自来水集团", "drainage", "排水集团",
            "roads", "市政道路养护中心", "street", "东华门街道办事处", "gas", "燃气集团", "lighting", "路灯管理所");

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("i18n/cases");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    static Subject manholeCover(String defaultDepartment, String componentId) {
        return new Subject(ClassKind.COMPONENT, "01001", "供水井盖", defaultDepartment, GRID, COMMUNITY, STREET,
                DISTRICT, componentId);
    }

    static Rule rule(long id, String classCode, String region, String department, int priority) {
        return new Rule(id, null, classCode, region, department, priority, false, true);
    }

    static Optional<ComponentSummary> component(String owner, String maintainer) {
        return Optional.of(new ComponentSummary(COMPONENT, "01001", "供水井盖", "NORMAL", 116.4, 39.9, GRID, owner,
                maintainer));
    }

    static RoutingPolicy.Outcome decide(Subject s, List<Rule> rules, Optional<ComponentSummary> component) {
        return RoutingPolicy.decide(s, rules, component, DEPARTMENTS::get);
    }

    static String text(MessageSourceResolvable reason, Locale locale) {
        return MESSAGES.getMessage(reason, locale);
    }

    static String winner(RoutingPolicy.Outcome o) {
        return o.winner().orElseThrow().departmentCode();
    }

    @Test
    void aMatchingRuleBeatsTheComponentAndTheClassDefault() {
        var o = decide(manholeCover("roads", COMPONENT), List.of(rule(7, "01001", DISTRICT, "drainage", 10)),
                component("gas", "water"));

        assertThat(o.candidates()).extracting(RoutingPolicy.Candidate::source).containsExactly(RoutingSource.RULE,
                RoutingSource.COMPONENT_MAINTAINER, RoutingSource.COMPONENT_OWNER, RoutingSource.CLASS_DEFAULT);
        assertThat(o.candidates()).extracting(RoutingPolicy.Candidate::departmentCode)
                .containsExactly("drainage", "water", "gas", "roads");
        assertThat(o.winner().orElseThrow().ruleId()).isEqualTo(7L);
    }

    @Test
    void withoutARuleTheMaintainerComesBeforeTheOwnerAndTheOwnerBeforeTheClassDefault() {
        assertThat(winner(decide(manholeCover("roads", COMPONENT), List.of(), component("gas", "water"))))
                .isEqualTo("water");
        assertThat(winner(decide(manholeCover("roads", COMPONENT), List.of(), component("gas", null))))
                .isEqualTo("gas");
        assertThat(winner(decide(manholeCover("roads", COMPONENT), List.of(), component(null, null))))
                .isEqualTo("roads");
        assertThat(winner(decide(manholeCover("roads", null), List.of(), Optional.empty()))).isEqualTo("roads");
    }

    @Test
    void theReasonNamesTheComponentAndItsMaintainer() {
        var o = decide(manholeCover(null, COMPONENT), List.of(), component(null, "water"));
        var w = o.winner().orElseThrow();

        assertThat(w.source()).isEqualTo(RoutingSource.COMPONENT_MAINTAINER);
        assertThat(text(w.reason(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("部件 11010101001000123 由 北京市自来水集团 养护");
        assertThat(text(w.reason(), Locale.ENGLISH))
                .isEqualTo("Component 11010101001000123 is maintained by 北京市自来水集团");
    }

    @Test
    void theReasonNamesTheRuleItsClassRegionAndPriority() {
        var o = decide(manholeCover(null, null), List.of(rule(12, "01", STREET, "drainage", 5)), Optional.empty());

        assertThat(text(o.winner().orElseThrow().reason(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("派遣规则 #12（类别 01 × 区域 110101001，优先级 5）指定由 排水集团 处置");
        var anyClassAnywhere = decide(manholeCover(null, null), List.of(rule(3, null, null, "roads", 0)),
                Optional.empty());
        assertThat(text(anyClassAnywhere.winner().orElseThrow().reason(), Locale.ENGLISH))
                .isEqualTo("Routing rule #3 (class any class × region anywhere, priority 0) sends such cases to "
                        + "市政道路养护中心");
    }

    @Test
    void theReasonOfTheClassDefaultNamesTheClass() {
        var w = decide(manholeCover("roads", null), List.of(), Optional.empty()).winner().orElseThrow();

        assertThat(w.source()).isEqualTo(RoutingSource.CLASS_DEFAULT);
        assertThat(text(w.reason(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("类别 01001 供水井盖 的默认处置部门是 市政道路养护中心");
    }

    @Test
    void theMostSpecificRegionWinsOverAHigherPriority() {
        var rules = List.of(rule(1, "01001", DISTRICT, "roads", 900), rule(2, "01001", STREET, "drainage", 500),
                rule(3, "01001", COMMUNITY, "gas", 100), rule(4, "01001", GRID, "lighting", 0),
                rule(5, "01001", null, "street", 1000));

        var o = decide(manholeCover(null, null), rules, Optional.empty());

        assertThat(o.candidates()).extracting(RoutingPolicy.Candidate::departmentCode)
                .containsExactly("lighting", "gas", "drainage", "roads", "street");
    }

    @Test
    void amongRulesOfTheSameRegionTheHigherPriorityWinsThenTheSubClassThenTheOlderRule() {
        var byPriority = List.of(rule(1, "01001", STREET, "roads", 10), rule(2, "01001", STREET, "drainage", 20));
        assertThat(winner(decide(manholeCover(null, null), byPriority, Optional.empty()))).isEqualTo("drainage");

        var byClass = List.of(rule(1, "01", STREET, "roads", 10), rule(2, "01001", STREET, "drainage", 10));
        assertThat(winner(decide(manholeCover(null, null), byClass, Optional.empty()))).isEqualTo("drainage");

        var byAge = List.of(rule(9, "01001", STREET, "roads", 10), rule(4, "01001", STREET, "drainage", 10));
        assertThat(winner(decide(manholeCover(null, null), byAge, Optional.empty()))).isEqualTo("drainage");
    }

    @Test
    void disabledRulesAreIgnored() {
        var disabled = new Rule(1, null, "01001", GRID, "gas", 100, true, false);

        var o = decide(manholeCover("roads", null), List.of(disabled), Optional.empty());

        assertThat(o.candidates()).extracting(RoutingPolicy.Candidate::departmentCode).containsExactly("roads");
    }

    @Test
    void rulesOfAnotherClassKindOrRegionDoNotMatch() {
        var rules = List.of(rule(1, "01002", null, "gas", 100), rule(2, "02", null, "gas", 100),
                rule(3, null, "110102", "gas", 100), rule(4, null, "110101001001002", "gas", 100),
                new Rule(5, ClassKind.MATTER, null, null, "gas", 100, false, true));

        var o = decide(manholeCover("roads", null), rules, Optional.empty());

        assertThat(o.candidates()).extracting(RoutingPolicy.Candidate::departmentCode).containsExactly("roads");
    }

    @Test
    void aMajorClassRuleAndARuleOfTheSameKindMatch() {
        var rules = List.of(rule(1, "01", null, "drainage", 1),
                new Rule(2, ClassKind.COMPONENT, null, null, "gas", 0, false, true));

        var o = decide(manholeCover(null, null), rules, Optional.empty());

        assertThat(o.candidates()).extracting(RoutingPolicy.Candidate::departmentCode)
                .containsExactly("drainage", "gas");
    }

    @Test
    void eachDepartmentIsSuggestedOnceAtItsBestPlace() {
        var o = decide(manholeCover("water", COMPONENT), List.of(rule(1, "01001", null, "water", 1)),
                component("water", "water"));

        assertThat(o.candidates()).singleElement().extracting(RoutingPolicy.Candidate::source)
                .isEqualTo(RoutingSource.RULE);
    }

    @Test
    void aDepartmentTheDirectoryDoesNotKnowIsSkipped() {
        var o = decide(manholeCover("roads", COMPONENT), List.of(rule(1, null, null, "closed-dept", 1)),
                component("gone", "vanished"));

        assertThat(o.candidates()).extracting(RoutingPolicy.Candidate::departmentCode).containsExactly("roads");
    }

    @Test
    void theAutoDispatchFlagTravelsWithTheWinningRule() {
        var auto = new Rule(8, null, "01001", GRID, "water", 1, true, true);

        var w = decide(manholeCover(null, null), List.of(auto, rule(9, null, null, "roads", 5)), Optional.empty())
                .winner().orElseThrow();

        assertThat(w.autoDispatch()).isTrue();
        assertThat(w.ruleId()).isEqualTo(8L);
    }

    @Test
    void withoutAnyCandidateTheOutcomeSaysWhy() {
        var o = decide(manholeCover(null, null), List.of(), Optional.empty());

        assertThat(o.winner()).isEmpty();
        assertThat(text(o.none(), Locale.SIMPLIFIED_CHINESE)).contains("没有匹配的启用规则").contains("01001 供水井盖")
                .contains("未指明部件");
        var withComponent = decide(manholeCover(null, COMPONENT), List.of(), component(null, null));
        assertThat(text(withComponent.none(), Locale.ENGLISH)).contains("component 11010101001000123 has no owner");
    }
}
