package org.citygrid.intake.hotline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.springframework.stereotype.Component;

/**
 * 分类建议 — which catalog classes a caller's description is probably about, by keyword rules built from the catalog
 * itself (no hand-kept word list): each class contributes its name's parts (split at 、，/ and brackets, without the
 * suffix 异常) as strong keywords, its name's character pairs as weak ones, and the short phrases and character pairs of
 * its filing criteria as weaker ones. A class scores the sum of weight × length of the keywords found in the text.
 * The rules are rebuilt from the catalog on every call, so a class or criterion edited by an admin counts at once.
 */
@Component
class ClassSuggester {

    /** How many suggestions the console shows. */
    static final int TOP = 3;

    private static final Pattern SPLIT = Pattern.compile("[、，,。；;：:/（）()\\s“”\"]+");
    /** Pairs with a function character say nothing about the class (的, 或, 未 …). */
    private static final Pattern FUNCTION_CHARS = Pattern.compile(".*[的或和与及等在有未无是了其及对被将为上下中内外].*");
    private static final double NAME_PART = 2.0;
    private static final double NAME_PAIR = 1.0;
    private static final double CRITERIA_PHRASE = 1.0;
    private static final double CRITERIA_PAIR = 0.25;

    /** One suggestion: the class, its score and the words of the text that matched. */
    record Suggestion(ClassKind kind, String code, String name, double score, List<String> matched) {
    }

    private final Catalog catalog;

    ClassSuggester(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The best {@code limit} classes for the text, best first; a component wins over its mirror matter “X异常”. */
    List<Suggestion> suggest(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        var normalized = text.strip();
        Map<String, Suggestion> bestPerCode = new LinkedHashMap<>();
        for (var cls : catalog.list(null)) {
            var s = score(cls, normalized);
            if (s != null) {
                bestPerCode.merge(cls.code(), s, (a, b) -> b.score() > a.score() ? b : a);
            }
        }
        return bestPerCode.values().stream()
                .sorted(Comparator.comparingDouble(Suggestion::score).reversed()
                        .thenComparing(Suggestion::kind).thenComparing(Suggestion::code))
                .limit(limit).toList();
    }

    private static Suggestion score(CatalogClass cls, String text) {
        double score = 0;
        var matched = new LinkedHashSet<String>();
        var name = cls.name().replaceAll("异常$", "").replaceAll("异常SOS$", "SOS");
        for (var part : SPLIT.split(name)) {
            if (part.length() >= 2 && text.contains(part)) {
                score += NAME_PART * part.length();
                matched.add(part);
            }
        }
        for (var pair : pairs(name)) {
            if (text.contains(pair)) {
                score += NAME_PAIR * 2;
                matched.add(pair);
            }
        }
        var criteria = cls.filingCriteria();
        if (criteria != null) {
            for (var phrase : SPLIT.split(criteria)) {
                if (phrase.length() >= 2 && phrase.length() <= 8 && text.contains(phrase)) {
                    score += CRITERIA_PHRASE * phrase.length();
                    matched.add(phrase);
                }
            }
            for (var pair : pairs(criteria)) {
                if (text.contains(pair)) {
                    score += CRITERIA_PAIR * 2;
                    matched.add(pair);
                }
            }
        }
        if (score == 0) {
            return null;
        }
        return new Suggestion(cls.kind(), cls.code(), cls.name(), Math.round(score * 100) / 100.0, words(text, matched));
    }

    /** The distinct pairs of adjacent Han characters in the text, without pairs of function characters. */
    private static Set<String> pairs(String s) {
        var out = new LinkedHashSet<String>();
        for (int i = 0; i + 1 < s.length(); i++) {
            var pair = s.substring(i, i + 2);
            if (isHan(pair.charAt(0)) && isHan(pair.charAt(1)) && !FUNCTION_CHARS.matcher(pair).matches()) {
                out.add(pair);
            }
        }
        return out;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /**
     * The words of the text that matched, as the operator reads them: runs of adjacent matched pairs joined
     * ({@code 共享}, {@code 享单}, {@code 单车} → {@code 共享单车}), and no word that is part of a longer one.
     */
    private static List<String> words(String text, Set<String> matched) {
        var words = new LinkedHashSet<String>();
        int i = 0;
        while (i + 1 < text.length()) {
            if (!matched.contains(text.substring(i, i + 2))) {
                i++;
                continue;
            }
            int k = i + 1;
            while (k + 1 < text.length() && matched.contains(text.substring(k, k + 2))) {
                k++;
            }
            words.add(text.substring(i, k + 1));
            i = k + 1;
        }
        words.addAll(matched);
        var out = new ArrayList<String>();
        for (var w : words) {
            if (words.stream().noneMatch(o -> o.length() > w.length() && o.contains(w))) {
                out.add(w);
            }
        }
        return out;
    }
}
