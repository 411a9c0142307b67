package org.citygrid.evaluation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citygrid.platform.DomainException;

/**
 * The evaluation's configuration: weights (percent, summing to 100), count tables ({@code upTo:score,…,*:score}),
 * grade bands (lower bounds of A, B, C, D) and the minimum sample. Defaults are shared/domain/EVALUATION.md's.
 */
public record Settings(Map<String, String> values) {

    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        var d = new LinkedHashMap<String, String>();
        d.put("department.weights", "10,30,30,30");
        d.put("supervisor.weights", "40,20,20,20");
        d.put("operator.weights", "25,40,35");
        d.put("shiftLead.weights", "25,40,35");
        d.put("dispatcher.weights", "20,40,40");
        d.put("region.weights", "20,40,30,10");
        d.put("department.volume", "50:100,100:90,200:75,500:60,1000:40,*:0");
        d.put("position.volume", "100:0,300:40,500:60,1200:75,2000:90,*:100");
        d.put("region.density", "0:100,2:90,4:75,6:60,8:40,*:0");
        d.put("grades", "90,75,60,40");
        d.put("minimumSample", "5");
        d.put("operator.checkSendWorkMinutes", "30");
        return java.util.Collections.unmodifiableMap(d);
    }

    private static final Map<String, Integer> WEIGHT_COUNTS = Map.of("department.weights", 4,
            "supervisor.weights", 4, "operator.weights", 3, "shiftLead.weights", 3, "dispatcher.weights", 3,
            "region.weights", 4);

    public Settings {
        var merged = new LinkedHashMap<>(DEFAULTS);
        merged.putAll(values);
        values = java.util.Collections.unmodifiableMap(merged);
    }

    public static Settings defaultSettings() {
        return new Settings(Map.of());
    }

    public int[] weights(String name) {
        return ints(values.get(name));
    }

    public int minimumSample() {
        return Integer.parseInt(values.get("minimumSample").trim());
    }

    public int checkSendWorkMinutes() {
        return Integer.parseInt(values.get("operator.checkSendWorkMinutes").trim());
    }

    /** The score a count table gives {@code x}: the first band whose upper bound is ≥ x. */
    public BigDecimal table(String name, BigDecimal x) {
        for (var band : values.get(name).split(",")) {
            var parts = band.split(":");
            if (parts[0].trim().equals("*") || x.compareTo(new BigDecimal(parts[0].trim())) <= 0) {
                return new BigDecimal(parts[1].trim());
            }
        }
        return BigDecimal.ZERO;
    }

    /** A, B, C, D or E for a score (already rounded to two decimals). */
    public String grade(BigDecimal score) {
        if (score == null) {
            return null;
        }
        var bands = ints(values.get("grades"));
        var letters = "ABCD";
        for (int i = 0; i < bands.length; i++) {
            if (score.compareTo(BigDecimal.valueOf(bands[i])) >= 0) {
                return String.valueOf(letters.charAt(i));
            }
        }
        return "E";
    }

    /** Checks one setting's new value: 422 naming the setting when it is unknown or malformed. */
    public static void check(String name, String value) {
        if (!DEFAULTS.containsKey(name)) {
            throw new DomainException.Invalid(name, "evaluation.settings.unknown", name);
        }
        try {
            if (value == null || value.isBlank() || value.length() > 500) {
                throw new IllegalArgumentException();
            }
            if (WEIGHT_COUNTS.containsKey(name)) {
                var w = ints(value);
                if (w.length != WEIGHT_COUNTS.get(name) || Arrays.stream(w).sum() != 100
                        || Arrays.stream(w).anyMatch(x -> x < 0)) {
                    throw new IllegalArgumentException();
                }
            } else if (name.equals("grades")) {
                var g = ints(value);
                if (g.length != 4 || !(g[0] > g[1] && g[1] > g[2] && g[2] > g[3] && g[3] >= 0)) {
                    throw new IllegalArgumentException();
                }
            } else if (name.equals("minimumSample") || name.equals("operator.checkSendWorkMinutes")) {
                if (Integer.parseInt(value.trim()) < 0) {
                    throw new IllegalArgumentException();
                }
            } else {
                checkTable(value);
            }
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid(name, "evaluation.settings.malformed", name, value, DEFAULTS.get(name));
        }
    }

    private static void checkTable(String value) {
        var bands = value.split(",");
        BigDecimal last = null;
        for (int i = 0; i < bands.length; i++) {
            var parts = bands[i].split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            new BigDecimal(parts[1].trim());
            if (parts[0].trim().equals("*")) {
                if (i != bands.length - 1) {
                    throw new IllegalArgumentException();
                }
                return;
            }
            var bound = new BigDecimal(parts[0].trim());
            if (last != null && bound.compareTo(last) <= 0) {
                throw new IllegalArgumentException();
            }
            last = bound;
        }
        throw new IllegalArgumentException();
    }

    private static int[] ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (var p : csv.split(",")) {
            out.add(Integer.parseInt(p.trim()));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
