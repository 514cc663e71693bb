package org.songspace.subsonic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every character XML 1.0 forbids, in attributes and in text, still gives a document that parses. */
class XmlTextTest {
    @Test
    void everyControlCharacterAndLoneSurrogateIsDropped() throws Exception {
        StringBuilder all = new StringBuilder("A");
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        all.append('\uD800').append("B").append('\uDC00').append('\uFFFE').append('\uFFFF').append("\uD83C\uDFB5");
        Map<String, Object> song = new LinkedHashMap<>();
        song.put("title", all.toString());
        Map<String, Object> envelope = SubsonicResponses.ok("test");
        envelope.put("song", song);
        envelope.put("genre", List.of(all.toString()));
        String xml = SubsonicResponses.xml(envelope);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element title = (Element) doc.getElementsByTagName("song").item(0);
        // Tab, newline and carriage return are allowed (a parser may normalise them): only they and the text stay.
        assertEquals("AB\uD83C\uDFB5", title.getAttribute("title").replaceAll("[\t\n\r ]", ""));
        assertEquals("AB\uD83C\uDFB5", doc.getElementsByTagName("genre").item(0).getTextContent().replaceAll("[\t\n\r]", ""));
        assertEquals("plain", XmlText.clean("plain"));
    }
}
