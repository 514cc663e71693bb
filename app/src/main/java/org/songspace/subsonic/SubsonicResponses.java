package org.songspace.subsonic;

import io.javalin.http.Context;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.songspace.io.Json;

/**
 * The {@code subsonic-response} envelope, in JSON ({@code f=json}, or {@code f=jsonp} with a
 * {@code callback}) or XML (the default). Bodies are trees of maps, lists and scalars, written the way the
 * spec's two forms correspond: in XML a scalar is an attribute, a map a child element, and a list repeated
 * child elements of the list's name (a scalar item as the element's text). Every string written to XML
 * loses the characters XML 1.0 forbids (a tag with a control character must not cost a client the whole
 * answer).
 */
final class SubsonicResponses {
    static final String API_VERSION = "1.16.1";
    static final String SERVER_TYPE = "songspace";
    static final String NAMESPACE = "http://subsonic.org/restapi";
    private static final int MAX_CALLBACK = 100;

    private SubsonicResponses() {
    }

    /** A successful envelope to add the answer to. */
    static Map<String, Object> ok(String serverVersion) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", "ok");
        r.put("version", API_VERSION);
        r.put("type", SERVER_TYPE);
        r.put("serverVersion", serverVersion);
        r.put("openSubsonic", true);
        return r;
    }

    static Map<String, Object> failed(String serverVersion, SubsonicException e) {
        Map<String, Object> r = ok(serverVersion);
        r.put("status", "failed");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        r.put("error", error);
        return r;
    }

    static void send(Context ctx, Map<String, String> params, Map<String, Object> envelope) {
        String format = params.get("f");
        String callback = params.get("callback");
        ctx.status(200);
        try {
            if ("json".equals(format)) {
                ctx.contentType("application/json; charset=utf-8")
                        .result(Json.mapper().writeValueAsString(Map.of("subsonic-response", envelope)));
            } else if ("jsonp".equals(format) && callback != null && callback.length() <= MAX_CALLBACK
                    && callback.matches("[A-Za-z_$][A-Za-z0-9_$.]*")) {
                ctx.contentType("application/javascript; charset=utf-8").result(callback + "("
                        + Json.mapper().writeValueAsString(Map.of("subsonic-response", envelope)) + ");");
            } else {
                ctx.contentType("text/xml; charset=utf-8").result(xml(envelope));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a response tree always serialises", e);
        }
    }

    static String xml(Map<String, Object> envelope) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("subsonic-response");
            w.writeDefaultNamespace(NAMESPACE);
            element(w, envelope);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a response tree always serialises", e);
        }
        return out.toString();
    }

    /** Attributes first (XML needs them before children), then child elements. */
    private static void element(XMLStreamWriter w, Map<?, ?> body) throws XMLStreamException {
        for (Map.Entry<?, ?> e : body.entrySet()) {
            if (e.getValue() != null && !(e.getValue() instanceof Map) && !(e.getValue() instanceof List)) {
                w.writeAttribute(e.getKey().toString(), XmlText.clean(scalar(e.getValue())));
            }
        }
        for (Map.Entry<?, ?> e : body.entrySet()) {
            String name = e.getKey().toString();
            if (e.getValue() instanceof Map<?, ?> child) {
                w.writeStartElement(name);
                element(w, child);
                w.writeEndElement();
            } else if (e.getValue() instanceof List<?> items) {
                for (Object item : items) {
                    w.writeStartElement(name);
                    if (item instanceof Map<?, ?> child) {
                        element(w, child);
                    } else {
                        w.writeCharacters(XmlText.clean(scalar(item)));
                    }
                    w.writeEndElement();
                }
            }
        }
    }

    private static String scalar(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return String.format(Locale.ROOT, "%s", v);
        }
        return String.valueOf(v);
    }
}
