package org.citygrid.assets.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.citygrid.geo.Crs;
import org.citygrid.geo.Gcj02;
import org.citygrid.geo.GridLocation;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Checking import files without a database: the world here is one district 990101 covering lon 100–101, lat 30–31,
 * with one grid per 0.1° column; classes 01001 and 04002; departments water and greening.
 */
class ComponentImportTests {

    private static final ComponentImport.Lookups WORLD = new ComponentImport.Lookups() {
        @Override
        public Optional<String> componentClass(String code) {
            return switch (code) {
                case "01001" -> Optional.of("供水井盖");
                case "04002" -> Optional.of("行道树");
                default -> Optional.empty();
            };
        }

        @Override
        public boolean department(String code) {
            return Set.of("water", "greening").contains(code);
        }

        @Override
        public Optional<GridLocation> locate(double lon, double lat) {
            if (lon < 100 || lon > 101 || lat < 30 || lat > 31) {
                return Optional.empty();
            }
            var grid = "990101000000%03d".formatted(1 + (int) ((lon - 100) * 10));
            return Optional.of(new GridLocation(grid, null, null, "990101", null, null));
        }
    };

    private static final String HEADER = "id,classCode,name,description,state,lon,lat,geometry,ownerDepartmentCode,"
            + "maintainerDepartmentCode\n";

    private static List<ComponentRow> csv(String text) {
        var check = new ComponentImport(Crs.WGS84, WORLD, true);
        CsvFormat.read(text, check, 1000);
        return check.result();
    }

