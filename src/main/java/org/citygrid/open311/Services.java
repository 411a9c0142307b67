package org.citygrid.open311;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The catalog as GeoReport services. Each matter class (事件/事件类) is a service whose {@code service_code} is its
 * 5-digit class code: matter codes are unique, while each component code is shared with its mirror matter "X异常"
 * (majors 01–05), so the matter stands for both and a GET filter on that code finds cases of either kind.
 * <p>Attributes: a matter that mirrors a component asks for the optional {@code component_id} (17-digit 部件标识码); a
 * class with filing criteria (立案标准) shows them as an informational attribute {@code filing_criteria}.
 */
@Component
class Services {

    static final String COMPONENT_ID = "component_id";
    static final String FILING_CRITERIA = "filing_criteria";

    /** One attribute of a service definition (open311.md §1.3 (2)). */
    record Attribute(boolean variable, String code, String datatype, boolean required, String datatypeDescription,
                     int order, String description) {
    }

    private final Catalog catalog;
    private final MessageSource messages;

    Services(Catalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    List<CatalogClass> all() {
        return catalog.list(ClassKind.MATTER);
    }

    Optional<CatalogClass> find(String serviceCode) {
        return catalog.find(ClassKind.MATTER, serviceCode);
    }

    boolean mirrorsComponent(CatalogClass c) {
        return catalog.find(ClassKind.COMPONENT, c.code()).isPresent();
    }

    List<Attribute> attributes(CatalogClass c, Locale locale) {
        var list = new ArrayList<Attribute>();
        if (mirrorsComponent(c)) {
            list.add(new Attribute(true, COMPONENT_ID, "string", false,
                    messages.getMessage("open311.attribute.component-id.hint", null, locale), list.size() + 1,
                    messages.getMessage("open311.attribute.component-id", null, locale)));
        }
        if (c.filingCriteria() != null && !c.filingCriteria().isBlank()) {
            list.add(new Attribute(false, FILING_CRITERIA, "text", false,
                    messages.getMessage("open311.attribute.filing-criteria.hint", null, locale), list.size() + 1,
                    c.filingCriteria()));
        }
        return list;
    }

    String name(CatalogClass c, Locale locale) {
        return english(locale) && !c.nameEn().isBlank() ? c.nameEn() : c.name();
    }

    String group(CatalogClass c) {
        return c.majorName();
    }

    /** Both names and the legacy CJ/T 214 codes: what a client may search for. */
    String keywords(CatalogClass c) {
        var words = new LinkedHashSet<String>();
        words.add(c.name().replace(",", " "));
        if (!c.nameEn().isBlank()) {
            words.add(c.nameEn().replace(",", " "));
        }
        words.addAll(c.legacyCodes());
        return String.join(",", words);
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
