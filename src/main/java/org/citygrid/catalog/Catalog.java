package org.citygrid.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.citygrid.catalog.internal.CatalogReadModel;
import org.citygrid.platform.DomainException;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask the catalog: classes by kind and code, by legacy code, by text; a class's handling limit
 * and duplicate radius. Read-only and served from memory.
 */
@Service
public class Catalog {

    private final CatalogReadModel classes;

    Catalog(CatalogReadModel classes) {
        this.classes = classes;
    }

    public Optional<CatalogClass> find(ClassKind kind, String code) {
        return classes.find(kind, code);
    }

    /** The class, or a 404 problem naming the code. */
    public CatalogClass get(ClassKind kind, String code) {
        return find(kind, code).orElseThrow(() -> new DomainException.NotFound("catalog.class.unknown", code));
    }

    /**
     * The class named by a code and, where the code is ambiguous, a kind. Without a kind, a code that names both a
     * component and its mirror matter is a 400 problem asking for the kind; an unknown code is a 404 problem.
     */
    public CatalogClass resolve(ClassKind kind, String code) {
        if (kind != null) {
            return get(kind, code);
        }
        var found = withCode(code);
        if (found.size() > 1) {
            throw new DomainException.BadRequest("kind", "catalog.class.ambiguous", code);
        }
        return found.stream().findFirst()
                .orElseThrow(() -> new DomainException.NotFound("catalog.class.unknown", code));
    }

    /** Every class with this code: none, one, or a component and its mirror matter “X异常” (majors 01–05). */
    public List<CatalogClass> withCode(String code) {
        return classes.all().stream().filter(c -> c.code().equals(code)).toList();
    }

    /** All classes of a kind (both kinds when null), components first, by code. */
    public List<CatalogClass> list(ClassKind kind) {
        return classes.all().stream().filter(c -> kind == null || c.kind() == kind).toList();
    }

    /**
     * Classes whose Chinese or English name contains the text (case-insensitive), or whose code starts with it,
     * optionally of one kind. A blank text matches everything.
     */
    public List<CatalogClass> search(ClassKind kind, String text) {
        if (text == null || text.isBlank()) {
            return list(kind);
        }
        var q = text.strip().toLowerCase(Locale.ROOT);
        return list(kind).stream().filter(c -> c.code().startsWith(q) || c.name().toLowerCase(Locale.ROOT).contains(q)
                || c.nameEn().toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    /** The HANDLE stage limit of a class (WORKFLOW.md “Stage clocks”). */
    public HandleLimit handleLimit(ClassKind kind, String code) {
        return get(kind, code).handleLimit();
    }

    /** Within how many metres an open case of the same class counts as a duplicate candidate. */
    public int duplicateRadiusMeters(ClassKind kind, String code) {
        return get(kind, code).duplicateRadiusMeters();
    }

    /** The current class a CJ/T 214-2007 class (4-digit code, same kind) was mapped to; empty if unmapped. */
    public Optional<CatalogClass> byLegacyCode(ClassKind kind, String legacyCode) {
        return classes.byLegacyCode(kind, legacyCode);
    }
}
