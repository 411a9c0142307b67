package org.citygrid.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Attachments;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.geo.Locator;
import org.citygrid.org.Role;
import org.citygrid.support.MutableClock;
import org.citygrid.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The public portal over HTTP on H2 and PostgreSQL (the two subclasses): issue 5's acceptance for the portal — a
 * report reaches the operator's queue and is followed to closure by its tracking code; floods, oversized and fake
 * photos, scripts and SQL leave nothing behind but a clear 4xx.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import(PortalTestClock.class)
abstract class PortalContract {

    static final String PASSWORD = "Demo@2026";
    static final double LON = 116.4039;
    static final double LAT = 39.9151;
    static final String MANHOLE = "COMPONENT:01001";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Pattern STAMP = Pattern.compile("name=\"stamp\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("/public/track/([A-Z0-9]{10})");

    static final Actor OPERATOR = Actor.of("operator1", null, Role.OPERATOR);
    static final Actor SHIFT_LEAD = Actor.of("shiftlead1", null, Role.SHIFT_LEAD);
    static final Actor DISPATCHER = Actor.of("dispatcher1", null, Role.DISPATCHER);
    static final Actor WATER = Actor.of("h-water", "water", Role.DEPT_HANDLER);

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    Cases cases;
    @Autowired
    Attachments attachments;
    @Autowired
    Locator locator;
    @Autowired
    PortalStore store;
    @Autowired
    JdbcClient jdbc;

    /** Each test is its own client address, so that one test's flood does not throttle another. */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String newAddress() {
        return "10.5." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.incrementAndGet() % 250 + 1);
    }

