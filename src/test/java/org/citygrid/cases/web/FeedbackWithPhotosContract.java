package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.util.List;
import java.util.Locale;

import org.citygrid.support.DemoCases;
import org.citygrid.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The feedback form's photos and the feedback are one transaction: good photos are stored and named on the
 * feedback; one bad photo refuses the whole submit and leaves no attachment record. H2 ({@code FeedbackWithPhotosTests})
 * and PostgreSQL ({@code FeedbackWithPhotosOnPostgresTests}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
abstract class FeedbackWithPhotosContract {

    @Autowired
    MockMvc mvc;

    private long inProgress(DemoCases demo) throws Exception {
        long id = demo.report();
        demo.act(id, "operator1", "accept", "");
        demo.act(id, "shiftlead1", "file", "\"urgent\":false");
        demo.act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        demo.act(id, "h-water", "receive", "");
        return id;
    }

    private List<Object> attachments(long id) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/cases/" + id + "/attachments")
                .with(httpBasic("operator1", DemoCases.PASSWORD))).andReturn().getResponse().getContentAsString(),
                "$[*]");
    }

    private static MockMultipartFile photo(String name, byte[] bytes) {
        return new MockMultipartFile("photos", name, "application/octet-stream", bytes);
    }

    @Test
    void photosSentWithTheFeedbackAreStoredAndNamedOnIt() throws Exception {
        var demo = new DemoCases(mvc);
        long id = inProgress(demo);
        mvc.perform(multipart("/cases/" + id + "/actions/feedback")
                .file(photo("a.jpg", TestPhotos.jpeg(320, 240))).file(photo("b.png", TestPhotos.png(320, 240)))
                .param("version", String.valueOf(demo.version(id))).param("note", "已修复")
                .with(httpBasic("h-water", DemoCases.PASSWORD)).with(csrf()))
                .andExpect(flash().attributeExists("done"));

        assertThat(demo.statusOf(id)).isEqualTo("PENDING_CHECK");
        assertThat(attachments(id)).hasSize(2);
    }

    @Test
    void oneBadPhotoRefusesTheFeedbackAndLeavesNoAttachmentBehind() throws Exception {
        var demo = new DemoCases(mvc);
        long id = inProgress(demo);
        mvc.perform(multipart("/cases/" + id + "/actions/feedback")
                .file(photo("a.jpg", TestPhotos.jpeg(320, 240))).file(photo("坏.gif", TestPhotos.gif(10, 10)))
                .param("version", String.valueOf(demo.version(id))).param("note", "已修复")
                .with(httpBasic("h-water", DemoCases.PASSWORD)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("坏.gif")));

        assertThat(demo.statusOf(id)).isEqualTo("IN_PROGRESS");
        assertThat(attachments(id)).isEmpty();
    }

    @Test
    void aRefusedFeedbackDropsItsPhotosToo() throws Exception {
        var demo = new DemoCases(mvc);
        long id = inProgress(demo);
        mvc.perform(multipart("/cases/" + id + "/actions/feedback")
                .file(photo("a.jpg", TestPhotos.jpeg(320, 240)))
                .param("version", String.valueOf(demo.version(id) - 1)).param("note", "已修复")
                .with(httpBasic("h-water", DemoCases.PASSWORD)).with(csrf()))
                .andExpect(flash().attributeExists("refused"));

        assertThat(demo.statusOf(id)).isEqualTo("IN_PROGRESS");
        assertThat(attachments(id)).isEmpty();
    }
}
