package org.citygrid.support;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Drives cases of the demo district through the REST API, for tests of the pages that show them. */
public final class DemoCases {

    public static final String PASSWORD = "Demo@2026";
    /** A supervisor's report of a broken water-supply manhole cover in Dongcheng. */
    public static final String REPORT = """
            {"channel":"SUPERVISOR","kind":"COMPONENT","classCode":"01001","lon":116.4039,"lat":39.9151,
             "description":"井盖破损"}""";

    private final MockMvc mvc;

    public DemoCases(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** supervisor1 reports {@link #REPORT}; the new case's id. */
    public long report() throws Exception {
        var body = mvc.perform(post("/api/v1/cases").with(httpBasic("supervisor1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(REPORT))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** Takes an action at the case's current version; {@code fields} are extra JSON members, e.g. {@code "urgent":false}. */
    public void act(long id, String user, String action, String fields) throws Exception {
        mvc.perform(post("/api/v1/cases/" + id + "/actions/" + action).with(httpBasic(user, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version(id) + (fields.isEmpty() ? "" : "," + fields) + "}"))
                .andExpect(status().isOk());
    }

    public int version(long id) throws Exception {
        return JsonPath.read(read(id), "$.version");
    }

    public String statusOf(long id) throws Exception {
        return JsonPath.read(read(id), "$.status");
    }

    private String read(long id) throws Exception {
        return mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("operator1", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
    }
}
