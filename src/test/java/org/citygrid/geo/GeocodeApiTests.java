package org.citygrid.geo;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.citygrid.geo.GeoJsonFixtures.collection;
import static org.citygrid.geo.GeoJsonFixtures.feature;
import static org.citygrid.geo.GeoJsonFixtures.polygon;
import static org.citygrid.geo.GeoJsonFixtures.square;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The geocoding API: geocode, reverse, address-point and grid import, and the 4xx problems bad input gets. Its
 * geography is district 990801 at lon 109, lat 31 (one street, one community, named 庚测…), made once per context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
class GeocodeApiTests {

    private static final String COMMUNITY = "990801001001";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void geography() throws Exception {
        mvc.perform(post("/api/v1/geo/divisions/import").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(collection(
                        feature("990801", "庚测区", "DISTRICT", null, polygon(square(109, 31, 0.02))),
                        feature("990801001", "庚测街道", "STREET", "990801", polygon(square(109, 31, 0.02))),
                        feature(COMMUNITY, "庚测社区居委会", "COMMUNITY", "990801001",
                                polygon(square(109, 31, 0.01)))))).andExpect(status().isOk());
        importGrids(collection(grid(COMMUNITY + "001", square(109, 31, 0.01)))).andExpect(status().isOk());
    }

    private static String grid(String code, List<double[]> ring) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"一号网格\"},\"geometry\":"
                + polygon(ring) + "}";
    }

    private ResultActions importGrids(String body) throws Exception {
        return mvc.perform(post("/api/v1/geo/grids/import").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private void stillOnlyTheFirstGrid() throws Exception {
        mvc.perform(get("/api/v1/geo/grids").param("parent", "990801"))
                .andExpect(jsonPath("$.items[*].code").value(contains(COMMUNITY + "001")));
    }

    @Test
    void geocodeAnswersCandidatesBestFirstWithTheirGridAndChain() throws Exception {
        mvc.perform(get("/api/v1/geo/geocode").param("q", "北京市庚测区庚测街道庚测社区").param("limit", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].kind").value("COMMUNITY"))
                .andExpect(jsonPath("$[0].code").value(COMMUNITY))
                .andExpect(jsonPath("$[0].name").value("庚测社区"))
                .andExpect(jsonPath("$[0].gridCode").value(COMMUNITY + "001"))
                .andExpect(jsonPath("$[0].streetCode").value("990801001"))
                .andExpect(jsonPath("$[0].districtCode").value("990801"))
                .andExpect(jsonPath("$[0].score").value(0.95))
                .andExpect(jsonPath("$[1].kind").value("STREET"));
    }

    @Test
    void anEmptyOrTooLongQueryIsA422AndNoMatchIsAnEmptyList() throws Exception {
        mvc.perform(get("/api/v1/geo/geocode").param("q", "  "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/v1/geo/geocode"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/geo/geocode").param("q", "路".repeat(101)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("100")));
        mvc.perform(get("/api/v1/geo/geocode").param("q", "庚测").param("limit", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/v1/geo/geocode").param("q", "火星基地"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void reverseLabelsThePointInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/geo/reverse").param("lon", "109.003").param("lat", "31.003"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("庚测街道庚测社区，网格 " + COMMUNITY + "001"))
                .andExpect(jsonPath("$.gridCode").value(COMMUNITY + "001"))
                .andExpect(jsonPath("$.community.code").value(COMMUNITY))
                .andExpect(jsonPath("$.community.name").value("庚测社区"))
                .andExpect(jsonPath("$.street.name").value("庚测街道"))
                .andExpect(jsonPath("$.district.code").value("990801"));
        mvc.perform(get("/api/v1/geo/reverse").param("lon", "109.003").param("lat", "31.003")
                        .header("Accept-Language", "en"))
                .andExpect(jsonPath("$.label").value("庚测街道, 庚测社区, grid " + COMMUNITY + "001"));
    }

    @Test
    void reverseOutsideEveryGridIsA404AndBadCoordinatesA400() throws Exception {
        mvc.perform(get("/api/v1/geo/reverse").param("lon", "-70").param("lat", "-40"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/geo/reverse").param("lon", "109").param("lat", "91"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lat"));
    }

    @Test
    void anAddressFileIsImportedWholeOrRefusedWithItsBadLines() throws Exception {
        mvc.perform(post("/api/v1/geo/addresses/import").with(csrf()).contentType("text/csv")
                        .content("name,address,lon,lat\n庚测路9号,,109.001,31.001\n,空名,109,31\n庚测路10号,,109,95\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].line").value(contains(3, 4)));
        mvc.perform(get("/api/v1/geo/geocode").param("q", "庚测路9号"))
                .andExpect(jsonPath("$[?(@.kind == 'ADDRESS')]", hasSize(0)));
        mvc.perform(post("/api/v1/geo/addresses/import").with(csrf()).contentType("text/csv")
                        .content("address,x,y\nfoo,1,2\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].line").value(1));

        var geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"庚测路9号\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[109.001,31.001]}}]}";
        mvc.perform(post("/api/v1/geo/addresses/import").with(csrf()).contentType("application/geo+json")
                        .content(geojson))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
        mvc.perform(get("/api/v1/geo/geocode").param("q", "庚测路９号"))
                .andExpect(jsonPath("$[0].kind").value("ADDRESS"))
                .andExpect(jsonPath("$[0].gridCode").value(COMMUNITY + "001"));
    }

    @Test
    void onlyAnAdministratorImportsAddressesOrGrids() throws Exception {
        var operator = user("operator").roles("OPERATOR");
        mvc.perform(post("/api/v1/geo/addresses/import").with(csrf()).with(operator).contentType("text/csv")
                .content("name,lon,lat\nx,109,31\n")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/geo/grids/import").with(csrf()).with(operator).contentType(MediaType.APPLICATION_JSON)
                .content(collection(grid(COMMUNITY + "002", square(109.01, 31, 0.01))))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/geo/geocode").with(operator).param("q", "庚测社区")).andExpect(status().isOk());
        stillOnlyTheFirstGrid();
    }

    @Test
    void aGridWithABadCodeIsA422AndNothingIsImported() throws Exception {
        for (var code : new String[] {"99080100100100", "990801001001000", "99080100100100x"}) {
            importGrids(collection(grid(COMMUNITY + "002", square(109.01, 31, 0.01)),
                    grid(code, square(109, 31.01, 0.01))))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].feature").value(1))
                    .andExpect(jsonPath("$.errors[0].message", containsString("15")));
        }
        stillOnlyTheFirstGrid();
    }

    @Test
    void aDuplicateGridCodeIsA422() throws Exception {
        importGrids(collection(grid(COMMUNITY + "002", square(109.01, 31, 0.01)),
                grid(COMMUNITY + "002", square(109, 31.01, 0.01))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].feature").value(1));
        stillOnlyTheFirstGrid();
    }

    @Test
    void aGridOfAnUnknownParentIsA422() throws Exception {
        importGrids(collection(grid("990801001002001", square(109.01, 31, 0.01)),
                grid("990801002000001", square(109, 31.01, 0.01))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].message", containsString("990801001002")))
                .andExpect(jsonPath("$.errors[1].message", containsString("990801002")));
        stillOnlyTheFirstGrid();
    }

    @Test
    void anUnrepairableGeometryOrCoordinatesOutOfRangeAreA422() throws Exception {
        var line = List.of(new double[] {109, 31}, new double[] {109.01, 31}, new double[] {109.02, 31},
                new double[] {109, 31});
        importGrids(collection(grid(COMMUNITY + "002", line)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].feature").value(0));
        importGrids(collection(grid(COMMUNITY + "002", square(500000, 3400000, 100))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message", containsString("500000")));
        stillOnlyTheFirstGrid();
    }

    @Test
    void aGridFileThatIsNotAFeatureCollectionIsRefused() throws Exception {
        importGrids("this is not json").andExpect(status().isBadRequest());
        importGrids("{\"type\":\"Feature\"}").andExpect(status().isUnprocessableContent());
        importGrids("[1,2,3]").andExpect(status().isUnprocessableContent());
        stillOnlyTheFirstGrid();
    }
}
