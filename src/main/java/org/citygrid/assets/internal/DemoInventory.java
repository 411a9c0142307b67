package org.citygrid.assets.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.Locator;
import org.citygrid.org.OrgDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's SYNTHETIC component inventory (profile {@code demo}): {@code citygrid.assets.demo-count} components
 * (default 200,000) at random places in Dongcheng's unit grids, with a mix of classes like a real census (many
 * manhole covers, lamps, street trees and bins; few toilets or ancient trees), the owning department a district
 * would have, and mostly 完好. Lamps, street trees, bins and bollards stand along a synthetic 200 m street lattice.
 * Seeded once, when the table is empty, after the application is ready (on a background thread unless
 * {@code demo-in-background=false}), in committed batches so the map fills while it runs. Deterministic (fixed seed).
 */
@Component
@Profile("demo")
class DemoInventory {

    static final String DISTRICT = "110101";
    static final String SYNTHETIC_NOTE = "合成演示数据（synthetic demo data）";
    private static final Logger log = LoggerFactory.getLogger(DemoInventory.class);
    private static final int CHUNK = 10_000;
    /** Dongcheng's bounding box (WGS84), a little generous; points outside its grids are drawn again. */
    private static final double MIN_LON = 116.37;
    private static final double MAX_LON = 116.455;
    private static final double MIN_LAT = 39.85;
    private static final double MAX_LAT = 39.975;
    /** About 200 m in degrees of latitude: the spacing of the synthetic street lattice. */
    private static final double STREET = 0.0018;

    /** A class of the mix: its weight (relative share), owning department and whether it lines streets. */
    record Share(String classCode, double weight, String department, boolean alongStreets) {
    }

    static final List<Share> MIX = List.of(
            new Share("01001", 9, "water", false), new Share("01002", 8, "drainage", false),
            new Share("01003", 8, "drainage", false), new Share("01004", 6, "drainage", true),
            new Share("01005", 5, "power", false), new Share("01006", 3, "lighting", true),
            new Share("01007", 6, "telecom", false), new Share("01010", 4, "heating", false),
            new Share("01011", 4, "gas", false), new Share("01013", 1.5, "water", true),
            new Share("01030", 2, "power", true), new Share("01031", 2, "telecom", true),
            new Share("01048", 0.5, "power", false), new Share("01037", 14, "lighting", true),
            new Share("03005", 9, "sanitation", true), new Share("03001", 0.3, "sanitation", false),
            new Share("04002", 12, "greening", true), new Share("04003", 2, "greening", false),
            new Share("04001", 0.2, "greening", false), new Share("04007", 1, "greening", false),
            new Share("02012", 1, "roads", true), new Share("02014", 0.6, "traffic", true),
            new Share("02017", 1.5, "traffic", true), new Share("02004", 0.5, "traffic", true),
            new Share("02027", 1, "roads", true), new Share("02021", 1.2, "roads", true));

    private final ComponentStore store;
    private final Locator locator;
    private final Catalog catalog;
    private final OrgDirectory org;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AssetsSettings settings;

    DemoInventory(ComponentStore store, Locator locator, Catalog catalog, OrgDirectory org,
                  PlatformTransactionManager transactions, Clock clock, AssetsSettings settings) {
        this.store = store;
        this.locator = locator;
        this.catalog = catalog;
        this.org = org;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void whenReady() {
        if (settings.demoInBackground()) {
            Thread.ofVirtual().name("demo-inventory").start(this::seedSafely);
        } else {
            seed();
        }
    }

    private void seedSafely() {
        try {
            seed();
        } catch (RuntimeException e) {
            log.error("Demo inventory could not be seeded", e);
        }
    }

    /** Seeds the inventory if it is empty; returns how many components were written. */
    int seed() {
        if (store.count() > 0 || settings.demoCount() <= 0) {
            return 0;
        }
        long start = System.nanoTime();
        var random = new Random(20261127L);
        var picker = new Picker(MIX);
        var serials = new HashMap<String, Integer>();
        var names = names();
        var owners = owners();
        int total = settings.demoCount();
        int written = 0;
        while (written < total) {
            var chunk = new ArrayList<ComponentRow>(Math.min(CHUNK, total - written));
            while (chunk.size() < Math.min(CHUNK, total - written)) {
                var share = picker.pick(random);
                var row = row(share, random, serials, names, owners);
                if (row != null) {
                    chunk.add(row);
                }
            }
            tx.executeWithoutResult(s -> store.insert(chunk, clock.instant()));
            written += chunk.size();
            log.info("Demo inventory (synthetic): {} of {} components written", written, total);
        }
        log.info("Demo inventory (synthetic): {} components of {} classes in {} ms", written, MIX.size(),
                (System.nanoTime() - start) / 1_000_000);
        return written;
    }

    private ComponentRow row(Share share, Random random, Map<String, Integer> serials, Map<String, String> names,
                             Map<String, String> owners) {
        double lon = MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON);
        double lat = MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT);
        if (share.alongStreets()) {
            double side = (random.nextDouble() - 0.5) * 0.00016; // within ~8 m of the street's centre line
            if (random.nextBoolean()) {
                lat = Math.round(lat / STREET) * STREET + side;
            } else {
                lon = Math.round(lon / STREET) * STREET + side * 1.3;
            }
        }
        var grid = locator.locate(lon, lat);
        if (grid.isEmpty() || !grid.get().districtCode().equals(DISTRICT)) {
            return null;
        }
        int serial = serials.merge(share.classCode(), 1, Integer::sum);
        var id = ComponentId.of(DISTRICT, share.classCode(), serial);
        var owner = owners.get(share.department());
        return new ComponentRow(id.value(), share.classCode(), names.get(share.classCode()), SYNTHETIC_NOTE,
                state(random), lon, lat, null, grid.get().gridCode(), owner, owner, true);
    }

    /** Mostly 完好: 93 % intact, 4 % damaged, 2 % occupied, 1 % missing. */
    private static ComponentState state(Random random) {
        double r = random.nextDouble();
        return r < 0.93 ? ComponentState.INTACT : r < 0.97 ? ComponentState.DAMAGED
                : r < 0.99 ? ComponentState.OCCUPIED : ComponentState.MISSING;
    }

    private Map<String, String> names() {
        var names = new HashMap<String, String>();
        for (var s : MIX) {
            names.put(s.classCode(), catalog.find(ClassKind.COMPONENT, s.classCode()).map(CatalogClass::name)
                    .orElseThrow(() -> new IllegalStateException("demo class " + s.classCode() + " not in catalog")));
        }
        return names;
    }

    /** The demo departments that exist (a department missing from this database leaves the owner empty). */
    private Map<String, String> owners() {
        var owners = new HashMap<String, String>();
        MIX.stream().map(Share::department).distinct().filter(org::departmentExists).forEach(d -> owners.put(d, d));
        return owners;
    }

    /** Picks a share with probability proportional to its weight. */
    private static final class Picker {
        private final List<Share> shares;
        private final double[] cumulative;

        Picker(List<Share> shares) {
            this.shares = shares;
            this.cumulative = new double[shares.size()];
            double sum = 0;
            for (int i = 0; i < shares.size(); i++) {
                sum += shares.get(i).weight();
                cumulative[i] = sum;
            }
        }

        Share pick(Random random) {
            double r = random.nextDouble() * cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length; i++) {
                if (r < cumulative[i]) {
                    return shares.get(i);
                }
            }
            return shares.getLast();
        }
    }
}
