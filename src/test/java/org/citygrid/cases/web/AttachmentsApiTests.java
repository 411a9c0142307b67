package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.citygrid.platform.storage.FileStore;
import org.citygrid.platform.storage.StorageProperties;
import org.citygrid.support.DemoCases;
import org.citygrid.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** Photos of cases over the API: checked by content, stored once, read with the case's visibility, used as proof. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class AttachmentsApiTests {

    static final String PASSWORD = DemoCases.PASSWORD;

    @Autowired
    MockMvc mvc;
    @Autowired
    FileStore store;
    @Autowired
    StorageProperties storage;

    private DemoCases demo() {
        return new DemoCases(mvc);
    }

    /** A case dispatched to the water company (h-water), not yet received. */
    private long dispatched() throws Exception {
        long id = demo().report();
        demo().act(id, "operator1", "accept", "");
        demo().act(id, "shiftlead1", "file", "\"urgent\":false");
        demo().act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        return id;
    }

    private long inProgress() throws Exception {
        long id = dispatched();
        demo().act(id, "h-water", "receive", "");
        return id;
    }

    private ResultActions upload(long id, String user, byte[] bytes, String name, String declaredType)
            throws Exception {
        return mvc.perform(multipart("/api/v1/cases/" + id + "/attachments")
                .file(new MockMultipartFile("file", name, declaredType, bytes))
                .with(httpBasic(user, PASSWORD)).locale(Locale.SIMPLIFIED_CHINESE));
    }

    private long uploaded(long id, String user, byte[] bytes) throws Exception {
        var body = upload(id, user, bytes, "photo.png", "image/png").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private ResultActions act(long id, String user, String action, String fields) throws Exception {
        var body = "{\"version\":" + demo().version(id) + (fields.isEmpty() ? "" : "," + fields) + "}";
        return mvc.perform(post("/api/v1/cases/" + id + "/actions/" + action).with(httpBasic(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body).locale(Locale.SIMPLIFIED_CHINESE));
    }

    private long storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(storage.directory())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void theAssignedHandlerUploadsAPhotoAndGetsItsIdHashTypeAndSize() throws Exception {
        long id = inProgress();
        var png = TestPhotos.png(640, 480);
        upload(id, "h-water", png, "现场.png", "image/png")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/cases/" + id + "/attachments/")))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.sha256").value(TestPhotos.sha256(png)))
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.size").value(png.length))
                .andExpect(jsonPath("$.width").value(640))
                .andExpect(jsonPath("$.uploadedBy").value("h-water"))
                .andExpect(jsonPath("$.caseStatus").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.fileName").value("现场.png"));
    }

    @Test
    void theTypeComesFromTheBytesNotFromTheDeclaredTypeOrTheName() throws Exception {
        long id = inProgress();
        upload(id, "h-water", TestPhotos.png(40, 30), "../../etc/evil photo.jpg", "image/jpeg")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.fileName").value("evil_photo.png"));
        upload(id, "h-water", TestPhotos.webpLossy(), "x.png", "application/octet-stream")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/webp"));
        upload(id, "h-water", TestPhotos.gif(40, 30), "x.jpg", "image/jpeg")
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void otherFilesAreRefusedNamingTheTypesAccepted() throws Exception {
        long id = inProgress();
        for (var bytes : List.of(TestPhotos.gif(40, 30), TestPhotos.pdf(), "not a photo".getBytes())) {
            upload(id, "h-water", bytes, "x.jpg", "image/jpeg")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("file"))
                    .andExpect(jsonPath("$.detail", containsString("JPEG、PNG 或 WebP")));
        }
        upload(id, "h-water", TestPhotos.jpegHeaderOnGarbage(), "x.jpg", "image/jpeg")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("无法解码")));
        mvc.perform(multipart("/api/v1/cases/" + id + "/attachments").with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(get("/api/v1/cases/" + id + "/attachments").with(httpBasic("h-water", PASSWORD)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void theSamePhotoUploadedTwiceIsStoredOnce() throws Exception {
        long id = inProgress();
        var jpeg = TestPhotos.jpeg(300, 200);
        long before = storedFiles();
        long first = uploaded(id, "h-water", jpeg);
        long afterFirst = storedFiles();
        long second = uploaded(id, "operator1", jpeg);
        assertThat(second).isNotEqualTo(first);
        assertThat(afterFirst - before).isEqualTo(2); // the photo and its thumbnail
        assertThat(storedFiles()).isEqualTo(afterFirst);
        assertThat(store.exists(TestPhotos.sha256(jpeg))).isTrue();
    }

    @Test
    void aPhotoIsServedInlineWithItsTypeNotSniffedAndCachedPrivately() throws Exception {
        long id = inProgress();
        var webp = TestPhotos.webpLossless();
        long aid = uploaded(id, "h-water", webp);
        var response = mvc.perform(get("/api/v1/cases/" + id + "/attachments/" + aid)
                        .with(httpBasic("dispatcher1", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/webp"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", containsString("private")))
                .andExpect(header().string("Content-Disposition", startsWith("inline;")))
                .andExpect(header().string("Content-Disposition", containsString("photo.webp")))
                .andReturn().getResponse();
        assertThat(response.getContentAsByteArray()).isEqualTo(webp);
        var thumb = mvc.perform(get("/api/v1/cases/" + id + "/attachments/" + aid + "/thumbnail")
                        .with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"))
                .andReturn().getResponse().getContentAsByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(thumb));
        assertThat(image.getWidth()).isEqualTo(64);
    }

    @Test
    void photosFollowTheCasesVisibility() throws Exception {
        long id = inProgress();
        long aid = uploaded(id, "h-water", TestPhotos.png(50, 50));
        long other = inProgress();
        mvc.perform(get("/api/v1/cases/" + id + "/attachments").with(httpBasic("h-drainage", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/" + id + "/attachments/" + aid).with(httpBasic("h-drainage", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/" + other + "/attachments/" + aid).with(httpBasic("operator1", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/" + id + "/attachments").with(httpBasic("leader", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(aid))
                .andExpect(jsonPath("$[0].thumbnailUrl").value("/api/v1/cases/" + id + "/attachments/" + aid
                        + "/thumbnail"));
        upload(id, "h-drainage", TestPhotos.png(50, 50), "x.png", "image/png").andExpect(status().isNotFound());
    }

    @Test
    void onlyThoseTakingPartInTheCaseNowMayUpload() throws Exception {
        long id = demo().report();
        upload(id, "supervisor1", TestPhotos.png(50, 50), "x.png", "image/png").andExpect(status().isCreated());
        upload(id, "leader", TestPhotos.png(50, 50), "x.png", "image/png").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("不能上传照片")));
        demo().act(id, "operator1", "accept", "");
        upload(id, "supervisor1", TestPhotos.png(50, 50), "x.png", "image/png").andExpect(status().isForbidden());
        upload(id, "shiftlead1", TestPhotos.png(50, 50), "x.png", "image/png").andExpect(status().isCreated());
        demo().act(id, "shiftlead1", "file", "\"urgent\":false");
        upload(id, "h-water", TestPhotos.png(50, 50), "x.png", "image/png").andExpect(status().isNotFound());
        demo().act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        upload(id, "h-water", TestPhotos.png(50, 50), "x.png", "image/png").andExpect(status().isCreated());
        demo().act(id, "h-water", "receive", "");
        demo().act(id, "h-water", "feedback", "\"note\":\"已更换\",\"reason\":\"相机故障\"");
        upload(id, "h-water", TestPhotos.png(50, 50), "x.png", "image/png").andExpect(status().isForbidden());
    }

    @Test
    void feedbackWithTheDepartmentsOwnPhotoNeedsNoReasonAndShowsThePhotoOnTheTimeline() throws Exception {
        long id = inProgress();
        long aid = uploaded(id, "h-water", TestPhotos.jpeg(120, 90));
        act(id, "h-water", "feedback", "\"note\":\"已更换井盖\",\"attachmentIds\":[" + aid + "]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_CHECK"))
                .andExpect(jsonPath("$.timeline[-1].attachmentIds[0]").value(aid));
    }

    @Test
    void feedbackWithoutPhotoOrReasonIsRefusedNamingBothFields() throws Exception {
        long id = inProgress();
        act(id, "h-water", "feedback", "\"note\":\"已处理\"")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[1].field").value("attachmentIds"));
        assertThat(demo().statusOf(id)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aPhotoSomeoneElseTookIsNoProofOfTheDepartmentsWork() throws Exception {
        long id = inProgress();
        long byOperator = uploaded(id, "operator1", TestPhotos.jpeg(120, 90));
        act(id, "h-water", "feedback", "\"note\":\"已处理\",\"attachmentIds\":[" + byOperator + "]")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[1].field").value("attachmentIds"));
        act(id, "h-water", "feedback", "\"note\":\"已处理\",\"reason\":\"照片由坐席补充\",\"attachmentIds\":["
                + byOperator + "]").andExpect(status().isOk());
    }

    @Test
    void aPhotoTakenBeforeTheLatestDispatchIsNoProof() throws Exception {
        long id = inProgress();
        long early = uploaded(id, "h-water", TestPhotos.jpeg(120, 90));
        demo().act(id, "h-water", "request-return", "\"reason\":\"不属本单位\"");
        demo().act(id, "dispatcher1", "approve-return", "");
        demo().act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        demo().act(id, "h-water", "receive", "");
        act(id, "h-water", "feedback", "\"note\":\"已处理\",\"attachmentIds\":[" + early + "]")
                .andExpect(status().isUnprocessableContent());
        long fresh = uploaded(id, "h-water", TestPhotos.jpeg(121, 90));
        act(id, "h-water", "feedback", "\"note\":\"已处理\",\"attachmentIds\":[" + early + "," + fresh + "]")
                .andExpect(status().isOk());
    }

    @Test
    void aPhotoOfAnotherCaseIsRefusedAndChangesNothing() throws Exception {
        long id = inProgress();
        long other = inProgress();
        long foreign = uploaded(other, "h-water", TestPhotos.jpeg(120, 90));
        act(id, "h-water", "feedback", "\"note\":\"已处理\",\"reason\":\"无\",\"attachmentIds\":[" + foreign + "]")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("attachmentIds"));
        act(id, "dispatcher1", "urge", "\"attachmentIds\":[999999999]")
                .andExpect(status().isUnprocessableContent());
        assertThat(demo().statusOf(id)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void anyActionRecordsItsPhotosOnItsTimelineEntry() throws Exception {
        long id = demo().report();
        long aid = uploaded(id, "operator1", TestPhotos.png(60, 40));
        act(id, "operator1", "accept", "\"note\":\"现场照片已核对\",\"attachmentIds\":[" + aid + "," + aid + "]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[-1].action").value("accept"))
                .andExpect(jsonPath("$.timeline[-1].attachmentIds.length()").value(1))
                .andExpect(jsonPath("$.timeline[-1].attachmentIds[0]").value(aid));
    }
}