    /** A fresh form's stamp, with the minimum fill time gone by. */
    String stamp(String address) throws Exception {
        var page = mvc.perform(get("/public/report").with(from(address))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var m = STAMP.matcher(page);
        assertThat(m.find()).isTrue();
        clock.advance(Duration.ofSeconds(5));
        return m.group(1);
    }

    Map<String, String> fields(String address) throws Exception {
        var f = new LinkedHashMap<String, String>();
        f.put("classRef", MANHOLE);
        f.put("lon", Double.toString(LON));
        f.put("lat", Double.toString(LAT));
        f.put("description", "人行道井盖破损");
        f.put("address", "东长安街");
        f.put("name", "张三");
        f.put("phone", "138 0013 " + (1000 + ADDRESSES.incrementAndGet() % 9000));
        f.put("website", "");
        f.put("stamp", stamp(address));
        return f;
    }

    MockMultipartHttpServletRequestBuilder form(String address, Map<String, String> fields, MockMultipartFile... files) {
        var b = multipart("/public/report");
        for (var file : files) {
            b.file(file);
        }
        fields.forEach((k, v) -> b.param(k, v));
        b.with(from(address)).with(csrf());
        return b;
    }

    static MockMultipartFile jpeg(String name) {
        return new MockMultipartFile("photos", name, "image/jpeg", TestPhotos.jpeg(64, 48));
    }

    /** Reports through the form; the tracking code from the redirect. */
    String report(String address, Map<String, String> fields, MockMultipartFile... files) throws Exception {
        var location = mvc.perform(form(address, fields, files)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        var m = CODE.matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return m.group(1);
    }

    long caseOf(String code) {
        return store.tracking(code).orElseThrow().caseId();
    }

    long portalCases() {
        return jdbc.sql("SELECT COUNT(*) FROM case_file WHERE channel = 'PORTAL'").query(Long.class).single();
    }

    long trackingCodes() {
        return jdbc.sql("SELECT COUNT(*) FROM portal_tracking").query(Long.class).single();
    }

    long attachmentsStored() {
        return jdbc.sql("SELECT COUNT(*) FROM case_attachment").query(Long.class).single();
    }

    String trackPage(String code) throws Exception {
        return mvc.perform(get("/public/track/" + code).with(from(newAddress()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aPortalReportReachesTheOperatorsQueueAndIsFollowedByItsCodeToClosure() throws Exception {
        var address = newAddress();
        var code = report(address, fields(address), jpeg("井盖.jpg"));
        long id = caseOf(code);

        var c = cases.get(id, OPERATOR);
        assertThat(c.channel()).isEqualTo(Channel.PORTAL);
        assertThat(c.classCode()).isEqualTo("01001");
        assertThat(c.gridCode()).isEqualTo(locator.locate(LON, LAT).orElseThrow().gridCode());
        assertThat(c.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(attachments.list(id, OPERATOR)).hasSize(1);
        var queue = mvc.perform(get("/api/v1/cases").param("channel", "PORTAL").param("status", "REPORTED")
                        .param("size", "500").with(httpBasic("operator1", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<Integer>>read(queue, "$.items[?(@.caseNo == '" + c.caseNo() + "')].id"))
                .containsExactly((int) id);

        var page = trackPage(code);
        assertThat(page).contains(TrackingCodes.display(code)).contains("已收到，待受理");

        c = cases.act(id, CaseAction.ACCEPT, c.version(), ActionInput.NONE, OPERATOR);
        c = cases.act(id, CaseAction.FILE, c.version(), ActionInput.NONE, SHIFT_LEAD);
        c = cases.act(id, CaseAction.DISPATCH, c.version(), ActionInput.NONE.withDepartment("water"), DISPATCHER);
        c = cases.act(id, CaseAction.RECEIVE, c.version(), ActionInput.NONE, WATER);
        c = cases.act(id, CaseAction.FEEDBACK, c.version(), new ActionInput("内部备注：已更换井盖", null, null, null,
                null, "夜间作业，无法拍照", null, null, null, null), WATER);
        c = cases.act(id, CaseAction.SEND_CHECK, c.version(), ActionInput.NONE, OPERATOR);
        var checker = Actor.of(c.checker(), null, Role.SUPERVISOR);
        c = cases.act(id, CaseAction.CHECK, c.version(), ActionInput.NONE.withPassed(true), checker);
        c = cases.act(id, CaseAction.CLOSE, c.version(), ActionInput.NONE, SHIFT_LEAD);
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);

        page = trackPage(code);
        assertThat(page).contains("已办结").contains("data-action=\"dispatch\"").contains("data-action=\"close\"")
                .contains("id=\"rating-form\"");
        assertThat(page).as("no staff, no reporter data, no notes")
                .doesNotContain("operator1", "shiftlead1", "dispatcher1", "h-water", c.checker(), "张三", "0013",
                        "内部备注", "夜间作业", "人行道井盖破损", "东长安街", c.caseNo());

        var json = mvc.perform(get("/api/v1/public/track/" + code.toLowerCase()).with(from(newAddress())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(json, "$.status")).isEqualTo("closed");
        assertThat(JsonPath.<Boolean>read(json, "$.mayRate")).isTrue();
        assertThat(json).doesNotContain("operator1", "张三", "内部备注");

        mvc.perform(post("/public/track/" + code + "/rating").param("rating", "BASICALLY_SATISFIED")
                        .param("comment", "修得挺快").with(from(address)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(store.rating(code).orElseThrow().rating()).isEqualTo(PortalStore.Satisfaction.BASICALLY_SATISFIED);
        mvc.perform(post("/public/track/" + code + "/rating").param("rating", "DISSATISFIED")
                        .with(from(address)).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(store.rating(code).orElseThrow().rating()).as("rated once").isEqualTo(
                PortalStore.Satisfaction.BASICALLY_SATISFIED);
        assertThat(trackPage(code)).contains("基本满意").doesNotContain("id=\"rating-form\"");
    }

    @Test
    void anOpenReportCannotBeRatedAndAnUnknownCodeIsNotFound() throws Exception {
        var address = newAddress();
        var code = report(address, fields(address));
        mvc.perform(post("/public/track/" + code + "/rating").param("rating", "SATISFIED").with(from(address))
                .with(csrf())).andExpect(status().isConflict());
        assertThat(store.rating(code)).isEmpty();
        mvc.perform(get("/public/track/ZZZZZZZZZZ").with(from(address))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/track/ZZZZZZZZZZ").with(from(address))).andExpect(status().isNotFound());
        mvc.perform(get("/public/track").param("code", "' OR 1=1 --").with(from(address)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aThousandJunkPostsFromOneAddressAreThrottled() throws Exception {
        var address = newAddress();
        long before = portalCases();
        int throttled = 0;
        String retryAfter = null;
        for (int i = 0; i < 1000; i++) {
            var response = mvc.perform(post("/public/report").param("description", "junk " + i)
                    .with(from(address))).andReturn().getResponse();
            assertThat(response.getStatus()).isIn(403, 429);
            if (response.getStatus() == 429) {
                throttled++;
                retryAfter = response.getHeader("Retry-After");
            }
        }
        assertThat(throttled).isGreaterThanOrEqualTo(990);
        assertThat(Long.parseLong(retryAfter)).isPositive();
        assertThat(portalCases()).isEqualTo(before);
        var api = mvc.perform(get("/api/v1/public/map").with(from(address)));
        api.andExpect(status().isOk()); // reads have their own bucket
        var other = newAddress();
        mvc.perform(get("/public/report").with(from(other))).andExpect(status().isOk());
    }

    @Test
    void aReadFloodIsThrottledWithAProblemOnTheApi() throws Exception {
        var address = newAddress();
        int throttled = 0;
        for (int i = 0; i < 300; i++) {
            var response = mvc.perform(get("/api/v1/public/track/ABCDEFGHJK").with(from(address)))
                    .andReturn().getResponse();
            if (response.getStatus() == 429) {
                throttled++;
                assertThat(response.getContentType()).startsWith("application/problem+json");
                assertThat(response.getHeader("Retry-After")).isNotBlank();
            } else {
                assertThat(response.getStatus()).isEqualTo(404);
            }
        }
        assertThat(throttled).isGreaterThan(100);
    }

    @Test
    void reportsPerContactPhoneAreLimited() throws Exception {
        var phone = "139 0000 " + (1000 + ADDRESSES.incrementAndGet());
        int created = 0;
        for (int i = 0; i < 7; i++) {
            var address = newAddress();
            var f = fields(address);
            f.put("phone", phone);
            var response = mvc.perform(form(address, f)).andReturn().getResponse();
            if (response.getStatus() == 429) {
                assertThat(response.getHeader("Retry-After")).isNotBlank();
            } else {
                assertThat(response.getStatus()).isEqualTo(302);
                created++;
            }
        }
        assertThat(created).isEqualTo(5);
    }

    @Test
    void aFiftyMegabyteUploadIsRefusedWith413AndLeavesNoTrace() throws Exception {
        var address = newAddress();
        long cases = portalCases();
        long codes = trackingCodes();
        var big = new byte[50 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        mvc.perform(form(address, fields(address), new MockMultipartFile("photos", "big.jpg", "image/jpeg", big)))
                .andExpect(status().isPayloadTooLarge());
        assertThat(portalCases()).isEqualTo(cases);
        assertThat(trackingCodes()).isEqualTo(codes);
    }

    @Test
    void anHtmlFileRenamedJpgIsRefusedAndLeavesNoTrace() throws Exception {
        var address = newAddress();
        long cases = portalCases();
        long codes = trackingCodes();
        long photos = attachmentsStored();
        var html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        var page = mvc.perform(form(address, fields(address), jpeg("ok.jpg"),
                        new MockMultipartFile("photos", "cat.jpg", "image/jpeg", html)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"portal-error\"").doesNotContain("<script>alert(1)");
        assertThat(portalCases()).isEqualTo(cases);
        assertThat(trackingCodes()).isEqualTo(codes);
        assertThat(attachmentsStored()).isEqualTo(photos);
        mvc.perform(form(address, fields(address), new MockMultipartFile("photos", "x.html", "text/html", html)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(form(address, fields(address), jpeg("1.jpg"), jpeg("2.jpg"), jpeg("3.jpg"), jpeg("4.jpg")))
                .andExpect(status().isUnprocessableContent());
        assertThat(portalCases()).isEqualTo(cases);
    }

    @Test
    void aScriptInTheDescriptionIsStoredAsTextAndShownEscapedEverywhere() throws Exception {
        var address = newAddress();
        var f = fields(address);
        var script = "<script>alert('x')</script>井盖";
        f.put("description", script);
        f.put("name", "<img src=x onerror=alert(1)>");
        var code = report(address, f);
        long id = caseOf(code);
        assertThat(cases.get(id, OPERATOR).description()).isEqualTo(script);

        assertThat(trackPage(code)).doesNotContain("<script>alert", "<img src=x");
        var casePage = mvc.perform(get("/cases/" + id).with(httpBasic("operator1", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(casePage).contains("&lt;script&gt;alert(").doesNotContain("<script>alert", "<img src=x");
        clock.advance(Duration.ofMinutes(2));
        var map = mvc.perform(get("/api/v1/public/map").with(from(newAddress()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(map).doesNotContain("<script", "alert", "<img");
    }

    @Test
    void sqlInEveryFieldLeavesNoTraceButAClear4xx() throws Exception {
        var address = newAddress();
        long cases = portalCases();
        long codes = trackingCodes();
        var sql = "1'); DROP TABLE case_file; --";
        var f = new LinkedHashMap<String, String>();
        for (var name : new String[] {"classRef", "lon", "lat", "description", "address", "name", "phone",
                "joinCaseId"}) {
            f.put(name, sql);
        }
        f.put("stamp", stamp(address));
        mvc.perform(form(address, f)).andExpect(status().isUnprocessableContent());
        // one bad field at a time, the others valid
        for (var name : new String[] {"classRef", "lon", "lat", "phone", "joinCaseId"}) {
            var one = fields(address);
            one.put(name, sql);
            mvc.perform(form(address, one)).andExpect(status().is4xxClientError());
            clock.advance(Duration.ofMinutes(1)); // the write bucket refills
        }
        f.put("stamp", sql);
        mvc.perform(form(address, f)).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/public/nearby").param("classRef", sql).param("lon", sql).param("lat", sql)
                .with(from(address))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/public/track/" + sql).with(from(address))).andExpect(status().is4xxClientError());
        assertThat(portalCases()).isEqualTo(cases);
        assertThat(trackingCodes()).isEqualTo(codes);
    }

    @Test
    void theHoneypotAndAFormSentTooFastAreRefused() throws Exception {
        var address = newAddress();
        long cases = portalCases();
        var f = fields(address);
        f.put("website", "http://spam.example");
        mvc.perform(form(address, f)).andExpect(status().isBadRequest());
        var fast = fields(address);
        var page = mvc.perform(get("/public/report").with(from(address))).andReturn().getResponse()
                .getContentAsString();
        var m = STAMP.matcher(page);
        assertThat(m.find()).isTrue();
        fast.put("stamp", m.group(1));
        mvc.perform(form(address, fast)).andExpect(status().isUnprocessableContent());
        f = fields(address);
        f.remove("stamp");
        mvc.perform(form(address, f)).andExpect(status().isUnprocessableContent());
        mvc.perform(multipart("/public/report").params(new org.springframework.util.LinkedMultiValueMap<>())
                .with(from(address))).andExpect(status().isForbidden()); // CSRF stays on
        assertThat(portalCases()).isEqualTo(cases);
    }

    @Test
    void aSecondReporterSeesTheDuplicateAndAddsTheirPhotoToIt() throws Exception {
        var address = newAddress();
        var original = fields(address);
        original.put("lon", "116.40390");
        original.put("lat", "39.91710");
        var first = report(address, original);
        long id = caseOf(first);
        clock.advance(Duration.ofMinutes(20));
        var hint = mvc.perform(get("/public/nearby").param("classRef", MANHOLE).param("lon", "116.40392")
                        .param("lat", "39.91712").with(from(address)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(hint).contains("value=\"" + id + "\"").contains("分钟前");

        long cases = portalCases();
        long photos = attachments.list(id, OPERATOR).size();
        var f = fields(address);
        f.put("lon", "116.40392");
        f.put("lat", "39.91712");
        f.put("joinCaseId", Long.toString(id));
        mvc.perform(form(address, f)).andExpect(status().isUnprocessableContent()); // a photo is needed
        f = fields(address);
        f.put("lon", "116.40392");
        f.put("lat", "39.91712");
        f.put("joinCaseId", Long.toString(id));
        var second = report(address, f, jpeg("mine.jpg"));
        assertThat(second).isNotEqualTo(first);
        assertThat(caseOf(second)).isEqualTo(id);
        assertThat(portalCases()).isEqualTo(cases);
        assertThat(attachments.list(id, OPERATOR)).hasSize((int) photos + 1);
        assertThat(trackPage(second)).contains("已收到，待受理");

        var far = fields(address);
        far.put("joinCaseId", Long.toString(id)); // about 220 m from the default point: not a candidate there
        mvc.perform(form(address, far, jpeg("x.jpg"))).andExpect(status().isUnprocessableContent());
    }

    @Test
    void aMergedReportIsFollowedThroughTheCaseItWasMergedInto() throws Exception {
        var address = newAddress();
        var parentCode = report(address, fields(address));
        var childCode = report(address, fields(address));
        long parent = caseOf(parentCode);
        long child = caseOf(childCode);
        var c = cases.get(child, OPERATOR);
        cases.act(child, CaseAction.MERGE, c.version(), ActionInput.NONE.withParent(parent), OPERATOR);
        var p = cases.get(parent, OPERATOR);
        cases.act(parent, CaseAction.ACCEPT, p.version(), ActionInput.NONE, OPERATOR);
        var page = trackPage(childCode);
        assertThat(page).contains("id=\"track-merged\"").contains("已受理").doesNotContain("id=\"rating-form\"");
    }

    @Test
    void thePublicMapShowsOpenAndRecentlyClosedProblemsAtCoarsePositionsOnly() throws Exception {
        var address = newAddress();
        var f = fields(address);
        f.put("lon", "116.40391");
        f.put("lat", "39.91517");
        var code = report(address, f);
        clock.advance(Duration.ofMinutes(2));
        var map = mvc.perform(get("/api/v1/public/map").with(from(newAddress()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<Object>>read(map,
                "$.features[?(@.geometry.coordinates[0] == 116.4035 && @.geometry.coordinates[1] == 39.9155)]"))
                .isNotEmpty();
        assertThat(map).doesNotContain("116.40391", "39.91517", "张三", "人行道井盖破损", code);
        assertThat(JsonPath.<java.util.List<String>>read(map, "$.features[*].properties.status"))
                .isSubsetOf("open", "closed");
        mvc.perform(get("/public/map").with(from(address))).andExpect(status().isOk());
    }

    @Test
    void thePagesArePublicAndSpeakChineseByDefaultAndEnglishOnRequest() throws Exception {
        var address = newAddress();
        var zh = mvc.perform(get("/public/report").with(from(address))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("反映城市管理问题").contains("name=\"website\"").contains("name=\"_csrf\"");
        var en = mvc.perform(get("/public/report").param("lang", "en").with(from(address)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Report a problem in the city");
        mvc.perform(get("/public/track").with(from(address))).andExpect(status().isOk());
        mvc.perform(get("/public").with(from(address))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/cases/1").with(from(address))).andExpect(status().is3xxRedirection()); // staff pages stay closed
    }
}
