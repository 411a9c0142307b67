package org.citygrid.evaluation.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citygrid.evaluation.internal.Report.Item;

/** The items behind each count of one subject, and the arithmetic of rates and weighted scores. */
final class Tally {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    final Map<String, List<Item>> items = new LinkedHashMap<>();

    Tally(List<String> counts) {
        counts.forEach(c -> items.put(c, new ArrayList<>()));
    }

    void add(String count, History h, int assignmentNo) {
        add(count, h, assignmentNo, false);
    }

    void add(String count, History h, int assignmentNo, boolean excluded) {
        items.get(count).add(new Item(h.fact.id(), h.fact.caseNo(), assignmentNo, excluded));
    }

    int count(String name) {
        return (int) items.get(name).stream().filter(i -> !i.excluded()).count();
    }

    /** A percentage with two decimals, or null when the denominator is 0. */
    static BigDecimal rate(int numerator, int denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(HUNDRED).divide(BigDecimal.valueOf(denominator), 2,
                RoundingMode.HALF_UP);
    }

    /** 100 − rate (null stays null). */
    static BigDecimal complement(BigDecimal rate) {
        return rate == null ? null : HUNDRED.subtract(rate);
    }

    /** The weighted score over the non-null terms, weights renormalised to 100 %; null when every term is null. */
    static BigDecimal score(int[] weights, BigDecimal... terms) {
        var sum = BigDecimal.ZERO;
        int weight = 0;
        for (int i = 0; i < terms.length; i++) {
            if (terms[i] != null) {
                sum = sum.add(terms[i].multiply(BigDecimal.valueOf(weights[i])));
                weight += weights[i];
            }
        }
        return weight == 0 ? null : sum.divide(BigDecimal.valueOf(weight), 2, RoundingMode.HALF_UP);
    }
}
