package org.citygrid.geo.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The map page: who may see it and what it carries for map.js (the demo geography is loaded). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class MapPageTests {

    static final String PASSWORD = "Demo@2026";

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/map")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void anySignedInUserGetsTheMapWithItsSettingsInDataAttributes() throws Exception {
        mvc.perform(get("/map").with(httpBasic("operator1", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"cg-map\"")))
                .andExpect(content().string(not(containsString("data-tile-url="))))
                .andExpect(content().string(containsString("data-divisions-url=\"/api/v1/geo/divisions/geojson\"")))
                .andExpect(content().string(containsString("data-grids-url=\"/api/v1/geo/grids\"")))
                .andExpect(content().string(containsString("data-locate-url=\"/api/v1/geo/locate\"")))
                .andExpect(content().string(containsString("data-grid-min-zoom=\"15\"")))
                .andExpect(content().string(containsString("data-t-zoom=\"放大到 {0} 级以上显示单元网格")))
                .andExpect(content().string(containsString("/js/map.js")))
                .andExpect(content().string(containsString("/leaflet.js")))
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(containsString("id=\"map-synthetic\"")))
                .andExpect(content().string(containsString("街道、社区边界及单元网格、监督网格均为演示用合成数据")));
    }

    @Test
    void theMapSpeaksEnglishWhenAskedTo() throws Exception {
        mvc.perform(get("/map").param("lang", "en").with(httpBasic("supervisor1", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("City grid map")))
                .andExpect(content().string(containsString("data-t-zoom=\"Zoom to level {0} or more")))
                .andExpect(content().string(containsString("SYNTHETIC demo data")));
    }
}
