package org.citygrid.geo;

/** The three levels of administrative division the platform manages, with the length of their statistical code. */
public enum DivisionLevel {
    /** 区/县: 6-digit GB/T 2260 code. */
    DISTRICT(6),
    /** 街道/乡/镇: 9-digit code. */
    STREET(9),
    /** 社区/村: 12-digit code. */
    COMMUNITY(12);

    private final int codeLength;

    DivisionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    /** The level one above, or null for a district. */
    public DivisionLevel parent() {
        return switch (this) {
            case DISTRICT -> null;
            case STREET -> DISTRICT;
            case COMMUNITY -> STREET;
        };
    }
}
