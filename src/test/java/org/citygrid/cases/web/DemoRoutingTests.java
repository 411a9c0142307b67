package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import org.citygrid.cases.internal.routing.RoutingRuleRepository;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The demo seeds routing (citygrid.demo.routing, off in the other tests): class × street rules, one of them without
 * auto-dispatch, and default departments for the common classes, so the dispatcher sees a suggestion and its reason.
 */
@SpringBootTest(properties = "citygrid.demo.routing=true")
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class DemoRoutingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    RoutingRuleRepository rules;
    @Autowired
    Catalog catalog;

    @Test
    void theDemoHasStreetRulesOneWithoutAutoDispatchAndClassDefaults() {
        var all = rules.findAllByOrderById();
        assertThat(all).hasSizeGreaterThanOrEqualTo(5);
        assertThat(all).anySatisfy(r -> assertThat(r.autoDispatch()).isFalse());
        assertThat(all).anySatisfy(r -> assertThat(r.autoDispatch()).isTrue());
        assertThat(all).allSatisfy(r -> assertThat(r.regionCode()).startsWith("110101"));
        assertThat(catalog.get(ClassKind.COMPONENT, "01001").defaultDepartmentCode()).isEqualTo("water");
        assertThat(catalog.get(ClassKind.COMPONENT, "03005").defaultDepartmentCode()).isEqualTo("sanitation");
    }

    @Test
    void aFiledDemoReportWaitsForTheDispatcherWithASuggestionAndItsReason() throws Exception {
        var demo = new DemoCases(mvc);
        long id = demo.report();
        demo.act(id, "operator1", "accept", "");
        demo.act(id, "shiftlead1", "file", "\"urgent\":false");
        assertThat(demo.statusOf(id)).isEqualTo("PENDING_DISPATCH");

        var body = mvc.perform(get("/api/v1/cases/" + id + "/dispatch-suggestion")
                        .with(httpBasic("dispatcher1", DemoCases.PASSWORD)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(body, "$.departmentCode")).isEqualTo("water");
        assertThat((String) JsonPath.read(body, "$.source")).isEqualTo("RULE");
        assertThat((String) JsonPath.read(body, "$.reason")).contains("派遣规则");
        List<String> others = JsonPath.read(body, "$.alternatives[*].source");
        assertThat(others).isNotNull();

        var queue = mvc.perform(get("/workbench/dispatcher").with(httpBasic("dispatcher1", DemoCases.PASSWORD))
                .locale(Locale.SIMPLIFIED_CHINESE)).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("data-suggestion=\"water\"").contains("派遣规则");
    }
}
