package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.citygrid.support.DemoCases;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Every stage clock says how its deadline was computed (stages[].explanation): the calendar's own reasons (National
 * Day 2026 skipped), parked time added back and approved extensions, in the reader's language, on the API and on the
 * case page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import(DeadlineExplanationTests.Time.class)
class DeadlineExplanationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(local(2026, 9, 30, 17, 0), ZONE);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;

    static Instant local(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(ZONE).toInstant();
    }

    private String json(long id, Locale locale) throws Exception {
        return mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("dispatcher1", DemoCases.PASSWORD))
                .locale(locale)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<String> explanation(String json, String stage) {
        List<List<String>> found = JsonPath.read(json, "$.stages[?(@.stage == '" + stage + "')].explanation");
        return found.getLast();
    }

    /**
     * Dispatched, received and extended by one working day on the eve of National Day (so the extension skips the
     * holiday), then parked from 17:00 until 10:00 on the first working day after it. Class 01001 runs HANDLE in
     * natural hours in the demo catalog, so the parked continuous time (185 h) is added back.
     */
    private long handledAcrossNationalDay() throws Exception {
        clock.set(local(2026, 9, 30, 17, 0));
        var demo = new DemoCases(mvc);
        long id = demo.report();
        demo.act(id, "operator1", "accept", "");
        demo.act(id, "shiftlead1", "file", "");
        demo.act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        demo.act(id, "h-water", "receive", "");
        demo.act(id, "h-water", "request-extension", "\"amount\":1,\"unit\":\"WORK_DAYS\",\"reason\":\"需要更换井盖\"");
        demo.act(id, "dispatcher1", "approve-extension", "");
        demo.act(id, "h-water", "request-park", "\"reason\":\"等待停水许可\"");
        demo.act(id, "dispatcher1", "approve-park", "");
        clock.set(local(2026, 10, 8, 10, 0));
        demo.act(id, "dispatcher1", "resume", "");
        return id;
    }

    @Test
    void handleDeadlineSaysWhichHolidaysItSkippedAndWhatParkingAndExtensionAdded() throws Exception {
        long id = handledAcrossNationalDay();
        var lines = explanation(json(id, Locale.SIMPLIFIED_CHINESE), "HANDLE");

        assertThat(lines.getFirst()).startsWith("时限").contains("2026-09-30 17:00");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("2026-10-01..2026-10-07").contains("国庆节"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("挂账").contains("11100 分钟连续时间")
                .contains("2026-09-30 17:00").contains("2026-10-08 10:00").contains("2026-10-16 11:00"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("批准延期 1"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("记录在案"));
    }

    @Test
    void explanationsFollowTheReadersLanguageAndEveryClockHasOne() throws Exception {
        long id = handledAcrossNationalDay();
        var json = json(id, Locale.ENGLISH);

        assertThat(explanation(json, "HANDLE")).anySatisfy(l -> assertThat(l).contains("holiday skipped"))
                .anySatisfy(l -> assertThat(l).contains("parked").contains("11100 minutes of continuous time"))
                .anySatisfy(l -> assertThat(l).contains("extension of 1"));
        List<List<String>> all = JsonPath.read(json, "$.stages[*].explanation");
        assertThat(all).isNotEmpty().allSatisfy(l -> assertThat(l).isNotEmpty());
        assertThat(explanation(json, "ACCEPT").getFirst()).startsWith("limit 10");
        List<String> units = JsonPath.read(json, "$.stages[*].limitUnit");
        assertThat(units).contains("WORK_MINUTES");
    }

    @Test
    void casePageShowsTheExplanationUnderEachClock() throws Exception {
        long id = handledAcrossNationalDay();
        var html = mvc.perform(get("/cases/" + id).with(httpBasic("dispatcher1", DemoCases.PASSWORD))
                .locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("data-stage-explanation=\"HANDLE\"").contains("期限如何计算")
                .contains("国庆节").contains("11100 分钟");
    }
}
