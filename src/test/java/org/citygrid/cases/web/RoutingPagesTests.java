package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;

import org.citygrid.cases.internal.routing.RoutingRule;
import org.citygrid.cases.internal.routing.RoutingRuleRepository;
import org.citygrid.cases.internal.routing.RoutingRules;
import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Routing in the web UI: the case page's dispatch form and the dispatcher's queue show the suggestion with its reason
 * and preselect it; the administrator's rules page lists, adds and refuses rules.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class RoutingPagesTests {

    static final String PASSWORD = DemoCases.PASSWORD;
    static final Pattern PAGES = Pattern.compile("data-pages=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    RoutingRules rules;
    @Autowired
    RoutingRuleRepository repository;

    @AfterEach
    void removeRules() {
        repository.deleteAll();
    }

    private long filed() throws Exception {
        var demo = new DemoCases(mvc);
        long id = demo.report();
        demo.act(id, "operator1", "accept", "");
        demo.act(id, "shiftlead1", "file", "\"urgent\":false");
        return id;
    }

    private String html(String user, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, PASSWORD))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private long waterRule() {
        return rules.create(new RoutingRule.Settings(null, "01001", null, "water", 7, false, true)).id();
    }

    @Test
    void theDispatchFormPreselectsTheSuggestedDepartmentAndShowsWhy() throws Exception {
        long rule = waterRule();
        long id = filed();

        var html = html("dispatcher1", "/cases/" + id + "?lang=zh-CN");

        assertThat(html).contains("id=\"dispatch-suggestion\"").contains("建议派往：自来水集团东城供水分公司")
                .contains("派遣规则 #" + rule + "（类别 01001 × 区域 全部区域，优先级 7）");
        assertThat(html).containsPattern("<option value=\"water\"\\s+selected=\"selected\">");
        assertThat(html).doesNotContainPattern("<option value=\"gas\"\\s+selected");
    }

    @Test
    void withoutASuggestionTheFormSaysWhyAndPreselectsNothing() throws Exception {
        long id = filed();

        var html = html("dispatcher1", "/cases/" + id + "?lang=en");

        assertThat(html).contains("No dispatch suggestion").doesNotContain("selected=\"selected\">");
    }

    @Test
    void anOverrideFromThePageIsRecordedOnTheTimeline() throws Exception {
        waterRule();
        long id = filed();
        int version = new DemoCases(mvc).version(id);

        mvc.perform(post("/cases/" + id + "/actions/dispatch").with(httpBasic("dispatcher1", PASSWORD)).with(csrf())
                        .param("version", String.valueOf(version)).param("departmentCode", "gas"))
                .andExpect(redirectedUrl("/cases/" + id));

        var html = html("dispatcher1", "/cases/" + id + "?lang=zh-CN");
        assertThat(html).contains("未按派遣建议，改派其他部门");
    }

    @Test
    void theCasePageSaysWhichRuleDispatchedACaseAutomatically() throws Exception {
        long rule = rules.create(new RoutingRule.Settings(null, "01001", null, "water", 7, true, true)).id();
        long id = filed();

        var html = html("dispatcher1", "/cases/" + id + "?lang=zh-CN");

        assertThat(html).contains("由派遣规则 #" + rule + " 自动派遣").contains("自动派遣（规则 #" + rule + "）");
        assertThat(html("dispatcher1", "/cases/" + id + "?lang=en"))
                .contains("Dispatched automatically by routing rule #" + rule);
    }

    @Test
    void theDispatchersQueueShowsTheSuggestionAndItsReason() throws Exception {
        long rule = waterRule();
        long id = filed();

        var first = html("dispatcher1", "/workbench/dispatcher?lang=zh-CN");
        var m = PAGES.matcher(first);
        assertThat(m.find()).isTrue();
        var all = new StringBuilder(first);
        for (int p = 1; p < Integer.parseInt(m.group(1)); p++) {
            all.append(html("dispatcher1", "/workbench/dispatcher?lang=zh-CN&page=" + p));
        }
        var queue = all.toString();
        int start = queue.indexOf("data-case-id=\"" + id + "\"");
        assertThat(start).isPositive();
        var row = queue.substring(start, queue.indexOf("</tr>", start));
        assertThat(row).contains("data-suggestion=\"water\"").contains("自来水集团东城供水分公司")
                .contains("派遣规则 #" + rule);
    }

    @Test
    void theAdministratorAddsARuleOnTheRulesPage() throws Exception {
        mvc.perform(post("/admin/routing").with(httpBasic("admin", PASSWORD)).with(csrf())
                        .param("classCode", "01001").param("regionCode", "110101").param("departmentCode", "water")
                        .param("priority", "5").param("autoDispatch", "true").param("enabled", "true"))
                .andExpect(redirectedUrl("/admin/routing"));

        var html = html("admin", "/admin/routing?lang=zh-CN");
        assertThat(html).contains("id=\"rules\"").contains("<code>01001</code>").contains("<code>110101</code>")
                .contains("<code>water</code>");
        assertThat(repository.findAll()).singleElement().satisfies(r -> {
            assertThat(r.autoDispatch()).isTrue();
            assertThat(r.priority()).isEqualTo(5);
        });
    }

    @Test
    void theRulesPageRefusesAnUnknownRegionAndSaysWhatToFix() throws Exception {
        var html = mvc.perform(post("/admin/routing?lang=zh-CN").with(httpBasic("admin", PASSWORD)).with(csrf())
                        .param("regionCode", "110199").param("departmentCode", "water").param("priority", "5"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("区域 110199 不存在");
        assertThat(repository.count()).isZero();
    }

    @Test
    void onlyAdministratorsSeeTheRulesPage() throws Exception {
        mvc.perform(get("/admin/routing").with(httpBasic("dispatcher1", PASSWORD))).andExpect(status().isForbidden());
        assertThat(html("admin", "/workbench/admin")).contains("href=\"/admin/routing\"");
    }
}
