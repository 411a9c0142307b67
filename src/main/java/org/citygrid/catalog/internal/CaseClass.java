package org.citygrid.catalog.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.HandleLimit;
import org.citygrid.catalog.HandleLimitSource;
import org.citygrid.platform.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One class of the directory (分类): a management component or matter with its 5-digit code, and what the closed loop
 * needs to know about it. A class is identified by its kind and code together: GB/T 47678.5 gives the matter
 * “X异常” the same code as the component X (component 01001 供水井盖, matter 01001 供水井盖异常).
 */
@Table("case_class")
public class CaseClass {

    public static final int DEFAULT_DUPLICATE_RADIUS = 50;
    public static final int MAX_DUPLICATE_RADIUS = 1_000;
    public static final int MAX_CRITERIA_LENGTH = 2_000;

    @Id
    private Long id;
    private ClassKind kind;
    private String code;
    private String majorCode;
    private String majorName;
    private String name;
    private String nameEn;
    @Embedded.Nullable(prefix = "handle_limit_")
    private HandleLimit handleLimit;
    private HandleLimitSource handleLimitSource;
    /** Which standard, city and original text a STANDARD limit was taken from. */
    private String handleLimitBasis;
    private String defaultDepartmentCode;
    private boolean urgent;
    private String filingCriteria;
    private String closingCriteria;
    private int duplicateRadiusMeters;
    @MappedCollection(idColumn = "case_class_id")
    private Set<LegacyCode> legacyCodes;
    @Version
    private int version;

    @PersistenceCreator
    CaseClass(Long id, ClassKind kind, String code, String majorCode, String majorName, String name, String nameEn,
              HandleLimit handleLimit, HandleLimitSource handleLimitSource, String handleLimitBasis,
              String defaultDepartmentCode, boolean urgent, String filingCriteria, String closingCriteria,
              int duplicateRadiusMeters, Set<LegacyCode> legacyCodes, int version) {
        this.id = id;
        this.kind = kind;
        this.code = code;
        this.majorCode = majorCode;
        this.majorName = majorName;
        this.name = name;
        this.nameEn = nameEn;
        this.handleLimit = handleLimit;
        this.handleLimitSource = handleLimitSource;
        this.handleLimitBasis = handleLimitBasis;
        this.defaultDepartmentCode = defaultDepartmentCode;
        this.urgent = urgent;
        this.filingCriteria = filingCriteria;
        this.closingCriteria = closingCriteria;
        this.duplicateRadiusMeters = duplicateRadiusMeters;
        this.legacyCodes = legacyCodes == null ? Set.of() : Set.copyOf(legacyCodes);
        this.version = version;
    }

    /** A class as the directory defines it, with the default limit and radius and no local settings. */
    public static CaseClass of(ClassKind kind, String code, String majorCode, String majorName, String name,
                               String nameEn) {
        return new CaseClass(null, kind, code, majorCode, majorName, name, nameEn, HandleLimit.DEFAULT,
                HandleLimitSource.DEFAULT, null, null, false, null, null, DEFAULT_DUPLICATE_RADIUS, Set.of(), 0);
    }

    /** Seeds a limit and criteria from a real local standard; {@code basis} says which one. */
    public void adoptStandard(HandleLimit limit, String basis, String filing, String closing) {
        this.handleLimit = limit;
        this.handleLimitSource = HandleLimitSource.STANDARD;
        this.handleLimitBasis = basis;
        this.filingCriteria = blankToNull(filing);
        this.closingCriteria = blankToNull(closing);
    }

    public void mapLegacyCodes(Set<String> codes) {
        this.legacyCodes = codes.stream().map(LegacyCode::new).collect(Collectors.toUnmodifiableSet());
    }

    /** An administrator's limit. Setting the limit the class already has keeps its source. */
    public void changeHandleLimit(HandleLimit limit) {
        if (limit.equals(handleLimit)) {
            return;
        }
        this.handleLimit = limit;
        this.handleLimitSource = HandleLimitSource.LOCAL;
        this.handleLimitBasis = null;
    }

    /**
     * What an administrator may set besides the limit. The department must have been checked to exist by the caller
     * (it belongs to another module).
     */
    public void changeSettings(String departmentCode, boolean nowUrgent, String filing, String closing,
                               int radiusMeters) {
        if (radiusMeters < 1 || radiusMeters > MAX_DUPLICATE_RADIUS) {
            throw new DomainException.Invalid("duplicateRadiusMeters", "catalog.radius.invalid", radiusMeters,
                    MAX_DUPLICATE_RADIUS);
        }
        this.filingCriteria = checkedCriteria("filingCriteria", filing);
        this.closingCriteria = checkedCriteria("closingCriteria", closing);
        this.defaultDepartmentCode = blankToNull(departmentCode);
        this.urgent = nowUrgent;
        this.duplicateRadiusMeters = radiusMeters;
    }

    private static String checkedCriteria(String field, String text) {
        var value = blankToNull(text);
        if (value != null && value.length() > MAX_CRITERIA_LENGTH) {
            throw new DomainException.Invalid(field, "catalog.criteria.too-long", MAX_CRITERIA_LENGTH);
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public Long id() { return id; }
    public ClassKind kind() { return kind; }
    public String code() { return code; }
    public String majorCode() { return majorCode; }
    public String majorName() { return majorName; }
    public String name() { return name; }
    public String nameEn() { return nameEn; }
    public HandleLimit handleLimit() { return handleLimit; }
    public HandleLimitSource handleLimitSource() { return handleLimitSource; }
    public String handleLimitBasis() { return handleLimitBasis; }
    public String defaultDepartmentCode() { return defaultDepartmentCode; }
    public boolean urgent() { return urgent; }
    public String filingCriteria() { return filingCriteria; }
    public String closingCriteria() { return closingCriteria; }
    public int duplicateRadiusMeters() { return duplicateRadiusMeters; }
    public int version() { return version; }

    /** The CJ/T 214-2007 4-digit codes (of the same kind) that map onto this class, in order. */
    public Set<String> legacyCodes() {
        return legacyCodes.stream().map(LegacyCode::code).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The immutable form other modules read. */
    public CatalogClass snapshot() {
        return new CatalogClass(kind, code, majorCode, majorName, name, nameEn, handleLimit, handleLimitSource,
                handleLimitBasis, defaultDepartmentCode, urgent, filingCriteria, closingCriteria,
                duplicateRadiusMeters, legacyCodes().stream().toList(), version);
    }

    @Table("case_class_legacy_code")
    record LegacyCode(String code) {
    }
}
