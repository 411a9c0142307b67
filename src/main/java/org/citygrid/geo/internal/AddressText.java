package org.citygrid.geo.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.citygrid.geo.DivisionLevel;

/**
 * The normal form in which Chinese address text is compared: NFKC (full-width digits and letters become ASCII), lower
 * case, only letters and digits kept (spaces and punctuation dropped), 号院 written 号, and the city prefix (北京市,
 * 北京, 市辖区) dropped. Also the division suffixes (街道, 社区, 居委会 …) by level, longest first, so that a name is
 * known by its short form and any suffix variant.
 */
final class AddressText {

    static final List<String> CITY_PREFIXES = List.of("北京市", "北京", "市辖区");

    /** Suffixes by level, longest first, so that the longest one is found first. */
    static final Map<DivisionLevel, List<String>> SUFFIXES = Map.of(
            DivisionLevel.DISTRICT, List.of("区", "县"),
            DivisionLevel.STREET, List.of("街道办事处", "地区办事处", "街道办", "办事处", "街道", "地区", "镇", "乡"),
            DivisionLevel.COMMUNITY, List.of("社区居民委员会", "社区居委会", "村民委员会", "居民委员会", "村委会",
                    "居委会", "社区", "村"));

    private AddressText() {
    }

    /** The comparable form of any text (the city prefix is kept; see {@link #query}). */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        var nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        var out = new StringBuilder(nfkc.length());
        nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString().replace("号院", "号");
    }

    /** The comparable form of a query or an address: normalised, city prefixes dropped. */
    static String query(String text) {
        var q = normalise(text);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (var prefix : CITY_PREFIXES) {
                if (q.startsWith(prefix) && q.length() > prefix.length()) {
                    q = q.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        return q;
    }

    /** The name without its level suffix (东华门街道 → 东华门, 多福巷社区居委会 → 多福巷), normalised. */
    static String shortName(String name, DivisionLevel level) {
        var n = normalise(name);
        for (var suffix : SUFFIXES.get(level)) {
            if (n.endsWith(suffix) && n.length() > suffix.length()) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }

    /** The name people say: the committee suffix dropped (多福巷社区居委会 → 多福巷社区, 某某村委会 → 某某村). */
    static String displayName(String name) {
        for (var suffix : List.of("居民委员会", "居委会")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        for (var suffix : List.of("村民委员会", "村委会")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length()) + "村";
            }
        }
        return name;
    }

    /** The length of the longest suffix of {@code level} that starts at {@code at} in {@code text}, or 0. */
    static int suffixAt(String text, int at, DivisionLevel level) {
        for (var suffix : SUFFIXES.get(level)) {
            if (text.startsWith(suffix, at)) {
                return suffix.length();
            }
        }
        return 0;
    }
}
