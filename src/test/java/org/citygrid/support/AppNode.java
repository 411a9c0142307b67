package org.citygrid.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.citygrid.CityGridApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.support.GenericApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application node started in this JVM ({@link SpringApplicationBuilder}, a random port) and a client that talks
 * to it over real HTTP: demo users signed in once with the login form (session cookie + CSRF token, so BCrypt is paid
 * once per user, not per request), JSON in and out. The node's clock is the {@link Clock} given (shared between nodes
 * in a test, so that time moves for all of them at once), and every payload event it publishes is kept.
 */
public final class AppNode implements AutoCloseable {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern META_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A signed-in user of this node. */
    public record Session(String username, String cookie, String csrfHeader, String csrfToken) {
    }

    /** An HTTP answer: status and body (JSON or a problem). */
    public record Answer(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final String name;
    private final ConfigurableApplicationContext context;
    private final String base;
    private final HttpClient http;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Object> events;

    private AppNode(String name, ConfigurableApplicationContext context, HttpClient http,
                    ConcurrentLinkedQueue<Object> events) {
        this.events = events;
        this.name = name;
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.http = http;
    }

    /**
     * Starts the application with the profiles and command-line properties given ({@code --key=value}; they win over
     * every configuration file), the shared clock as the primary {@link Clock} bean, and a port of its own.
     */
    public static AppNode start(String name, Clock clock, List<String> profiles, List<String> args, HttpClient http) {
        var events = new ConcurrentLinkedQueue<Object>();
        ApplicationListener<ApplicationEvent> recorder = e -> {
            if (e instanceof PayloadApplicationEvent<?> p) {
                events.add(p.getPayload());
            }
        };
        var all = new ArrayList<>(args);
        all.add("--server.port=0");
        var context = new SpringApplicationBuilder(CityGridApplication.class)
                .profiles(profiles.toArray(String[]::new))
                .initializers(c -> ((GenericApplicationContext) c).registerBean("sharedTestClock", Clock.class,
                        () -> clock, bd -> bd.setPrimary(true)))
                .listeners(recorder)
                .run(all.toArray(String[]::new));
        return new AppNode(name, context, http, events);
    }

    public String name() {
        return name;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String base() {
        return base;
    }

    /** Payload events of the given type published in this node so far. */
    public <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Signs {@code username} in once (form login); later calls reuse the session. */
    public Session as(String username, String password) {
        return sessions.computeIfAbsent(username, u -> signIn(u, password));
    }

    public Answer get(Session s, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", s.cookie())
                .header("Accept", "application/json").GET().build());
    }

    public Answer post(Session s, String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", s.cookie())
                .header(s.csrfHeader(), s.csrfToken()).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** Opens a server-sent-event stream and hands every line to {@code lines} (on the client's thread). */
    public void stream(Session s, String path, Consumer<String> lines) {
        http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", s.cookie())
                        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(lines));
    }

    private Answer send(HttpRequest request) {
        try {
            var r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Session signIn(String username, String password) {
        try {
            var page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            var cookie = session(page, null);
            var form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf="
                    + enc(find(HIDDEN_CSRF, page.body()));
            var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "JSESSIONID=" + cookie).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding());
            var location = login.headers().firstValue("Location").orElse("");
            if (login.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("sign-in of " + username + " on " + name + " failed: "
                        + login.statusCode() + " " + location);
            }
            cookie = session(login, cookie);
            var home = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Cookie", "JSESSIONID=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Session(username, "JSESSIONID=" + cookie, find(META_HEADER, home.body()),
                    find(META_CSRF, home.body()));
        } catch (IOException e) {
            throw new IllegalStateException("sign-in of " + username + " on " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String session(HttpResponse<?> response, String previous) {
        for (var c : response.headers().allValues("Set-Cookie")) {
            var m = SESSION.matcher(c);
            if (m.find()) {
                return m.group(1);
            }
        }
        if (previous == null) {
            throw new IllegalStateException("no session cookie from " + response.uri());
        }
        return previous;
    }

    private static String find(Pattern p, String body) {
        var m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body.substring(0, Math.min(300, body.length())));
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.close();
    }

    /** How long a call took, for the test's printed figures. */
    public static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }
}
