package org.citygrid.geo.web;

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
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Division boundaries as GeoJSON for the map, and the grid window the map asks for: access and bad input. */
@SpringBootTest
@AutoConfigureMockMvc
class DivisionMapApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void boundariesArePublicForThePortalsMapsButOtherGeoDataIsNot() throws Exception {
        mvc.perform(get("/api/v1/geo/divisions/geojson").param("level", "DISTRICT")).andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"));
        mvc.perform(get("/api/v1/geo/divisions")).andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void aMalformedParentOrLevelIsA400() throws Exception {
        mvc.perform(get("/api/v1/geo/divisions/geojson").param("parent", "11-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("11-01")));
        mvc.perform(get("/api/v1/geo/divisions/geojson").param("level", "PROVINCE"))
                .andExpect(status().isBadRequest());
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void aMalformedGridWindowIsA400() throws Exception {
        for (var bbox : new String[] {"116.4,39.9,116.3", "a,b,c,d", "116.5,39.9,116.4,40.0", "0,0,200,10"}) {
            mvc.perform(get("/api/v1/geo/grids").param("format", "geojson").param("bbox", bbox))
                    .andExpect(status().isBadRequest());
        }
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void importedBoundariesComeBackAsGeoJsonFeaturesWithTheirNames() throws Exception {
        mvc.perform(post("/api/v1/geo/divisions/import").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(collection(
                        feature("990701", "地图区", "DISTRICT", null, polygon(square(107, 26, 0.02))),
                        feature("990701001", "地图街道", "STREET", "990701", polygon(square(107, 26, 0.01))))))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/geo/divisions/geojson").param("parent", "990701"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[0].properties.code").value("990701001"))
                .andExpect(jsonPath("$.features[0].properties.name").value("地图街道"))
                .andExpect(jsonPath("$.features[0].properties.level").value("STREET"))
                .andExpect(jsonPath("$.features[0].properties.synthetic").value(false))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Polygon"))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[0][0][0]").isNumber());
        mvc.perform(get("/api/v1/geo/divisions/geojson").param("level", "DISTRICT"))
                .andExpect(jsonPath("$.features[*].properties.code", hasItem("990701")))
                .andExpect(jsonPath("$.features[*].properties.level", everyItem(org.hamcrest.Matchers.is("DISTRICT"))));
    }
}
