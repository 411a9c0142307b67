package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.citygrid.support.DemoCases;
import org.citygrid.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** The case page's photo gallery and upload form, and its extension and merge forms. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class CasePageFormsTests {

    static final String PASSWORD = DemoCases.PASSWORD;

    @Autowired
    MockMvc mvc;

    private DemoCases demo() {
        return new DemoCases(mvc);
    }

    private long inProgress() throws Exception {
        long id = demo().report();
        demo().act(id, "operator1", "accept", "");
        demo().act(id, "shiftlead1", "file", "\"urgent\":false");
        demo().act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        demo().act(id, "h-water", "receive", "");
        return id;
    }

    private String page(long id, String user) throws Exception {
        return mvc.perform(get("/cases/" + id + "?lang=zh-CN").with(httpBasic(user, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private ResultActions pageAct(long id, String user, String action, String... params) throws Exception {
        var request = post("/cases/" + id + "/actions/" + action).with(httpBasic(user, PASSWORD)).with(csrf())
                .param("version", String.valueOf(demo().version(id)));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private ResultActions uploadFromPage(long id, String user, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/cases/" + id + "/photos")
                .file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", bytes))
                .with(httpBasic(user, PASSWORD)).with(csrf()));
    }

    private String caseJson(long id) throws Exception {
        return mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("operator1", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theHandlerUploadsAPhotoFromThePageAndSendsItWithTheFeedback() throws Exception {
        long id = inProgress();
        assertThat(page(id, "h-water")).contains("id=\"photo-form\"").contains("capture=\"environment\"")
                .contains("enctype=\"multipart/form-data\"").contains("暂无照片");
        uploadFromPage(id, "h-water", TestPhotos.jpeg(400, 300))
                .andExpect(redirectedUrl("/cases/" + id + "#case-photos"))
                .andExpect(flash().attributeExists("photoDone"));
        var photoId = JsonPath.<Integer>read(mvc.perform(get("/api/v1/cases/" + id + "/attachments")
                .with(httpBasic("h-water", PASSWORD))).andReturn().getResponse().getContentAsString(), "$[0].id");
        var html = page(id, "h-water");
        assertThat(html).contains("/api/v1/cases/" + id + "/attachments/" + photoId + "/thumbnail")
                .contains("data-photo-id=\"" + photoId + "\"").contains("h-water · ").contains("处置中")
                .contains("id=\"feedback-photo-" + photoId + "\"");
        pageAct(id, "h-water", "feedback", "note", "已更换井盖", "attachmentIds", String.valueOf(photoId))
                .andExpect(flash().attributeExists("done"));
        assertThat(demo().statusOf(id)).isEqualTo("PENDING_CHECK");
        assertThat(page(id, "operator1")).contains("data-timeline-photo=\"" + photoId + "\"");
    }

    @Test
    void aRefusedUploadFromThePageComesBackAsAMessage() throws Exception {
        long id = inProgress();
        uploadFromPage(id, "h-water", TestPhotos.gif(30, 30))
                .andExpect(redirectedUrl("/cases/" + id + "#case-photos"))
                .andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("JPEG")));
        assertThat(page(id, "leader")).doesNotContain("id=\"photo-form\"");
        uploadFromPage(id, "leader", TestPhotos.jpeg(30, 30)).andExpect(flash().attributeExists("refused"));
        uploadFromPage(id, "h-drainage", TestPhotos.jpeg(30, 30)).andExpect(status().isNotFound());
    }

    @Test
    void extensionsAreAskedForAndGrantedFromThePageWithAnAmountAndAUnit() throws Exception {
        long id = inProgress();
        assertThat(page(id, "h-water")).contains("data-action-button=\"request-extension\"")
                .contains("id=\"action-amount\"").contains("id=\"action-unit\"");
        pageAct(id, "h-water", "request-extension", "reason", "需要更换管道").andExpect(flash().attributeExists("refused"));
        pageAct(id, "h-water", "request-extension", "amount", "2", "unit", "WORK_HOURS", "reason", "需要更换管道")
                .andExpect(flash().attributeExists("done"));
        assertThat(JsonPath.<Integer>read(caseJson(id), "$.requests[0].amount")).isEqualTo(2);
        var before = JsonPath.<String>read(caseJson(id), "$.handleDeadline");
        assertThat(page(id, "dispatcher1")).contains("data-action-button=\"approve-extension\"");
        pageAct(id, "dispatcher1", "approve-extension", "amount", "", "unit", "")
                .andExpect(flash().attributeExists("done"));
        assertThat(JsonPath.<String>read(caseJson(id), "$.requests[0].decision")).isEqualTo("APPROVED");
        assertThat(JsonPath.<String>read(caseJson(id), "$.handleDeadline")).isNotEqualTo(before);
    }

    @Test
    void aDuplicateIsMergedFromThePageByPickingItsParent() throws Exception {
        long parent = demo().report();
        long duplicate = demo().report();
        var html = page(duplicate, "operator1");
        assertThat(html).contains("data-action-button=\"merge\"").contains("id=\"action-parent\"")
                .contains("value=\"" + parent + "\"");
        pageAct(duplicate, "operator1", "merge", "parentId", String.valueOf(parent))
                .andExpect(flash().attributeExists("done"));
        assertThat(demo().statusOf(duplicate)).isEqualTo("NOT_FILED");
        assertThat(JsonPath.<Integer>read(caseJson(duplicate), "$.parentId")).isEqualTo((int) parent);
    }
}
