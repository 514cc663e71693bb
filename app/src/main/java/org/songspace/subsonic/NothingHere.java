package org.songspace.subsonic;

import java.util.List;
import java.util.Map;

/**
 * What songspace has none of: podcasts, internet radio, shares, chat, videos, lyrics, jukebox. Clients call
 * these on their start screens, so each answers the empty result the spec allows instead of an error that
 * would show the listener a toast.
 */
final class NothingHere {
    private NothingHere() {
    }

    record Channels(List<Object> channel) {
    }

    record Episodes(List<Object> episode) {
    }

    record Stations(List<Object> internetRadioStation) {
    }

    record Shares(List<Object> share) {
    }

    record ChatMessages(List<Object> chatMessage) {
    }

    record Videos(List<Object> video) {
    }

    record Lyrics(String value) {
    }

    record LyricsList(List<Object> structuredLyrics) {
    }

    static void register(Map<String, SubsonicApi.Method> methods) {
        methods.put("getPodcasts", c -> c.answer("podcasts", new Channels(List.of())));
        methods.put("getNewestPodcasts", c -> c.answer("newestPodcasts", new Episodes(List.of())));
        methods.put("getInternetRadioStations", c -> c.answer("internetRadioStations", new Stations(List.of())));
        methods.put("getShares", c -> c.answer("shares", new Shares(List.of())));
        methods.put("getChatMessages", c -> c.answer("chatMessages", new ChatMessages(List.of())));
        methods.put("getVideos", c -> c.answer("videos", new Videos(List.of())));
        methods.put("getLyrics", c -> c.answer("lyrics", new Lyrics("")));
        methods.put("getLyricsBySongId", c -> c.answer("lyricsList", new LyricsList(List.of())));
        methods.put("jukeboxControl", c -> {
            throw new SubsonicException(SubsonicException.NOT_AUTHORIZED, "songspace has no jukebox: play in the client");
        });
    }
}
