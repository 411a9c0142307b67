package org.citygrid.catalog.web;

import java.util.Set;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.HandleLimit;
import org.citygrid.catalog.HandleLimitSource;
import org.citygrid.platform.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrator's catalog pages. Each test edits its own classes. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Catalog catalog;

    private static RequestPostProcessor as(String role) {
        return user(new CurrentUser("t-" + role.toLowerCase(), "测试 " + role, null, Set.of(role), "x", true));
    }

    @Test
    void listsClassesFilteredByKindAndText() throws Exception {
        mvc.perform(get("/admin/catalog").param("kind", "MATTER").param("q", "烧烤").with(as("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("露天烧烤"), containsString("06029"),
                        containsString("地方标准"), not(containsString("供水井盖")))));
    }

    @Test
    void showsTheFormWithTheBasisOfAStandardLimit() throws Exception {
        mvc.perform(get("/admin/catalog/06001").param("kind", "MATTER").with(as("ADMIN")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("私搭乱建"), containsString("Local standard"),
                        containsString("renrendoc.com"), containsString("name=\"_csrf\""))));
    }

    @Test
    void savesTheFormAndRedirectsBackToIt() throws Exception {
        var before = catalog.get(ClassKind.MATTER, "09017");
        mvc.perform(post("/admin/catalog/09017").param("kind", "MATTER").with(as("ADMIN")).with(csrf())
                        .param("version", String.valueOf(before.version())).param("amount", "5")
                        .param("unit", "WORK_HOURS").param("defaultDepartmentCode", "").param("urgent", "true")
                        .param("filingCriteria", "桥下空间被占用").param("closingCriteria", "")
                        .param("duplicateRadiusMeters", "80"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/catalog/09017?kind=MATTER"));

        var after = catalog.get(ClassKind.MATTER, "09017");
        assertThat(after.handleLimit()).isEqualTo(new HandleLimit(5, TimeUnit.WORK_HOURS));
        assertThat(after.handleLimitSource()).isEqualTo(HandleLimitSource.LOCAL);
        assertThat(after.urgent()).isTrue();
        assertThat(after.filingCriteria()).isEqualTo("桥下空间被占用");
        assertThat(after.closingCriteria()).isNull();
        assertThat(after.duplicateRadiusMeters()).isEqualTo(80);
    }

    @Test
    void aStaleFormIsRefusedWithTheCurrentValues() throws Exception {
        var before = catalog.get(ClassKind.MATTER, "09016");
        var form = post("/admin/catalog/09016").param("kind", "MATTER").with(as("ADMIN")).with(csrf())
                .param("version", String.valueOf(before.version())).param("amount", "2").param("unit", "WORK_DAYS")
                .param("duplicateRadiusMeters", "50");
        mvc.perform(form).andExpect(status().is3xxRedirection());
        mvc.perform(form.param("urgent", "true"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该分类刚被他人修改")));
        assertThat(catalog.get(ClassKind.MATTER, "09016").urgent()).isFalse();
    }

    @Test
    void aFormWithBadNumbersIsShownAgainWithAMessage() throws Exception {
        var before = catalog.get(ClassKind.MATTER, "09015");
        mvc.perform(post("/admin/catalog/09015").param("kind", "MATTER").with(as("ADMIN")).with(csrf())
                        .param("version", String.valueOf(before.version())).param("amount", "many")
                        .param("unit", "WORK_DAYS").param("duplicateRadiusMeters", "50"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写处置时限")));
        mvc.perform(post("/admin/catalog/09015").param("kind", "MATTER").with(as("ADMIN")).with(csrf())
                        .param("version", String.valueOf(before.version())).param("amount", "0")
                        .param("unit", "WORK_DAYS").param("duplicateRadiusMeters", "50"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("1 到 10000")));
        assertThat(catalog.get(ClassKind.MATTER, "09015").version()).isEqualTo(before.version());
    }

    @Test
    void anUnknownClassIsTheNotFoundPage() throws Exception {
        mvc.perform(get("/admin/catalog/99999").with(as("ADMIN"))).andExpect(status().isNotFound());
    }

    @Test
    void isForAdministratorsOnly() throws Exception {
        mvc.perform(get("/admin/catalog").with(as("DISPATCHER"))).andExpect(status().isForbidden());
    }
}
