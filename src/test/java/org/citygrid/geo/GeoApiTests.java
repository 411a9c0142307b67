package org.citygrid.geo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.citygrid.geo.GeoJsonFixtures.collection;
import static org.citygrid.geo.GeoJsonFixtures.feature;
import static org.citygrid.geo.GeoJsonFixtures.polygon;
import static org.citygrid.geo.GeoJsonFixtures.square;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The geo REST API: who may call what, and the problems bad input gets. */
@SpringBootTest
@AutoConfigureMockMvc
class GeoApiTests {

    @Autowired
    MockMvc mvc;

    private static final String DISTRICT = collection(feature("990401", "接口区", "DISTRICT", null,
            polygon(square(106, 25, 0.02))));

    private void importAsAdmin(String body) throws Exception {
        mvc.perform(post("/api/v1/geo/divisions/import").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isOk());
    }

    @Test
    void anonymousCallersAreAskedToSignIn() throws Exception {
        mvc.perform(get("/api/v1/geo/divisions")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/geo/locate").param("lon", "116.4").param("lat", "39.9"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void onlyAnAdministratorImportsOrGenerates() throws Exception {
        mvc.perform(post("/api/v1/geo/divisions/import").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(DISTRICT)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/geo/grids/generate").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentCode\":\"990401\"}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/geo/supervision-grids/X1").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"districtCode\":\"990401\",\"divisionCodes\":[\"990401001\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/geo/supervision-grids")).andExpect(status().isOk());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aSupervisionGridOfUnknownDivisionsIsA422() throws Exception {
        mvc.perform(put("/api/v1/geo/supervision-grids/X2").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"districtCode\":\"990401\",\"divisionCodes\":[\"990401999\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("divisionCodes"));
        mvc.perform(put("/api/v1/geo/supervision-grids/X2").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"districtCode\":\"990401\",\"divisionCodes\":[]}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void importsGeneratesListsAndLocates() throws Exception {
        mvc.perform(post("/api/v1/geo/divisions/import").with(csrf()).param("crs", "WGS84")
                        .contentType(MediaType.APPLICATION_JSON).content(DISTRICT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.repaired", hasSize(0)));
        mvc.perform(get("/api/v1/geo/divisions").param("level", "DISTRICT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '990401')].hasBoundary").value(true));

        mvc.perform(post("/api/v1/geo/grids/generate").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\":\"990401\",\"cellSizeMeters\":500}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.generated", greaterThan(10)));

        mvc.perform(get("/api/v1/geo/grids").param("parent", "990401").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(5)))
                .andExpect(jsonPath("$.items[0].code").value("990401000000001"))
                .andExpect(jsonPath("$.total", greaterThan(10)));
        mvc.perform(get("/api/v1/geo/grids").param("parent", "990401").param("format", "geojson")
                        .param("bbox", "106,25,106.005,25.005"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[*].properties.code", everyItem(startsWith("990401"))))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Polygon"));

        mvc.perform(get("/api/v1/geo/locate").param("lon", "106.0001").param("lat", "25.0001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gridCode", startsWith("990401000")))
                .andExpect(jsonPath("$.districtCode").value("990401"));
        var gcj = Gcj02.fromWgs84(106.0001, 25.0001);
        mvc.perform(get("/api/v1/geo/locate").param("lon", String.valueOf(gcj.lon()))
                        .param("lat", String.valueOf(gcj.lat())).param("crs", "GCJ02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.districtCode").value("990401"));
    }

    @Test
    @WithMockUser
    void aPointInNoGridIsA404Problem() throws Exception {
        mvc.perform(get("/api/v1/geo/locate").param("lon", "-70").param("lat", "-40"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("-70")));
    }

    @Test
    @WithMockUser
    void missingOrOutOfRangeCoordinatesAre400Problems() throws Exception {
        mvc.perform(get("/api/v1/geo/locate").param("lon", "116.4"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lat"));
        mvc.perform(get("/api/v1/geo/locate").param("lon", "116.4").param("lat", "95"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lat"));
        mvc.perform(get("/api/v1/geo/locate").param("lon", "east").param("lat", "39"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/geo/locate").param("lon", "116.4").param("lat", "39.9").param("crs", "BD09"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/geo/grids").param("bbox", "1,2,3"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bbox"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aFileWithOneBadFeatureIsA422ListingItAndImportsNothing() throws Exception {
        var body = collection(feature("990402", "好区", "DISTRICT", null, polygon(square(107, 25, 0.02))),
                feature("990402001", "坏街道", "STREET", "990499", polygon(square(107, 25, 0.01))));

        mvc.perform(post("/api/v1/geo/divisions/import").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].feature").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("990402001"))
                .andExpect(jsonPath("$.errors[0].message", containsString("990499")));
        mvc.perform(get("/api/v1/geo/divisions").param("level", "DISTRICT"))
                .andExpect(jsonPath("$[?(@.code == '990402')]", hasSize(0)));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void garbageAndOversizedBodiesAreClear4xxProblems() throws Exception {
        mvc.perform(post("/api/v1/geo/divisions/import").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"FeatureCollection\",\"features\":[{"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        var garbage = new byte[10 * 1024 * 1024];
        Arrays.fill(garbage, (byte) 'x');
        mvc.perform(post("/api/v1/geo/divisions/import").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(garbage)).andExpect(status().isBadRequest());
        var huge = new byte[21 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        mvc.perform(post("/api/v1/geo/divisions/import").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/geo/divisions/import").with(csrf()).param("crs", "UTM")
                .contentType(MediaType.APPLICATION_JSON).content(DISTRICT)).andExpect(status().isBadRequest());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void generatingForAnUnknownOrUnshapedDivisionIsA422AndABadCellSizeA400() throws Exception {
        mvc.perform(post("/api/v1/geo/grids/generate").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentCode\":\"990499\"}")).andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/geo/grids/generate").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\":\"990401\",\"cellSizeMeters\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cellSizeMeters"));
        mvc.perform(post("/api/v1/geo/grids/generate").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentCode\":\"abc\"}".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest());
    }
}
