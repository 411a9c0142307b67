package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.List;

import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.GeocodeCandidate;
import org.citygrid.geo.GeocodeCandidate.Kind;
import org.citygrid.geo.GridLocation;
import org.citygrid.geo.LonLat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The matching rules of the gazetteer, on real division names (NBS 2023) with made-up points. */
class GazetteerTests {

    private static final Gazetteer GAZETTEER = Gazetteer.of(divisions(), List.of(
            address("东华门大街5号院", "北京市东城区东华门街道东华门大街5号院", 116.401, 39.912, "110101001001"),
            address("王府井百货", "东城区王府井大街255号", 116.410, 39.914, "110101001015")));

    private static List<Gazetteer.DivisionEntry> divisions() {
        var list = new ArrayList<Gazetteer.DivisionEntry>();
        list.add(division("110101", "东城区", DivisionLevel.DISTRICT, null));
        list.add(division("110102", "西城区", DivisionLevel.DISTRICT, null));
        list.add(division("110101001", "东华门街道", DivisionLevel.STREET, "110101"));
        list.add(division("110101010", "和平里街道", DivisionLevel.STREET, "110101"));
        list.add(division("110102020", "广安门外街道", DivisionLevel.STREET, "110102"));
        list.add(division("110101001001", "多福巷社区居委会", DivisionLevel.COMMUNITY, "110101001"));
        list.add(division("110101001015", "王府井社区居委会", DivisionLevel.COMMUNITY, "110101001"));
        list.add(division("110101010026", "青年湖社区居委会", DivisionLevel.COMMUNITY, "110101010"));
        list.add(division("110102020002", "青年湖社区居委会", DivisionLevel.COMMUNITY, "110102020"));
        return list;
    }

    private static Gazetteer.DivisionEntry division(String code, String name, DivisionLevel level, String parent) {
        var lon = 116 + Integer.parseInt(code.substring(code.length() - 3)) / 1000.0;
        return new Gazetteer.DivisionEntry(code, name, level, parent, new LonLat(lon, 39.9), null);
    }

    private static Gazetteer.AddressEntry address(String name, String address, double lon, double lat,
                                                  String community) {
        return new Gazetteer.AddressEntry(name, address, lon, lat, new GridLocation(community + "001", community,
                community.substring(0, 9), community.substring(0, 6), null, null));
    }

    private static List<GeocodeCandidate> search(String q) {
        return GAZETTEER.search(q, 10);
    }

    private static GeocodeCandidate best(String q) {
        return search(q).getFirst();
    }

    @Test
    void aCommunityIsFoundByItsFullNameItsCommonNameAndItsShortName() {
        for (var q : List.of("多福巷社区居委会", "多福巷社区", "多福巷")) {
            var best = best(q);
            assertThat(best.code()).as(q).isEqualTo("110101001001");
            assertThat(best.kind()).isEqualTo(Kind.COMMUNITY);
            assertThat(best.name()).isEqualTo("多福巷社区");
            assertThat(best.score()).as(q).isEqualTo(0.95);
        }
    }

    @Test
    void anySuffixOfTheLevelMatchesNotOnlyTheOneInTheName() {
        assertThat(best("多福巷居委会").code()).isEqualTo("110101001001");
        assertThat(best("多福巷居委会").score()).isEqualTo(best("多福巷社区").score());
        assertThat(best("东华门街道办事处").code()).isEqualTo("110101001");
        assertThat(best("东华门街道办事处").score()).isEqualTo(best("东华门").score());
    }

    @Test
    void theCityAndDistrictPrefixDoNotLowerTheScore() {
        var bare = best("东华门街道多福巷社区");
        var prefixed = best("北京市东城区东华门街道多福巷社区");
        assertThat(prefixed.code()).isEqualTo(bare.code()).isEqualTo("110101001001");
        assertThat(prefixed.score()).isEqualTo(bare.score());
        assertThat(best("北京东城区").kind()).isEqualTo(Kind.DISTRICT);
    }

    @Test
    void streetAndCommunityTogetherOutrankEitherAlone() {
        var results = search("东华门街道多福巷社区");
        assertThat(results).extracting(GeocodeCandidate::code).startsWith("110101001001", "110101001");
        assertThat(results.get(0).score()).isGreaterThan(results.get(1).score());
        assertThat(results.get(0).matched()).isEqualTo("东华门街道多福巷社区");
        assertThat(best("多福巷社区").score()).isEqualTo(results.get(0).score());
    }

    @Test
    void anAmbiguousCommunityNameIsDecidedByTheStreetOrDistrictGivenElseByCode() {
        assertThat(search("青年湖社区")).extracting(GeocodeCandidate::code)
                .containsExactly("110101010026", "110102020002");
        assertThat(search("青年湖社区").get(0).score()).isEqualTo(search("青年湖社区").get(1).score());
        assertThat(best("广安门外青年湖").code()).isEqualTo("110102020002");
        assertThat(best("西城区青年湖社区").code()).isEqualTo("110102020002");
        assertThat(best("和平里街道青年湖").code()).isEqualTo("110101010026");
    }

    @Test
    void addressPointsMatchWhateverTheDigitsWidthSpacesAndHaoOrHaoYuan() {
        for (var q : List.of("东华门大街5号院", "东华门大街5号", "东华门大街５号", "东华门大街 5 号",
                "北京市东城区东华门大街5号", "东华门街道东华门大街５号院")) {
            var best = best(q);
            assertThat(best.kind()).as(q).isEqualTo(Kind.ADDRESS);
            assertThat(best.name()).isEqualTo("东华门大街5号院");
            assertThat(best.score()).as(q).isEqualTo(1.0);
            assertThat(best.gridCode()).isEqualTo("110101001001001");
        }
    }

    @Test
    void anAddressPointIsFoundByItsNameOrItsAddressAndPartlyByAFragment() {
        assertThat(best("王府井百货").name()).isEqualTo("王府井百货");
        assertThat(best("王府井大街255号").name()).isEqualTo("王府井百货");
        var fragment = best("王府井大街");
        assertThat(fragment.name()).isEqualTo("王府井百货");
        assertThat(fragment.score()).isLessThan(best("王府井大街255号").score());
    }

    @Test
    void aQueryThatNamesNothingKnownHasNoCandidates() {
        assertThat(search("上海市浦东新区陆家嘴")).isEmpty();
        assertThat(search("！！！")).isEmpty();
    }

    @Test
    void aOneCharacterShortNameNeedsItsSuffix() {
        var gazetteer = Gazetteer.of(List.of(new Gazetteer.DivisionEntry("110101001099", "东社区居委会",
                DivisionLevel.COMMUNITY, null, new LonLat(116, 39.9), null)), List.of());
        assertThat(gazetteer.search("东城", 5)).isEmpty();
        assertThat(gazetteer.search("东社区", 5)).extracting(GeocodeCandidate::code).containsExactly("110101001099");
    }

    @Test
    void theNearestAddressIsTheClosestWithinTheRadius() {
        assertThat(GAZETTEER.nearest(116.4011, 39.912, 100)).map(Gazetteer.AddressEntry::name)
                .contains("东华门大街5号院");
        assertThat(GAZETTEER.nearest(116.405, 39.912, 100)).isEmpty();
    }
}
