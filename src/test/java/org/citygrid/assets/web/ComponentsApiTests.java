package org.citygrid.assets.web;

import org.citygrid.geo.Gcj02;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The component API on the demo district: who may call what, and the problems bad input gets. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class ComponentsApiTests {

    static final String HEADER = "id,classCode,name,description,state,lon,lat,geometry,ownerDepartmentCode,"
            + "maintainerDepartmentCode\n";
    static final String BASE = "/api/v1/assets/components";

    @Autowired
    MockMvc mvc;

    static String cover(int serial, double lon, double lat) {
        return "1101010100180%04d,01001,,,INTACT,%s,%s,,water,water\n".formatted(serial, lon, lat);
    }

    private void importCsv(String body) throws Exception {
        mvc.perform(post(BASE + "/import").with(csrf()).contentType("text/csv").content(body))
                .andExpect(status().isOk());
    }

    @Test
    void anonymousCallersAreAskedToSignIn() throws Exception {
        mvc.perform(get(BASE)).andExpect(status().isUnauthorized());
        mvc.perform(get(BASE + "/nearest").param("lon", "116.41").param("lat", "39.92"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(BASE + "/11010101001000001")).andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser(roles = "NOBODY")
    void aSignedInUserWithoutAStaffRoleMayNotRead() throws Exception {
        mvc.perform(get(BASE)).andExpect(status().isForbidden());
        mvc.perform(get(BASE + "/export")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "DEPT_HANDLER")
    void staffReadButOnlyAnAdministratorChanges() throws Exception {
        mvc.perform(get(BASE).param("size", "5")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(5)))
                .andExpect(jsonPath("$.total", greaterThan(100)))
                .andExpect(jsonPath("$.items[0].synthetic").value(true));
        mvc.perform(post(BASE + "/import").with(csrf()).contentType("text/csv").content(HEADER
                + cover(1, 116.41, 39.92))).andExpect(status().isForbidden());
        mvc.perform(patch(BASE + "/11010101001000001").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"DAMAGED\",\"version\":0}")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void importReadChangeAndAStaleVersion() throws Exception {
        mvc.perform(post(BASE + "/import").with(csrf()).contentType("text/csv")
                        .content(HEADER + cover(11, 116.4111, 39.9211) + cover(12, 116.4112, 39.9212)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.updated").value(0));

        mvc.perform(get(BASE + "/11010101001800011")).andExpect(status().isOk())
                .andExpect(jsonPath("$.className").value("供水井盖"))
                .andExpect(jsonPath("$.state").value("INTACT"))
                .andExpect(jsonPath("$.stateLabel").value("完好"))
                .andExpect(jsonPath("$.gridCode", startsWith("110101")))
                .andExpect(jsonPath("$.ownerDepartmentName").value("自来水集团东城供水分公司"))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(get(BASE + "/11010101001800011").header("Accept-Language", "en")).andExpect(status().isOk())
                .andExpect(jsonPath("$.className").value("Water-supply manhole cover"))
                .andExpect(jsonPath("$.stateLabel").value("Intact"));
        mvc.perform(patch(BASE + "/11010101001800011").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\":\"DAMAGED\",\"version\":0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DAMAGED"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(patch(BASE + "/11010101001800011").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\":\"INTACT\",\"version\":0}"))
                .andExpect(status().isConflict());
        mvc.perform(patch(BASE + "/11010101001800011").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\":\"BROKEN\",\"version\":1}"))
                .andExpect(status().isBadRequest());
        mvc.perform(patch(BASE + "/11010101001800011").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\":\"INTACT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void aMalformedIdentifierIsA400AndAnUnknownOneA404() throws Exception {
        mvc.perform(get(BASE + "/123")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(get(BASE + "/11010101001899999")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aCsvWithBadLinesIsA422NamingEachLineAndImportsNothing() throws Exception {
        mvc.perform(post(BASE + "/import").with(csrf()).contentType("text/csv")
                        .content(HEADER + cover(21, 116.4121, 39.9221) + cover(22, 200, 39.9)
                                + "1101010100180023,01001,,,INTACT,116.41,39.92,,,\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errorCount").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("lon"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("id"))
                .andExpect(jsonPath("$.errors[1].message", containsString("17")));
        mvc.perform(get(BASE + "/11010101001800021")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aGeoJsonWithBadFeaturesIsA422NamingEachFeature() throws Exception {
        var body = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"id":"11010101001800031"},
                  "geometry":{"type":"Point","coordinates":[116.4131,39.9231]}},
                 {"type":"Feature","properties":{"id":"11010101001800032","state":"碎了"},
                  "geometry":{"type":"Point","coordinates":[116.4132,39.9232]}}]}""";
        mvc.perform(post(BASE + "/import").with(csrf()).contentType("application/geo+json").content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].feature").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        mvc.perform(get(BASE + "/11010101001800031")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void garbageIsA4xxProblem() throws Exception {
        mvc.perform(post(BASE + "/import").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"type\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(BASE + "/import").with(csrf()).contentType("text/csv")
                        .content(new byte[] {0, 1, 2, (byte) 0xff, '\n', 3}))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post(BASE + "/import").with(csrf()).contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post(BASE + "/import").with(csrf()).contentType("text/csv").content(""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].line").doesNotExist());
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void nearestAcceptsGcj02AndRefusesAHugeRadius() throws Exception {
        var first = mvc.perform(get(BASE).param("size", "1")).andReturn().getResponse().getContentAsString();
        double lon = Double.parseDouble(first.replaceAll("(?s).*\"lon\":([0-9.]+).*", "$1"));
        double lat = Double.parseDouble(first.replaceAll("(?s).*\"lat\":([0-9.]+).*", "$1"));
        var id = first.replaceAll("(?s).*?\"id\":\"(\\d{17})\".*", "$1");
        var gcj = Gcj02.fromWgs84(lon, lat);

        mvc.perform(get(BASE + "/nearest").param("lon", String.valueOf(gcj.lon()))
                        .param("lat", String.valueOf(gcj.lat())).param("crs", "GCJ02").param("radius", "5")
                        .param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].distanceMeters").value(0.0));
        mvc.perform(get(BASE + "/nearest").param("lon", "116.41").param("lat", "39.92").param("radius", "50000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("radius"));
        mvc.perform(get(BASE + "/nearest").param("lon", "116.41"))
                .andExpect(status().isBadRequest());
    }

    @Test
    @WithMockUser(roles = "LEADER")
    void clustersCountTheWindowAndABadWindowIsA400() throws Exception {
        mvc.perform(get(BASE + "/clusters").param("bbox", "116.3,39.8,116.5,40.0").param("zoom", "12"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", greaterThan(100)))
                .andExpect(jsonPath("$.clusters[0].count", greaterThan(0)));
        mvc.perform(get(BASE + "/clusters").param("bbox", "116.5,39.8,116.3,40.0").param("zoom", "12"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bbox"));
        mvc.perform(get(BASE).param("state", "SHINY")).andExpect(status().isBadRequest());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anExportedFileImportsUnchangedThroughTheApi() throws Exception {
        importCsv(HEADER + cover(41, 116.4141, 39.9141) + cover(42, 116.4142, 39.9142));
        var bbox = "116.4140,39.9140,116.4143,39.9143";

        var csv = mvc.perform(get(BASE + "/export").param("bbox", bbox))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("components.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        var geojson = mvc.perform(get(BASE + "/export").param("format", "geojson").param("bbox", bbox))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andReturn().getResponse().getContentAsByteArray();

        mvc.perform(post(BASE + "/import").with(csrf()).contentType("text/csv").content(csv))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.updated").value(2));
        mvc.perform(post(BASE + "/import").with(csrf()).contentType("application/geo+json").content(geojson))
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(2));
        mvc.perform(get(BASE + "/export").param("format", "xml")).andExpect(status().isBadRequest());
    }
}
