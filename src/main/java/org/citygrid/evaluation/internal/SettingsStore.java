package org.citygrid.evaluation.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stored settings (table {@code evaluation_setting}); a setting not stored has its default. */
@Component
public class SettingsStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    SettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Settings current() {
        var stored = new LinkedHashMap<String, String>();
        jdbc.sql("SELECT name, setting_value FROM evaluation_setting").query(rs -> {
            if (Settings.DEFAULTS.containsKey(rs.getString(1))) {
                stored.put(rs.getString(1), rs.getString(2));
            }
        });
        return new Settings(stored);
    }

    /** Saves the given settings (each checked first; all or nothing); a value equal to the default is kept too. */
    @Transactional
    public Settings update(Map<String, String> changes, String by) {
        changes.forEach(Settings::check);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        changes.forEach((name, value) -> {
            jdbc.sql("DELETE FROM evaluation_setting WHERE name = :name").param("name", name).update();
            jdbc.sql("INSERT INTO evaluation_setting (name, setting_value, updated_by, updated_at) VALUES (:name, :value, :by,"
                    + " :at)").param("name", name).param("value", value.trim()).param("by", by).param("at", now)
                    .update();
        });
        return current();
    }

    /** Back to the defaults of the domain document. */
    @Transactional
    public Settings reset() {
        jdbc.sql("DELETE FROM evaluation_setting").update();
        return current();
    }
}
