package org.songspace.subsonic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.songspace.io.Json;

/**
 * The {@code subsonic-response} envelope, in JSON ({@code f=json}, or {@code f=jsonp} with a
 * {@code callback}) or XML (the default). Answers are records (see {@code subsonic.model}) turned into one
 * JSON tree by Jackson, so each field is named once, in its record; null fields are left out. The XML is
 * written from the same tree the way the spec's two forms correspond: a scalar is an attribute, an object
 * a child element, an array repeated child elements of the array's name (a scalar item as the element's
 * text). Every string written to XML loses the characters XML 1.0 forbids (a tag with a control character
 * must not cost a client the whole answer).
 */
final class SubsonicResponses {
    static final String API_VERSION = "1.16.1";
    static final String SERVER_TYPE = "songspace";
    static final String NAMESPACE = "http://subsonic.org/restapi";
    private static final int MAX_CALLBACK = 100;
    private static final ObjectMapper MAPPER = Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);

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
        ObjectNode tree = MAPPER.valueToTree(envelope);
        ctx.status(200);
        try {
            if ("json".equals(format)) {
                ctx.contentType("application/json; charset=utf-8")
                        .result(MAPPER.writeValueAsString(Map.of("subsonic-response", tree)));
            } else if ("jsonp".equals(format) && callback != null && callback.length() <= MAX_CALLBACK
                    && callback.matches("[A-Za-z_$][A-Za-z0-9_$.]*")) {
                ctx.contentType("application/javascript; charset=utf-8").result(callback + "("
                        + MAPPER.writeValueAsString(Map.of("subsonic-response", tree)) + ");");
            } else {
                ctx.contentType("text/xml; charset=utf-8").result(xml(tree));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a response tree always serialises", e);
        }
    }

    static String xml(Map<String, Object> envelope) {
        return xml((ObjectNode) MAPPER.valueToTree(envelope));
    }

    private static String xml(ObjectNode envelope) {
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
    private static void element(XMLStreamWriter w, JsonNode body) throws XMLStreamException {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                w.writeAttribute(e.getKey(), XmlText.clean(e.getValue().asText()));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (e.getValue().isObject()) {
                w.writeStartElement(name);
                element(w, e.getValue());
                w.writeEndElement();
            } else if (e.getValue().isArray()) {
                for (JsonNode item : e.getValue()) {
                    w.writeStartElement(name);
                    if (item.isObject()) {
                        element(w, item);
                    } else {
                        w.writeCharacters(XmlText.clean(item.asText()));
                    }
                    w.writeEndElement();
                }
            }
        }
    }
}
