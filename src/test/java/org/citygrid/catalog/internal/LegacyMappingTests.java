package org.citygrid.catalog.internal;

import java.util.List;

import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.internal.LegacyMapping.Rule;
import org.citygrid.catalog.internal.ReferenceData.DirectoryRow;
import org.citygrid.catalog.internal.ReferenceData.SynonymRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegacyMappingTests {

    private static final ReferenceData DATA = ReferenceData.load();
    private final LegacyMapping mapping = LegacyMapping.of(DATA.current(), DATA.legacy(), DATA.synonyms());

    private String target(ClassKind kind, String legacyCode) {
        return mapping.of(kind, legacyCode).map(m -> m.current().code()).orElse(null);
    }

    @Test
    void mapsALegacyClassToTheCurrentClassOfTheSameNameAndKind() {
        assertThat(target(ClassKind.COMPONENT, "0102")).isEqualTo("01002");
        assertThat(target(ClassKind.COMPONENT, "0118")).isEqualTo("01037");
        assertThat(target(ClassKind.COMPONENT, "0501")).isEqualTo("03008");
        assertThat(target(ClassKind.MATTER, "0101")).isEqualTo("06001");
        assertThat(target(ClassKind.MATTER, "0510")).isEqualTo("06029");
        assertThat(mapping.of(ClassKind.MATTER, "0101").orElseThrow().rule()).isEqualTo(Rule.SAME_NAME);
    }

    @Test
    void ignoresBracketedVariantsAndEnumerationCommasWhenComparingNames() {
        assertThat(target(ClassKind.MATTER, "0112")).isEqualTo("06014");
        assertThat(target(ClassKind.MATTER, "0407")).isEqualTo("10001");
        assertThat(LegacyMapping.normal("道路遗撒（洒）")).isEqualTo("道路遗撒");
    }

    @Test
    void mapsRenamedClassesThroughTheHandWrittenSynonyms() {
        assertThat(target(ClassKind.COMPONENT, "0101")).isEqualTo("01001");
        assertThat(target(ClassKind.COMPONENT, "0114")).isEqualTo("01023");
        assertThat(target(ClassKind.MATTER, "0507")).isEqualTo("06036");
        assertThat(mapping.of(ClassKind.COMPONENT, "0101").orElseThrow().rule()).isEqualTo(Rule.SYNONYM);
    }

    @Test
    void keepsTheSameLegacyCodeApartByKind() {
        assertThat(target(ClassKind.COMPONENT, "0101")).isEqualTo("01001");
        assertThat(target(ClassKind.MATTER, "0101")).isEqualTo("06001");
    }

    @Test
    void neverMapsAcrossKinds() {
        assertThat(mapping.all()).allSatisfy(m -> assertThat(m.current().kind()).isEqualTo(m.legacy().kind()));
    }

    @Test
    void leavesSplitAndDiscontinuedClassesUnmapped() {
        assertThat(mapping.unmapped()).extracting(r -> r.kind() + " " + r.code()).containsExactlyInAnyOrder(
                "COMPONENT 0117", "COMPONENT 0306", "COMPONENT 0307", "COMPONENT 0502", "COMPONENT 0601",
                "COMPONENT 0602",
                "MATTER 0199", "MATTER 0202", "MATTER 0205", "MATTER 0399", "MATTER 0401", "MATTER 0402",
                "MATTER 0403", "MATTER 0404", "MATTER 0405", "MATTER 0406", "MATTER 0409", "MATTER 0499",
                "MATTER 0509", "MATTER 0599");
        assertThat(mapping.all()).hasSize(139 - 20);
    }

    @Test
    void refusesASynonymThatDoesNotMatchTheDirectories() {
        var current = List.of(new DirectoryRow(ClassKind.COMPONENT, "01", "市政公用设施", "01001", "供水井盖", "x"));
        var legacy = List.of(new DirectoryRow(ClassKind.COMPONENT, "01", "公用设施", "0101", "上水井盖", "x"));
        var wrongName = List.of(new SynonymRow(ClassKind.COMPONENT, "0101", "上水井盖", "01001", "污水井盖"));

        assertThatThrownBy(() -> LegacyMapping.of(current, legacy, wrongName))
                .isInstanceOf(IllegalStateException.class);
        assertThat(LegacyMapping.of(current, legacy, List.of(
                new SynonymRow(ClassKind.COMPONENT, "0101", "上水井盖", "01001", "供水井盖"))).all()).hasSize(1);
    }

    @Test
    void refusesASynonymForAClassThatAlreadyHasASameNameSuccessor() {
        var current = List.of(new DirectoryRow(ClassKind.MATTER, "06", "市容环境类", "06010", "暴露垃圾", "x"),
                new DirectoryRow(ClassKind.MATTER, "06", "市容环境类", "06011", "积存垃圾渣土", "x"));
        var legacy = List.of(new DirectoryRow(ClassKind.MATTER, "01", "市容环境", "0102", "暴露垃圾", "x"));
        var shadowing = List.of(new SynonymRow(ClassKind.MATTER, "0102", "暴露垃圾", "06011", "积存垃圾渣土"));

        assertThatThrownBy(() -> LegacyMapping.of(current, legacy, shadowing))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expandsCodeRangesOfTheStandardsFile() {
        assertThat(ReferenceData.legacyCodes("0101-0103,0127")).containsExactly("0101", "0102", "0103", "0127");
        assertThat(ReferenceData.legacyCodes("")).isEmpty();
    }
}
