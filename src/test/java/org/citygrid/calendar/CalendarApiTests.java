package org.citygrid.calendar;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The calendar's HTTP API: deadlines for any signed-in user, years read by anyone and replaced by administrators. */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarApiTests {

    private static final String DEADLINE = "/api/v1/calendar/deadline";

    @Autowired
    MockMvc mvc;

    private static String document(int year, String days) {
        return "{\"year\":" + year + ",\"papers\":[],\"days\":[" + days + "]}";
    }

    @Test
    @WithMockUser(roles = "DEPT_HANDLER")
    void computesADeadlineAcrossNationalDayWithItsExplanationInEnglish() throws Exception {
        mvc.perform(get(DEADLINE).param("start", "2026-09-30T17:00:00+08:00").param("amount", "3")
                        .param("unit", "WORK_DAYS").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.start").value("2026-09-30T17:00:00+08:00"))
                .andExpect(jsonPath("$.amount").value(3))
                .andExpect(jsonPath("$.unit").value("WORK_DAYS"))
                .andExpect(jsonPath("$.deadline").value("2026-10-10T18:00:00+08:00"))
                .andExpect(jsonPath("$.explanation").value(contains(
                        "the start date 2026-09-30 itself is not counted",
                        "2026-10-01..2026-10-07 National Day holiday skipped",
                        "2026-10-10 make-up workday (National Day) counted",
                        "working day 3 is 2026-10-10; the deadline is the close of its last window, 18:00")));
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/calendar/deadline'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/calendar/years/{year}'].put").exists());
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void explainsInChineseByDefaultAndGivesTimesWithTheBeijingOffset() throws Exception {
        mvc.perform(get(DEADLINE).param("start", "2026-11-27T11:00:00Z").param("amount", "30")
                        .param("unit", "WORK_MINUTES"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.start").value("2026-11-27T19:00:00+08:00"))
                .andExpect(jsonPath("$.deadline").value("2026-11-30T08:30:00+08:00"))
                .andExpect(jsonPath("$.explanation").value(hasItems("起始时间不在工作时段内：自 2026-11-30 08:00 开始计时",
                        "跳过周末 2 天")));
    }

    @Test
    @WithMockUser
    void acceptsAnOffsetWhosePlusArrivedAsASpace() throws Exception {
        mvc.perform(get(DEADLINE).param("start", "2026-09-28T10:00:00 08:00").param("amount", "3")
                        .param("unit", "NATURAL_DAYS"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value("2026-10-09T00:00:00+08:00"));
    }

    @Test
    @WithMockUser
    void namesTheParameterThatIsWrong() throws Exception {
        mvc.perform(get(DEADLINE).param("start", "yesterday").param("amount", "3").param("unit", "WORK_DAYS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("start"));
        mvc.perform(get(DEADLINE).param("start", "2026-09-30T17:00:00+08:00").param("amount", "three")
                        .param("unit", "WORK_DAYS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        mvc.perform(get(DEADLINE).param("start", "2026-09-30T17:00:00+08:00").param("amount", "-1")
                        .param("unit", "WORK_DAYS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        mvc.perform(get(DEADLINE).param("start", "2026-09-30T17:00:00+08:00").param("amount", "3")
                        .param("unit", "FORTNIGHTS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
        mvc.perform(get(DEADLINE).param("start", "2026-09-30T17:00:00+08:00").param("amount", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
    }

    @Test
    void requiresSignIn() throws Exception {
        mvc.perform(get(DEADLINE).param("start", "2026-09-30T17:00:00+08:00").param("amount", "3")
                        .param("unit", "WORK_DAYS"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/calendar/years/2026")).andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void anyoneSignedInReadsAYearsListedDays() throws Exception {
        mvc.perform(get("/api/v1/calendar/years/2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.offDays").value(33))
                .andExpect(jsonPath("$.makeUpDays").value(6))
                .andExpect(jsonPath("$.source").value("BUNDLED"))
                .andExpect(jsonPath("$.days[?(@.date == '2026-10-10')].isOffDay").value(contains(false)))
                .andExpect(jsonPath("$.days[?(@.date == '2026-10-01')].name").value(contains("国庆节")));
        mvc.perform(get("/api/v1/calendar/years/2040")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/calendar/years/12026")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    @Test
    @WithMockUser(roles = "DISPATCHER")
    void onlyAnAdministratorReplacesAYear() throws Exception {
        mvc.perform(put("/api/v1/calendar/years/2036").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(document(2036, "{\"name\":\"元旦\",\"date\":\"2036-01-01\",\"isOffDay\":true}")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/calendar/years/2036")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAdministratorReplacesAYearAndTheNextDeadlineFollowsIt() throws Exception {
        mvc.perform(get(DEADLINE).param("start", "2037-09-30T17:00:00+08:00").param("amount", "1")
                        .param("unit", "WORK_DAYS"))
                .andExpect(jsonPath("$.deadline").value("2037-10-01T18:00:00+08:00"));

        mvc.perform(put("/api/v1/calendar/years/2037").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(document(2037, """
                                {"name":"国庆节","date":"2037-10-01","isOffDay":true},
                                {"name":"国庆节","date":"2037-10-02","isOffDay":true},
                                {"name":"国庆节","date":"2037-10-10","isOffDay":false}""")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2037))
                .andExpect(jsonPath("$.offDays").value(2))
                .andExpect(jsonPath("$.makeUpDays").value(1));

        mvc.perform(get(DEADLINE).param("start", "2037-09-30T17:00:00+08:00").param("amount", "1")
                        .param("unit", "WORK_DAYS"))
                .andExpect(jsonPath("$.deadline").value("2037-10-05T18:00:00+08:00"));
        mvc.perform(get("/api/v1/calendar/years/2037"))
                .andExpect(jsonPath("$.source").value("UPLOADED"))
                .andExpect(jsonPath("$.days[*].date").value(contains("2037-10-01", "2037-10-02", "2037-10-10")));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void rejectsADocumentThatIsNotForThatYearOrNotHolidayCnShapedAndSavesNothing() throws Exception {
        expectInvalid(document(2039, "{\"name\":\"元旦\",\"date\":\"2039-01-01\",\"isOffDay\":true}"), "year")
                .andExpect(jsonPath("$.detail").value("The document is for year 2039 but the address says 2038."));
        expectInvalid(document(2038, "{\"name\":\"国庆节\",\"date\":\"2039-06-01\",\"isOffDay\":true}"),
                "days[0].date");
        expectInvalid(document(2038, """
                {"name":"国庆节","date":"2038-10-01","isOffDay":true},
                {"name":"国庆节","date":"2038-10-01","isOffDay":false}"""), "days[1].date");
        expectInvalid(document(2038, "{\"name\":\"国庆节\",\"date\":\"2038-10-01\",\"isOffDay\":\"yes\"}"),
                "days[0].isOffDay");
        expectInvalid(document(2038, "{\"name\":\"国庆节\",\"date\":\"2038-13-01\",\"isOffDay\":true}"),
                "days[0].date");
        expectInvalid("{\"year\":2038,\"papers\":[]}", "days");
        expectInvalid("[1,2,3]", null).andExpect(jsonPath("$.detail").value(startsWith("The body must be")));

        mvc.perform(get("/api/v1/calendar/years/2038")).andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.ResultActions expectInvalid(String body, String field)
            throws Exception {
        var result = mvc.perform(put("/api/v1/calendar/years/2038").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(not(startsWith("calendar."))));
        if (field != null) {
            result.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
        }
        return result;
    }
}
