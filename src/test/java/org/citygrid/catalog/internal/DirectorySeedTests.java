package org.citygrid.catalog.internal;

import java.util.List;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.HandleLimit;
import org.citygrid.catalog.HandleLimitSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DirectorySeedTests {

    private static final List<CaseClass> CLASSES = new DirectorySeed(ReferenceData.load()).classes();

    private static CaseClass find(ClassKind kind, String code) {
        return CLASSES.stream().filter(c -> c.kind() == kind && c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void seedsTheWholeNationalDirectory() {
        assertThat(CLASSES).filteredOn(c -> c.kind() == ClassKind.COMPONENT).hasSize(153);
        assertThat(CLASSES).filteredOn(c -> c.kind() == ClassKind.MATTER).hasSize(250);
        assertThat(CLASSES).allSatisfy(c -> assertThat(c.code()).matches("\\d{5}").startsWith(c.majorCode()));
    }

    @Test
    void aKnownComponentAndItsMirrorMatterHaveTheirNames() {
        var cover = find(ClassKind.COMPONENT, "01001");
        assertThat(cover.name()).isEqualTo("供水井盖");
        assertThat(cover.nameEn()).isEqualTo("Water-supply manhole cover");
        assertThat(cover.majorName()).isEqualTo("市政公用设施");
        assertThat(cover.legacyCodes()).containsExactly("0101");
        var abnormal = find(ClassKind.MATTER, "01001");
        assertThat(abnormal.name()).isEqualTo("供水井盖异常");
        assertThat(abnormal.majorName()).isEqualTo("市政公用设施类");
    }

    @Test
    void aClassWithoutStandardGetsOneWorkingDayMarkedDefault() {
        var c = find(ClassKind.MATTER, "09021");
        assertThat(c.handleLimit()).isEqualTo(new HandleLimit(1, TimeUnit.WORK_DAYS));
        assertThat(c.handleLimitSource()).isEqualTo(HandleLimitSource.DEFAULT);
        assertThat(c.handleLimitBasis()).isNull();
        assertThat(c.filingCriteria()).isNull();
        assertThat(c.duplicateRadiusMeters()).isEqualTo(50);
        assertThat(c.urgent()).isFalse();
        assertThat(c.defaultDepartmentCode()).isNull();
    }

    @Test
    void aMatterMatchedThroughItsLegacyCodeGetsTheRealLimitAndCriteria() {
        var c = find(ClassKind.MATTER, "06001");
        assertThat(c.name()).isEqualTo("私搭乱建");
        assertThat(c.handleLimit()).isEqualTo(new HandleLimit(4, TimeUnit.WORK_HOURS));
        assertThat(c.handleLimitSource()).isEqualTo(HandleLimitSource.STANDARD);
        assertThat(c.handleLimitBasis()).contains("停工4个工作时").contains("renrendoc.com");
        assertThat(c.filingCriteria()).startsWith("无规划许可");
        assertThat(c.closingCriteria()).isEqualTo("停工；依法实施行政处罚；彻底拆除");
    }

    @Test
    void theEarlierCaseStandardWinsOverALaterOneForTheSameClass() {
        assertThat(find(ClassKind.MATTER, "06010").handleLimit()).isEqualTo(new HandleLimit(4, TimeUnit.WORK_HOURS));
        assertThat(find(ClassKind.MATTER, "06012").handleLimit()).isEqualTo(new HandleLimit(2, TimeUnit.WORK_HOURS));
    }

    @Test
    void aCaseStandardWinsOverACityRegulation() {
        var sewage = find(ClassKind.COMPONENT, "01002");
        assertThat(sewage.handleLimit()).isEqualTo(new HandleLimit(2, TimeUnit.NATURAL_HOURS));
        assertThat(sewage.handleLimitBasis()).startsWith("太原市");
        var gas = find(ClassKind.COMPONENT, "01011");
        assertThat(gas.handleLimit()).isEqualTo(new HandleLimit(6, TimeUnit.NATURAL_HOURS));
        assertThat(gas.handleLimitBasis()).startsWith("广州市");
    }

    @Test
    void aComponentsStandardAlsoAppliesToItsAbnormalMatter() {
        var lamp = find(ClassKind.MATTER, "01037");
        assertThat(lamp.name()).isEqualTo("路灯异常");
        assertThat(lamp.handleLimit()).isEqualTo(new HandleLimit(1, TimeUnit.WORK_DAYS));
        assertThat(lamp.handleLimitSource()).isEqualTo(HandleLimitSource.STANDARD);
        assertThat(lamp.filingCriteria()).isEqualTo("连续3盏路灯不亮");
        assertThat(find(ClassKind.MATTER, "01002").handleLimit())
                .isEqualTo(new HandleLimit(2, TimeUnit.NATURAL_HOURS));
    }

    @Test
    void skipsDispatchAndArrivalStagesWhenSeedingALimit() {
        assertThat(find(ClassKind.MATTER, "06029").handleLimit())
                .isEqualTo(new HandleLimit(2, TimeUnit.NATURAL_HOURS));
    }

    @Test
    void seedsRealLimitsOnlyWhereAStandardMatches() {
        var standard = CLASSES.stream().filter(c -> c.handleLimitSource() == HandleLimitSource.STANDARD)
                .map(c -> c.kind() + " " + c.code()).toList();
        assertThat(standard).hasSize(2 * 19 + 7)
                .contains("MATTER 06011", "MATTER 06017", "MATTER 06025", "COMPONENT 01013", "MATTER 01023")
                .doesNotContain("MATTER 06013", "COMPONENT 01014");
    }
}
