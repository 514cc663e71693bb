package org.songspace.subsonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.cli.TestPipeline;
import org.songspace.web.WebServer;

/**
 * The calls Symfonium, Feishin, Supersonic, Tempo, DSub and Substreamer make at login and on their first
 * screens, and the buttons that start a radio or an instant mix: each answers (no error 70), conforms to
 * the spec, and what a listener does (stars, ratings, plays, playlists, bookmarks, queues) is kept.
 */
class SubsonicClientStartTest {
    static final String KEY = "erin-key-0123456789abcdef";
    static final String SONG = "rock/rock.00000";

    @TempDir
    static Path tmp;
    static WebServer server;
    static SubsonicClient erin;
    static SubsonicClient frank;

    @BeforeAll
    static void start() throws Exception {
        TestPipeline.Built built = TestPipeline.shared();
        Path users = secret("users", "erin:pass one\nfrank:pass two\n");
        Path keys = secret("keys", "erin:" + KEY + "\nfrank:frank-key-0123456789abcdef\n");
        server = new WebServer(built.index(), users, keys, tmp.resolve("state"));
        String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        erin = new SubsonicClient(base, KEY);
        frank = new SubsonicClient(base, "frank-key-0123456789abcdef");
        if (!PublishedSchemas.available()) {
            System.out.println("SubsonicClientStartTest: " + PublishedSchemas.whyNot());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static Path secret(String name, String content) throws Exception {
        return org.songspace.cli.TestSupport.secret(tmp, name, content);
    }

    @Test
    void loginAndStartScreensAnswer() throws Exception {
        assertEquals("erin", erin.ok("getUser").get("user").get("username").asText());
        assertEquals("erin", erin.ok("tokenInfo").get("tokenInfo").get("username").asText());
        JsonNode scan = erin.ok("getScanStatus").get("scanStatus");
        assertFalse(scan.get("scanning").asBoolean());
        assertEquals(40, scan.get("count").asInt());
        erin.ok("startScan");
        erin.ok("getMusicFolders");
        JsonNode genres = erin.ok("getGenres").get("genres").get("genre");
        assertEquals(10, genres.size(), genres.toString());
        assertEquals(4, genres.get(0).get("songCount").asInt());
        for (String type : List.of("random", "newest", "highest", "frequent", "recent", "starred", "alphabeticalByName",
                "alphabeticalByArtist")) {
            JsonNode list = erin.ok("getAlbumList2", "type", type, "size", "5").get("albumList2");
            assertTrue(list.has("album") || List.of("highest", "frequent", "recent", "starred").contains(type), type + ": " + list);
            erin.ok("getAlbumList", "type", type, "size", "5");
        }
        assertEquals(5, erin.ok("getAlbumList2", "type", "alphabeticalByName", "size", "5").get("albumList2").get("album").size());
        assertEquals(4, erin.ok("getAlbumList2", "type", "byGenre", "genre", "jazz", "size", "50").get("albumList2").get("album").size());
        erin.ok("getAlbumList2", "type", "byYear", "fromYear", "2020", "toYear", "1990");
        erin.fails(10, "getAlbumList2", "type", "byYear");
        erin.fails(0, "getAlbumList2", "type", "noSuchType");
        JsonNode random = erin.ok("getRandomSongs", "size", "7", "genre", "metal").get("randomSongs").get("song");
        assertEquals(4, random.size(), "only 4 metal songs");
        for (JsonNode s : random) {
            assertEquals("metal", s.get("genre").asText());
        }
        assertEquals(3, erin.ok("getSongsByGenre", "genre", "blues", "count", "3").get("songsByGenre").get("song").size());
        for (String empty : List.of("getPodcasts", "getNewestPodcasts", "getInternetRadioStations", "getShares",
                "getChatMessages", "getBookmarks", "getNowPlaying", "getPlaylists", "getStarred", "getStarred2")) {
            erin.ok(empty);
        }
        erin.ok("search2", "query", "rock");
        assertEquals(4, erin.ok("search3", "query", "rock piece").get("searchResult3").get("song").size());
    }

    @Test
    void xmlAnswersParseWithTheSpecsRootAndNamespace() throws Exception {
        String albumId = erin.ok("getSong", "id", SONG).get("song").get("albumId").asText();
        String artistId = erin.ok("getSong", "id", SONG).get("song").get("artistId").asText();
        List<String[]> calls = List.of(new String[] {"getUser"}, new String[] {"getScanStatus"}, new String[] {"getGenres"},
                new String[] {"getIndexes"}, new String[] {"getAlbumList2", "type", "newest"}, new String[] {"getAlbumList", "type", "random"},
                new String[] {"getRandomSongs"}, new String[] {"getSongsByGenre", "genre", "rock"}, new String[] {"getStarred"},
                new String[] {"getStarred2"}, new String[] {"getPlaylists"}, new String[] {"getNowPlaying"}, new String[] {"getBookmarks"},
                new String[] {"getPlayQueue"}, new String[] {"tokenInfo"}, new String[] {"search2", "query", "rock"},
                new String[] {"getSimilarSongs", "id", SONG}, new String[] {"getSimilarSongs2", "id", artistId},
                new String[] {"getTopSongs", "artist", "rock band A"}, new String[] {"getArtistInfo2", "id", artistId},
                new String[] {"getAlbumInfo2", "id", albumId}, new String[] {"getMusicDirectory", "id", albumId},
                new String[] {"getPodcasts"}, new String[] {"getInternetRadioStations"});
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String[] call : calls) {
            byte[] xml = erin.raw(call[0], SubsonicClient.query(java.util.Arrays.copyOfRange(call, 1, call.length))).body();
            org.w3c.dom.Element root = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml)).getDocumentElement();
            assertEquals("subsonic-response", root.getLocalName(), call[0]);
            assertEquals("http://subsonic.org/restapi", root.getNamespaceURI(), call[0]);
            assertEquals("ok", root.getAttribute("status"), call[0] + ": " + new String(xml, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void foldersBrowseLikeTheFileLayout() throws Exception {
        JsonNode indexes = erin.ok("getIndexes").get("indexes");
        List<String> folders = new ArrayList<>();
        indexes.get("index").forEach(i -> i.get("artist").forEach(a -> folders.add(a.get("name").asText())));
        assertEquals(List.of("ambient", "blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "reggae", "rock"), folders);
        String rockId = null;
        for (JsonNode i : indexes.get("index")) {
            for (JsonNode a : i.get("artist")) {
                if (a.get("name").asText().equals("rock")) {
                    rockId = a.get("id").asText();
                }
            }
        }
        JsonNode dir = erin.ok("getMusicDirectory", "id", rockId).get("directory");
        assertEquals("rock", dir.get("name").asText());
        assertEquals(4, dir.get("child").size());
        assertFalse(dir.get("child").get(0).get("isDir").asBoolean());
        String albumId = erin.ok("getSong", "id", SONG).get("song").get("albumId").asText();
        assertEquals(SONG, erin.ok("getMusicDirectory", "id", albumId).get("directory").get("child").get(0).get("id").asText());
        erin.fails(70, "getMusicDirectory", "id", "dir-nothing");
    }

    @Test
    void radioButtonsPlayVariedMixesFromTheMap() throws Exception {
        JsonNode song = erin.ok("getSong", "id", SONG).get("song");
        String artistId = song.get("artistId").asText();
        JsonNode similar = erin.ok("getSimilarSongs", "id", SONG, "count", "8").get("similarSongs").get("song");
        assertEquals(8, similar.size());
        assertVaried(similar, Set.of(SONG));
        JsonNode byArtist = erin.ok("getSimilarSongs2", "id", artistId, "count", "6").get("similarSongs2").get("song");
        assertEquals(6, byArtist.size());
        for (JsonNode s : byArtist) {
            assertFalse(s.get("artistId").asText().equals(artistId) && s.get("id").asText().equals(SONG), "never a seed");
        }
        erin.ok("getSimilarSongs", "id", song.get("albumId").asText(), "count", "5");
        JsonNode info = erin.ok("getArtistInfo2", "id", artistId, "count", "5").get("artistInfo2").get("similarArtist");
        assertEquals(5, info.size());
        for (JsonNode a : info) {
            assertFalse(a.get("id").asText().equals(artistId), "an artist is not similar to itself");
        }
        erin.ok("getArtistInfo", "id", artistId);
        erin.ok("getAlbumInfo2", "id", song.get("albumId").asText());
        erin.ok("getAlbumInfo", "id", SONG);
        JsonNode top = erin.ok("getTopSongs", "artist", song.get("artist").asText()).get("topSongs").get("song");
        assertEquals(1, top.size(), "the demo's artists have one song each");
        assertTrue(erin.ok("getTopSongs", "artist", "nobody at all").get("topSongs").path("song").isEmpty());
    }

    /** Never a seed, no artist twice within 3 songs, no album twice within 5 (seeds counting first). */
    static void assertVaried(JsonNode songs, Set<String> seeds) {
        List<String> artists = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode s : songs) {
            assertFalse(seeds.contains(s.get("id").asText()), "never a seed: " + songs);
            assertTrue(ids.add(s.get("id").asText()), "no song twice");
            String artist = s.get("artistId").asText();
            int from = Math.max(0, artists.size() - 2);
            assertFalse(artists.subList(from, artists.size()).contains(artist), "artist repeated within 3: " + songs);
            artists.add(artist);
        }
    }

    @Test
    void starsRatingsAndPlaysAreKeptPerUser() throws Exception {
        String albumId = erin.ok("getSong", "id", "jazz/jazz.00001").get("song").get("albumId").asText();
        erin.ok("star", "id", "jazz/jazz.00001", "albumId", albumId);
        erin.ok("setRating", "id", "jazz/jazz.00001", "rating", "4");
        erin.ok("setRating", "id", albumId, "rating", "5");
        JsonNode starred = erin.ok("getStarred2").get("starred2");
        assertEquals("jazz/jazz.00001", starred.get("song").get(0).get("id").asText());
        assertEquals(albumId, starred.get("album").get(0).get("id").asText());
        JsonNode song = erin.ok("getSong", "id", "jazz/jazz.00001").get("song");
        assertTrue(song.has("starred"));
        assertEquals(4, song.get("userRating").asInt());
        assertEquals(albumId, erin.ok("getAlbumList2", "type", "highest").get("albumList2").get("album").get(0).get("id").asText());
        assertFalse(frank.ok("getSong", "id", "jazz/jazz.00001").get("song").has("starred"), "stars are per user");
        frank.ok("getStarred");

        erin.ok("scrobble", "id", "blues/blues.00002", "submission", "false");
        JsonNode now = erin.ok("getNowPlaying").get("nowPlaying").get("entry");
        assertEquals("blues/blues.00002", now.get(0).get("id").asText());
        assertEquals("erin", now.get(0).get("username").asText());
        erin.ok("scrobble", "id", "blues/blues.00002");
        erin.ok("scrobble", "id", "blues/blues.00002", "id", "country/country.00001", "time", "1700000000000", "time", "1700000001000");
        JsonNode played = erin.ok("getSong", "id", "blues/blues.00002").get("song");
        assertEquals(2, played.get("playCount").asInt());
        String frequent = erin.ok("getAlbumList2", "type", "frequent").get("albumList2").get("album").get(0).get("id").asText();
        assertEquals(played.get("albumId").asText(), frequent);
        assertEquals(played.get("albumId").asText(),
                erin.ok("getAlbumList2", "type", "recent").get("albumList2").get("album").get(0).get("id").asText());

        erin.ok("unstar", "id", "jazz/jazz.00001");
        erin.ok("setRating", "id", "jazz/jazz.00001", "rating", "0");
        assertFalse(erin.ok("getSong", "id", "jazz/jazz.00001").get("song").has("userRating"));
        erin.fails(70, "star", "id", "no/such-song");
        erin.fails(0, "setRating", "id", SONG, "rating", "9");
    }

    @Test
    void playlistsAreMadeChangedInPlaceAndShared() throws Exception {
        JsonNode made = erin.ok("createPlaylist", "name", "evening", "songId", SONG, "songId", "jazz/jazz.00002",
                "songId", "blues/blues.00001").get("playlist");
        String id = made.get("id").asText();
        assertEquals(3, made.get("songCount").asInt());
        assertEquals(3, made.get("entry").size());
        erin.ok("updatePlaylist", "playlistId", id, "name", "late evening", "songIndexToRemove", "0", "songIdToAdd", "metal/metal.00003",
                "public", "true", "comment", "for the road");
        JsonNode changed = erin.ok("getPlaylist", "id", id).get("playlist");
        assertEquals(id, changed.get("id").asText(), "the same playlist, changed in place");
        assertEquals("late evening", changed.get("name").asText());
        assertEquals("for the road", changed.get("comment").asText());
        List<String> entries = new ArrayList<>();
        changed.get("entry").forEach(e -> entries.add(e.get("id").asText()));
        assertEquals(List.of("jazz/jazz.00002", "blues/blues.00001", "metal/metal.00003"), entries);
        erin.ok("createPlaylist", "playlistId", id, "songId", SONG);
        assertEquals(1, erin.ok("getPlaylist", "id", id).get("playlist").get("songCount").asInt(), "createPlaylist with an id replaces the songs");

        assertEquals(id, frank.ok("getPlaylists").get("playlists").get("playlist").get(0).get("id").asText(), "public playlists are shared");
        frank.fails(50, "updatePlaylist", "playlistId", id, "name", "mine now");
        frank.fails(50, "deletePlaylist", "id", id);
        erin.ok("deletePlaylist", "id", id);
        erin.fails(70, "getPlaylist", "id", id);
        erin.fails(70, "createPlaylist", "name", "bad", "songId", "no/such-song");
    }

    @Test
    void aPhoneOnMobileDataGetsATranscodedStream() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.songspace.audio.FfmpegDecoder.available(), "FFmpeg natives did not load");
        byte[] original = Files.readAllBytes(TestPipeline.shared().corpus().resolve(SONG + ".wav"));
        var mp3 = erin.raw("stream", SubsonicClient.query("id", SONG, "maxBitRate", "128"));
        assertEquals(200, mp3.statusCode());
        assertEquals("audio/mpeg", mp3.headers().firstValue("Content-Type").orElse(""), "a WAV above 128 kb/s becomes MP3");
        assertTrue(mp3.body().length < original.length / 2, mp3.body().length + " bytes");
        Path copy = tmp.resolve("copy.mp3");
        Files.write(copy, mp3.body());
        assertEquals(6.0, org.songspace.audio.AudioLoader.decode(copy).durationSeconds(), 0.2, "the whole song");

        var opus = erin.raw("stream", SubsonicClient.query("id", SONG, "format", "opus", "maxBitRate", "64"));
        assertEquals("audio/ogg", opus.headers().firstValue("Content-Type").orElse(""));
        assertEquals("OggS", new String(opus.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        var part = SubsonicClient.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(erin.base() + "/rest/stream?apiKey="
                + KEY + "&id=" + SONG + "&format=opus&maxBitRate=64")).header("Range", "bytes=100-199").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode(), "seeking in a transcoded stream");
        assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOfRange(opus.body(), 100, 200)), java.util.Arrays.toString(part.body()));

        var raw = erin.raw("stream", SubsonicClient.query("id", SONG, "format", "raw", "maxBitRate", "128"));
        assertEquals(original.length, raw.body().length, "format=raw is the original");
        assertEquals(original.length, erin.raw("stream", SubsonicClient.query("id", SONG)).body().length);
        erin.fails(0, "stream", "id", SONG, "format", "wma");
    }

    @Test
    void bookmarksAndPlayQueuesResume() throws Exception {
        erin.ok("createBookmark", "id", SONG, "position", "12345", "comment", "the bridge");
        JsonNode mark = erin.ok("getBookmarks").get("bookmarks").get("bookmark").get(0);
        assertEquals(12345, mark.get("position").asLong());
        assertEquals(SONG, mark.get("entry").get("id").asText());
        erin.ok("deleteBookmark", "id", SONG);
        assertTrue(erin.ok("getBookmarks").get("bookmarks").path("bookmark").isEmpty());

        erin.ok("savePlayQueue", "id", SONG, "id", "jazz/jazz.00001", "current", "jazz/jazz.00001", "position", "5000");
        JsonNode queue = erin.ok("getPlayQueue").get("playQueue");
        assertEquals("jazz/jazz.00001", queue.get("current").asText());
        assertEquals(5000, queue.get("position").asLong());
        assertEquals(2, queue.get("entry").size());
        assertEquals("erin", queue.get("username").asText());
        assertTrue(frank.ok("getPlayQueue").get("playQueue").path("entry").isEmpty(), "queues are per user");
        erin.fails(0, "savePlayQueue", "id", SONG, "current", "jazz/jazz.00001");
    }
}
