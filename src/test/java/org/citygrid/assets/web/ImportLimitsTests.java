package org.citygrid.assets.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An import larger than the configured limits is refused before anything is checked or written. */
@SpringBootTest(properties = {"citygrid.assets.max-import-size=1KB", "citygrid.assets.max-import-rows=2"})
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
class ImportLimitsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aBodyOverTheSizeLimitIsA413Problem() throws Exception {
        mvc.perform(post("/api/v1/assets/components/import").with(csrf()).contentType("text/csv")
                        .content("id\n" + "11010101001000001\n".repeat(100)))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").exists());
    }

    @Test
    void moreRowsThanTheLimitIsA422Problem() throws Exception {
        mvc.perform(post("/api/v1/assets/components/import").with(csrf()).contentType("text/csv")
                        .content("id\n11010101001000001\n11010101001000002\n11010101001000003\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").exists());
    }
}