    private static List<ImportProblem> csvProblems(String text) {
        try {
            csv(text);
        } catch (ImportRejected e) {
            return e.problems();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void aGoodRowIsLocatedAndNamedAfterItsClassWhenUnnamed() {
        var rows = csv(HEADER + "99010101001000001,01001,,,完好,100.05,30.5,,water,water\n"
                + "99010104002000007,04002,\"槐树, 东侧\",,DAMAGED,100.25,30.5,,greening,\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).name()).isEqualTo("供水井盖");
        assertThat(rows.get(0).gridCode()).isEqualTo("990101000000001");
        assertThat(rows.get(0).state()).isEqualTo(ComponentState.INTACT);
        assertThat(rows.get(1).name()).isEqualTo("槐树, 东侧");
        assertThat(rows.get(1).gridCode()).isEqualTo("990101000000003");
        assertThat(rows.get(1).maintainerDepartmentCode()).isNull();
    }

    @Test
    void everyBadRowIsReportedByItsLineAndField() {
        var problems = csvProblems(HEADER
                + "99010101001000001,01001,,,INTACT,100.05,30.5,,water,\n"       // line 2: good
                + "9901010100100000,01001,,,INTACT,100.05,30.5,,water,\n"        // line 3: 16 digits
                + "99010109999000001,,,,INTACT,100.05,30.5,,,\n"                 // line 4: unknown class
                + "99010101001000002,01001,,,broken,100.05,30.5,,,\n"            // line 5: state
                + "99010101001000003,01001,,,,120,30.5,,,\n"                     // line 6: outside every grid
                + "99010201001000004,01001,,,,100.05,30.5,,,\n"                  // line 7: county is not the district
                + "99010101001000005,01001,,,,100.05,30.5,,fire,\n"              // line 8: unknown department
                + "99010101001000001,01001,,,,100.05,30.5,,,\n"                  // line 9: duplicate of line 2
                + "99010101001000006,04002,,,,100.05,30.5,,,\n"                  // line 10: class mismatch
                + "99010101001000007,01001,,,,east,30.5,,,\n");                  // line 11: not a number

        assertThat(problems).extracting(ImportProblem::line, ImportProblem::field, ImportProblem::messageKey)
                .containsExactly(
                        tuple(3, "id", "assets.id.shape"),
                        tuple(4, "id", "assets.id.class"),
                        tuple(5, "state", "assets.import.state.unknown"),
                        tuple(6, "lon", "assets.import.point.outside"),
                        tuple(7, "id", "assets.id.county"),
                        tuple(8, "ownerDepartmentCode",
                                "assets.import.department.unknown"),
                        tuple(9, "id", "assets.import.id.duplicate"),
                        tuple(10, "classCode", "assets.import.class.mismatch"),
                        tuple(11, "lon", "assets.import.number"));
        assertThat(problems).allSatisfy(p -> assertThat(p.feature()).isNull());
    }

    @Test
    void lineNumbersCountBlankLinesAndQuotedLineBreaks() {
        var problems = csvProblems(HEADER
                + "99010101001000001,01001,\"two\nlines\",,,100.05,30.5,,,\n"  // lines 2-3
                + "\n"                                                          // line 4
                + "99010101001000002,01001,,,nope,100.05,30.5,,,\n");          // line 5

        assertThat(problems).extracting(ImportProblem::line).containsExactly(5);
    }

    @Test
    void aLineOrPolygonGivesTheShapeAndARepresentativePointOnIt() {
        var rows = csv(HEADER + "99010104002000001,,,,,,,\"LINESTRING (100.01 30.5, 100.03 30.5)\",,\n"
                + "99010104002000002,,,,,,,\"POLYGON ((100.3 30.3, 100.4 30.3, 100.4 30.4, 100.3 30.4, "
                + "100.3 30.3))\",,\n");

        assertThat(rows.get(0).shape()).startsWith("LINESTRING");
        assertThat(rows.get(0).lat()).isEqualTo(30.5);
        assertThat(rows.get(0).lon()).isBetween(100.01, 100.03);
        assertThat(rows.get(1).lon()).isBetween(100.3, 100.4);
        assertThat(rows.get(1).lat()).isBetween(30.3, 30.4);
    }

    @Test
    void aPointAsShapeOrBrokenWktIsRefused() {
        var problems = csvProblems(HEADER + "99010104002000001,,,,,100.05,30.5,POINT (100.05 30.5),,\n"
                + "99010104002000002,,,,,100.05,30.5,LINESTRING (100.05,,\n");

        assertThat(problems).extracting(ImportProblem::line, ImportProblem::messageKey).containsExactly(
                tuple(2, "assets.import.geometry.type"),
                tuple(3, "assets.import.geometry.wkt"));
    }

    @Test
    void gcj02PositionsAreStoredInWgs84() {
        var wgs = new double[] {100.5, 30.5};
        var gcj = Gcj02.fromWgs84(wgs[0], wgs[1]);
        var check = new ComponentImport(Crs.GCJ02, WORLD, true);
        CsvFormat.read(HEADER + "99010101001000001,,,,," + gcj.lon() + "," + gcj.lat() + ",,,\n", check, 10);

        var row = check.result().getFirst();
        assertThat(row.lon()).isCloseTo(wgs[0], within(1e-7));
        assertThat(row.lat()).isCloseTo(wgs[1], within(1e-7));
    }

    @Test
    void aHeaderWithAnUnknownColumnOrWithoutIdIsRefusedAsAWhole() {
        assertThat(csvProblems("id,colour\n99010101001000001,red\n")).extracting(ImportProblem::line,
                ImportProblem::field).containsExactly(tuple(1, "colour"));
        assertThat(csvProblems("name,lon,lat\nx,100.1,30.1\n")).extracting(ImportProblem::messageKey)
                .containsExactly("assets.import.csv.column.missing");
        assertThat(csvProblems("")).extracting(ImportProblem::messageKey).containsExactly("assets.import.empty");
        assertThat(csvProblems(HEADER)).extracting(ImportProblem::messageKey).containsExactly("assets.import.empty");
    }

    @Test
    void aRowWithTooFewFieldsOrAnUnclosedQuoteIsReported() {
        assertThat(csvProblems(HEADER + "99010101001000001,01001\n")).extracting(ImportProblem::line,
                ImportProblem::messageKey).containsExactly(tuple(2,
                "assets.import.csv.fields"));
        assertThat(csvProblems(HEADER + "99010101001000001,\"01001,,,,100.05,30.5,,,\n"))
                .extracting(ImportProblem::messageKey).contains("assets.import.csv.malformed");
    }

    @Test
    void moreRowsThanTheLimitAreRefusedBeforeCheckingThem() {
        var check = new ComponentImport(Crs.WGS84, WORLD, true);
        CsvFormat.read(HEADER + "99010101001000001,,,,,100.05,30.5,,,\n99010101001000002,,,,,100.05,30.5,,,\n",
                check, 1);

        assertThatThrownBy(check::result).isInstanceOfSatisfying(ImportRejected.class, e ->
                assertThat(e.problems()).extracting(ImportProblem::messageKey)
                        .containsExactly("assets.import.too-many-rows"));
    }

    @Test
    void geoJsonFeaturesAreReportedByTheirIndex() {
        var json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"id":"99010101001000001","state":"完好"},
                  "geometry":{"type":"Point","coordinates":[100.05,30.5]}},
                 {"type":"Feature","properties":{"id":99010104002000001},
                  "geometry":{"type":"LineString","coordinates":[[100.01,30.2],[100.02,30.2]]}},
                 {"type":"Feature","properties":{"id":"99010101001000002"},
                  "geometry":{"type":"Polygon","coordinates":[[[100.1,30.1],[100.2,30.1],[100.2,30.2]]]}},
                 {"type":"Thing"},
                 {"type":"Feature","properties":{"id":"99010101001000003","ownerDepartmentCode":"fire"},
                  "geometry":{"type":"Point","coordinates":[100.05,30.5]}}
                ]}""";
        var check = new ComponentImport(Crs.WGS84, WORLD, false);
        GeoJsonFormat.read(JsonMapper.builder().build().readTree(json), check, 100);

        assertThatThrownBy(check::result).isInstanceOfSatisfying(ImportRejected.class, e ->
                assertThat(e.problems()).extracting(ImportProblem::feature, ImportProblem::field)
                        .containsExactly(tuple(2, "geometry"),
                                tuple(3, null),
                                tuple(4, "ownerDepartmentCode")));
    }

    @Test
    void notAFeatureCollectionIsAProblemOfTheWholeFile() {
        var check = new ComponentImport(Crs.WGS84, WORLD, false);
        GeoJsonFormat.read(JsonMapper.builder().build().readTree("[1,2]"), check, 100);

        assertThatThrownBy(check::result).isInstanceOfSatisfying(ImportRejected.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.feature()).isNull();
                    assertThat(p.messageKey()).isEqualTo("assets.import.geojson.not-collection");
                }));
    }
}
