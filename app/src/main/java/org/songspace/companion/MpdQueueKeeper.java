package org.songspace.companion;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.songspace.index.IndexedTrack;
import org.songspace.io.UserError;
import org.songspace.similarity.Match;
import org.songspace.similarity.MixOptions;
import org.songspace.similarity.SearchOptions;
import org.songspace.similarity.Seed;
import org.songspace.similarity.SimilarityService;

/**
 * Keeps an MPD queue going: when fewer than {@code ahead} songs follow the current one, appends songs like
 * the last few played (a mix by the mix rules: never a song already queued, no artist within 3 songs nor
 * album within 5). MPD's files are tied to the index by their path under MPD's music directory.
 */
public final class MpdQueueKeeper {
    /** Songs up to and including the current one that seed the mix. */
    static final int RECENT = 5;
    static final long MAX_WAIT_MILLIS = 30_000;

    public record Options(String host, int port, String password, int ahead) {
    }

    private final SimilarityService service;
    private final Options options;
    private final PrintStream out;
    private LibraryMatcher.Mapping mapping;

    public MpdQueueKeeper(SimilarityService service, Options options, PrintStream out) {
        this.service = service;
        this.options = options;
        this.out = out;
    }

    /** Tops the queue up once; returns how many songs were added. */
    public int once() throws IOException {
        try (MpdConnection mpd = connect()) {
            return topUp(mpd, true, true);
        }
    }

    /** Tops up, then again whenever the queue or the player changes; reconnects when MPD goes away. */
    public void keep() throws InterruptedException {
        long wait = 1000;
        while (true) {
            try (MpdConnection mpd = connect()) {
                wait = 1000;
                topUp(mpd, true, true);
                while (true) {
                    List<MpdConnection.Pair> changed = mpd.command("idle", "player", "playlist", "database");
                    topUp(mpd, MpdConnection.values(changed, "changed").contains("database"), false);
                }
            } catch (IOException e) {
                out.printf(Locale.ROOT, "mpd: %s; trying again in %d s%n", e.getMessage(), wait / 1000);
                Thread.sleep(wait);
                wait = Math.min(MAX_WAIT_MILLIS, wait * 2);
            }
        }
    }

    private MpdConnection connect() throws IOException {
        MpdConnection mpd;
        try {
            mpd = new MpdConnection(options.host(), options.port());
        } catch (java.net.ConnectException e) {
            throw new IOException("no MPD at " + options.host() + ":" + options.port() + " (" + e.getMessage() + ")", e);
        }
        if (options.password() != null) {
            mpd.command("password", options.password());
        }
        return mpd;
    }

    /** {@code always}: report even when nothing was needed (a one-off run says what it found). */
    private int topUp(MpdConnection mpd, boolean rescan, boolean always) throws IOException {
        if (mapping == null || rescan) {
            List<RemoteSong> files = new ArrayList<>();
            for (String file : MpdConnection.values(mpd.command("listall"), "file")) {
                files.add(new RemoteSong(file, file, null, null, null, 0, null, null));
            }
            mapping = new LibraryMatcher(service.tracks(), service.manifest().library()).map(files);
        }
        List<MpdConnection.Pair> status = mpd.command("status");
        List<String> queue = MpdConnection.values(mpd.command("playlistinfo"), "file");
        String song = MpdConnection.value(status, "song");
        int current = song == null ? queue.size() - 1 : Integer.parseInt(song);
        int upcoming = queue.size() - (current + 1);
        int need = options.ahead() - upcoming;
        if (need <= 0 || queue.isEmpty()) {
            if (always) {
                out.printf(Locale.ROOT, "mpd: %d after the current song, wanted %d: added 0%s%n", Math.max(0, upcoming),
                        options.ahead(), queue.isEmpty() ? " (the queue is empty: play something first)" : "");
            }
            return 0;
        }
        List<Seed> seeds = new ArrayList<>();
        for (String file : queue.subList(Math.max(0, current - RECENT + 1), current + 1)) {
            IndexedTrack t = mapping.byRemoteId().get(file);
            if (t != null) {
                seeds.add(service.resolve(t.id()));
            }
        }
        if (seeds.isEmpty()) {
            throw new UserError("none of the last " + RECENT + " songs of MPD's queue is in the index (is it the same music?)");
        }
        Set<String> queued = new HashSet<>(queue);
        int wanted = Math.min(SearchOptions.MAX_K, Math.min(service.size() - 1, need * 3 + queued.size()));
        List<String> added = new ArrayList<>();
        for (Match m : service.mix(seeds, MixOptions.ofCount(Math.max(1, wanted)))) {
            String file = mapping.remoteIdOf().get(m.id());
            if (file != null && !queued.contains(file) && added.size() < need) {
                mpd.command("add", file);
                added.add(file);
            }
        }
        out.printf(Locale.ROOT, "mpd: %d after the current song, wanted %d: added %d%s%n", upcoming, options.ahead(),
                added.size(),
                added.isEmpty() ? "" : " (" + String.join(", ", added) + ")");
        return added.size();
    }
}
