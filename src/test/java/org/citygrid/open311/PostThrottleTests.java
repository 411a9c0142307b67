package org.citygrid.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.citygrid.CityGridApplication;
import org.citygrid.cases.internal.sla.SlaTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Junk POSTs are throttled per client address (before the key is even looked at) and per key, with the default
 * limits (30 at once per address, 60 per key), answered 429 in the spec's error format with Retry-After.
 */
@SpringBootTest(classes = {CityGridApplication.class, SlaTestSupport.class})
@ActiveProfiles("demo")
class PostThrottleTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApiKeys keys;

    /** The context's clock stands still (a MutableClock), so no token comes back during a test. */
    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private int postFrom(String address, String body) throws Exception {
        return mvc.perform(post("/open311/v2/requests.xml").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(body).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })).andReturn().getResponse().getStatus();
    }

    @Test
    void aThousandJunkPostsFromOneAddressAreThrottled() throws Exception {
        int forbidden = 0;
        int throttled = 0;
        for (int i = 0; i < 1000; i++) {
            int status = postFrom("10.9.9.9", "description=%3Cscript%3E" + i + "&service_code=' OR 1=1 --");
            forbidden += status == 403 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(forbidden).isEqualTo(30);
        assertThat(throttled).isEqualTo(970);
        assertThat(postFrom("10.9.9.10", "description=other")).as("another address is not throttled").isEqualTo(403);

        var answer = mvc.perform(post("/open311/v2/requests.xml").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("x=1").with(r -> {
                    r.setRemoteAddr("10.9.9.9");
                    return r;
                })).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(429);
        assertThat(answer.getHeader("Retry-After")).isNotBlank();
        assertThat(answer.getContentAsString()).contains("<errors><error><code>429</code>");
    }

    @Test
    void postsWithOneKeyAreThrottledWhateverTheirAddress() throws Exception {
        var key = keys.issue("busy client", "admin").apiKey();
        int throttled = 0;
        for (int i = 0; i < 80; i++) {
            // valid key, no location: a 400 until the key's bucket is empty
            int status = postFrom("10.8.0." + (i % 200), "api_key=" + key + "&service_code=01001");
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(throttled).isEqualTo(20);
    }
}
