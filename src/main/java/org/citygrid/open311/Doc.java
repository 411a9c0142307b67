package org.citygrid.open311;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * One response of GeoReport v2, written as XML or JSON from the same tree (open311.md §1.1, the "Spark convention"):
 * a root element that JSON drops, objects, lists whose XML wraps each item in an element of its own, and scalars
 * (text, numbers, booleans, null: an empty XML element, JSON null).
 */
record Doc(String root, Object body) {

    /** An object: fields in order. */
    static final class Obj {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Obj put(String name, Object value) {
            fields.put(name, value);
            return this;
        }

        Map<String, Object> fields() {
            return fields;
        }
    }

    /** A list; in XML each item is an {@code <item>} element inside the list's own element. */
    record Items(String item, List<?> values) {
        Items {
            values = new ArrayList<>(values);
        }
    }

    static final String XML_TYPE = "text/xml";
    static final String JSON_TYPE = "application/json";
    static final String XML = "text/xml; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    // the JDK's own writer, not whichever StAX implementation the class path offers (they differ in details such as the
    // quotes of the XML declaration, which clients compare)
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    byte[] json() {
        return JSON_MAPPER.writeValueAsBytes(plain(body));
    }

    private static Object plain(Object value) {
        if (value instanceof Obj o) {
            var map = new LinkedHashMap<String, Object>();
            o.fields().forEach((k, v) -> map.put(k, plain(v)));
            return map;
        }
        if (value instanceof Items items) {
            return items.values().stream().map(Doc::plain).toList();
        }
        return value;
    }

    byte[] xml() {
        var out = new ByteArrayOutputStream();
        try {
            var w = XML_OUTPUT.createXMLStreamWriter(out, "utf-8");
            w.writeStartDocument("utf-8", "1.0");
            element(w, root, body);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value instanceof Obj o) {
            for (var e : o.fields().entrySet()) {
                element(w, e.getKey(), e.getValue());
            }
        } else if (value instanceof Items items) {
            for (var v : items.values()) {
                element(w, items.item(), v);
            }
        } else {
            w.writeCharacters(text(value));
        }
        w.writeEndElement();
    }

    private static String text(Object scalar) {
        if (scalar instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        return String.valueOf(scalar);
    }

    byte[] bytes(Format format) {
        return format == Format.XML ? xml() : json();
    }

    /** The two formats of every resource, chosen by the resource's suffix. */
    enum Format {
        XML(Doc.XML), JSON(Doc.JSON);

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        String contentType() {
            return contentType;
        }

        /** The format of a suffix ({@code xml} or {@code json}), or null for any other. */
        static Format of(String suffix) {
            if ("xml".equals(suffix)) {
                return XML;
            }
            return "json".equals(suffix) ? JSON : null;
        }
    }
}
