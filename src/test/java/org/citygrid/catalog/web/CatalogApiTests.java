package org.citygrid.catalog.web;

import java.util.UUID;

import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.DepartmentKind;
import org.citygrid.org.internal.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The catalog's HTTP contract (shared/design/API.md, "Catalog and calendar"). Each test edits its own classes. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogApiTests {

    private static final String CLASSES = "/api/v1/catalog/classes";

    @Autowired
    MockMvc mvc;
    @Autowired
    Catalog catalog;
    @Autowired
    Accounts accounts;

    private static MockHttpServletRequestBuilder putJson(String path, String json) {
        return put(path).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private int version(ClassKind kind, String code) {
        return catalog.get(kind, code).version();
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void listsEveryClassToAnySignedInUser() throws Exception {
        mvc.perform(get(CLASSES))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(403)))
                .andExpect(jsonPath("$[0].code", is("01001")))
                .andExpect(jsonPath("$[0].kind", is("COMPONENT")))
                .andExpect(jsonPath("$[0].name", is("供水井盖")))
                .andExpect(jsonPath("$[0].nameEn", is("Water-supply manhole cover")))
                .andExpect(jsonPath("$[0].majorCode", is("01")))
                .andExpect(jsonPath("$[0].majorName", is("市政公用设施")))
                .andExpect(jsonPath("$[0].handleLimit.amount", is(6)))
                .andExpect(jsonPath("$[0].handleLimit.unit", is("NATURAL_HOURS")))
                .andExpect(jsonPath("$[0].handleLimitSource", is("STANDARD")))
                .andExpect(jsonPath("$[0].urgent", is(false)))
                .andExpect(jsonPath("$[0].duplicateRadiusMeters", is(50)))
                .andExpect(jsonPath("$[0].legacyCodes[0]", is("0101")))
                .andExpect(jsonPath("$[0].version").isNumber());
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void filtersByKindAndSearchesByNameOrCodePrefix() throws Exception {
        mvc.perform(get(CLASSES).param("kind", "COMPONENT"))
                .andExpect(jsonPath("$", hasSize(153)))
                .andExpect(jsonPath("$[*].kind", everyItem(is("COMPONENT"))));
        mvc.perform(get(CLASSES).param("kind", "MATTER").param("q", "烧烤"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].code", is("06029")))
                .andExpect(jsonPath("$[0].handleLimit.amount", is(2)))
                .andExpect(jsonPath("$[0].handleLimit.unit", is("NATURAL_HOURS")))
                .andExpect(jsonPath("$[0].legacyCodes", hasItem("0510")));
        mvc.perform(get(CLASSES).param("q", "parcel locker"))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[*].code", everyItem(is("01075"))));
        mvc.perform(get(CLASSES).param("q", "0800").param("kind", "MATTER"))
                .andExpect(jsonPath("$", hasSize(9)));
    }

    @Test
    @WithMockUser
    void rejectsAnUnknownKindWithAProblem() throws Exception {
        mvc.perform(get(CLASSES).param("kind", "EVENT"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field", is("kind")));
    }

    @Test
    void refusesAnonymousReaders() throws Exception {
        mvc.perform(get(CLASSES)).andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser
    void showsOneClassWithItsRealLimitAndCriteria() throws Exception {
        mvc.perform(get(CLASSES + "/06001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name", is("私搭乱建")))
                .andExpect(jsonPath("$.kind", is("MATTER")))
                .andExpect(jsonPath("$.handleLimit.amount", is(4)))
                .andExpect(jsonPath("$.handleLimit.unit", is("WORK_HOURS")))
                .andExpect(jsonPath("$.handleLimitSource", is("STANDARD")))
                .andExpect(jsonPath("$.handleLimitBasis", containsString("停工4个工作时")))
                .andExpect(jsonPath("$.filingCriteria", containsString("无规划许可")))
                .andExpect(jsonPath("$.closingCriteria", is("停工；依法实施行政处罚；彻底拆除")))
                .andExpect(jsonPath("$.legacyCodes", hasItem("0101")));
    }

    @Test
    @WithMockUser
    void anAmbiguousCodeNeedsTheKind() throws Exception {
        mvc.perform(get(CLASSES + "/01001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field", is("kind")));
        mvc.perform(get(CLASSES + "/01001").param("kind", "MATTER"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name", is("供水井盖异常")));
    }

    @Test
    @WithMockUser
    void anUnknownClassIsA404Problem() throws Exception {
        mvc.perform(get(CLASSES + "/99999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("99999")));
        mvc.perform(get(CLASSES + "/10001").param("kind", "COMPONENT"))
                .andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = {"DISPATCHER", "LEADER"})
    void onlyAnAdministratorChangesALimit() throws Exception {
        mvc.perform(putJson(CLASSES + "/09022/handle-limit", "{\"amount\":2,\"unit\":\"WORK_DAYS\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(putJson(CLASSES + "/09022", "{\"version\":0,\"urgent\":true,\"duplicateRadiusMeters\":50}"))
                .andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAdministratorSetsALimitThatIsThenMarkedLocal() throws Exception {
        int v = version(ClassKind.MATTER, "09021");
        mvc.perform(putJson(CLASSES + "/09021/handle-limit",
                        "{\"amount\":3,\"unit\":\"WORK_HOURS\",\"version\":" + v + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.handleLimit.amount", is(3)))
                .andExpect(jsonPath("$.handleLimit.unit", is("WORK_HOURS")))
                .andExpect(jsonPath("$.handleLimitSource", is("LOCAL")))
                .andExpect(jsonPath("$.version", is(v + 1)));
        mvc.perform(get(CLASSES + "/09021")).andExpect(jsonPath("$.handleLimit.amount", is(3)));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void rejectsALimitOutsideItsRangeOrWithoutUnit() throws Exception {
        for (var body : new String[] {"{\"amount\":0,\"unit\":\"WORK_DAYS\"}", "{\"amount\":10001,\"unit\":\"WORK_DAYS\"}",
                "{\"amount\":2}", "{\"amount\":2,\"unit\":\"FORTNIGHTS\"}", "{\"amount\":\"two\",\"unit\":\"WORK_DAYS\"}"}) {
            mvc.perform(putJson(CLASSES + "/09020/handle-limit", body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors").isArray());
        }
        mvc.perform(putJson(CLASSES + "/09020/handle-limit", "{\"amount\":"))
                .andExpect(status().isBadRequest());
        mvc.perform(get(CLASSES + "/09020")).andExpect(jsonPath("$.handleLimitSource", is("DEFAULT")));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aStaleVersionIsAConflict() throws Exception {
        int v = version(ClassKind.MATTER, "09019");
        mvc.perform(putJson(CLASSES + "/09019/handle-limit", "{\"amount\":2,\"unit\":\"WORK_DAYS\",\"version\":" + v + "}"))
                .andExpect(status().isOk());
        mvc.perform(putJson(CLASSES + "/09019/handle-limit", "{\"amount\":5,\"unit\":\"WORK_DAYS\",\"version\":" + v + "}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type", endsWith("/stale-version")));
        mvc.perform(putJson(CLASSES + "/09019/handle-limit", "{\"amount\":5,\"unit\":\"WORK_DAYS\",\"version\":0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type", endsWith("/stale-version")));
        mvc.perform(putJson(CLASSES + "/09019", "{\"version\":" + v + ",\"urgent\":true,\"duplicateRadiusMeters\":50}"))
                .andExpect(status().isConflict());
        mvc.perform(get(CLASSES + "/09019"))
                .andExpect(jsonPath("$.handleLimit.amount", is(2)))
                .andExpect(jsonPath("$.urgent", is(false)));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAdministratorEditsTheSettingsOfAClass() throws Exception {
        var dept = "d" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createDepartment(new Accounts.NewDepartment(dept, "园林绿化", DepartmentKind.PROFESSIONAL, null, null));
        int v = version(ClassKind.COMPONENT, "04012");
        mvc.perform(putJson(CLASSES + "/04012?kind=COMPONENT", """
                        {"version": %d, "defaultDepartmentCode": "%s", "urgent": true,
                         "filingCriteria": "挂箱松动", "closingCriteria": "加固完毕", "duplicateRadiusMeters": 30}
                        """.formatted(v, dept)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.defaultDepartmentCode", is(dept)))
                .andExpect(jsonPath("$.urgent", is(true)))
                .andExpect(jsonPath("$.filingCriteria", is("挂箱松动")))
                .andExpect(jsonPath("$.duplicateRadiusMeters", is(30)))
                .andExpect(jsonPath("$.handleLimitSource", is("DEFAULT")));
        mvc.perform(get(CLASSES + "/04012").param("kind", "COMPONENT"))
                .andExpect(jsonPath("$.defaultDepartmentCode", is(dept)));
        mvc.perform(get(CLASSES + "/04012").param("kind", "MATTER"))
                .andExpect(jsonPath("$.urgent", is(false)));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anUnknownDepartmentIs422AndBadSettingsAre400() throws Exception {
        int v = version(ClassKind.MATTER, "09018");
        mvc.perform(putJson(CLASSES + "/09018", "{\"version\":" + v
                        + ",\"defaultDepartmentCode\":\"nowhere\",\"urgent\":false,\"duplicateRadiusMeters\":50}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field", is("defaultDepartmentCode")));
        mvc.perform(putJson(CLASSES + "/09018", "{\"version\":" + v + ",\"urgent\":false,\"duplicateRadiusMeters\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("duplicateRadiusMeters")));
        mvc.perform(putJson(CLASSES + "/09018", "{\"urgent\":false,\"duplicateRadiusMeters\":50}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("version")));
        mvc.perform(putJson(CLASSES + "/09018", "{\"version\":" + v + ",\"urgent\":false,\"duplicateRadiusMeters\":50,"
                        + "\"filingCriteria\":\"" + "长".repeat(2001) + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get(CLASSES + "/09018")).andExpect(jsonPath("$.version", is(v)));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void changingAnUnknownClassIsA404() throws Exception {
        mvc.perform(putJson(CLASSES + "/12345/handle-limit", "{\"amount\":2,\"unit\":\"WORK_DAYS\"}"))
                .andExpect(status().isNotFound());
    }
}
