package org.citygrid.cases;

/** The traffic light of a clock: under 80 % of the limit elapsed green, 80–100 % yellow, over 100 % red. */
public enum Light {
    GREEN, YELLOW, RED;

    /** The light for a share of the limit elapsed (1.0 = the whole limit). */
    public static Light of(double elapsedShare) {
        if (elapsedShare > 1.0) {
            return RED;
        }
        return elapsedShare >= 0.8 ? YELLOW : GREEN;
    }
}
