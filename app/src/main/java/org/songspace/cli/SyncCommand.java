package org.songspace.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.songspace.companion.SyncJob;
import org.songspace.io.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sync", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write songspace's mixes as playlists into the Subsonic server you already use (Navidrome, "
                + "gonic, Ampache, Supysonic, ...): its songs are tied to the index's tracks (by path, MusicBrainz id, "
                + "ISRC, or artist + title + duration), then it writes 'songspace: like TITLE - ARTIST' for songs you "
                + "starred there, 'songspace: GENRE' mixes around the map's regions and 'songspace: from your recent "
                + "plays'. Its own playlists are changed in place (same id) and only when they change; playlists "
                + "it did not make are never touched."},
        footer = {"", "Examples:",
            "  ./songspace sync music-index --server http://nas:4533 --user me --password-file ~/.navidrome-password",
            "  ./songspace sync music-index --server http://nas:4533 --api-key-file ~/.navidrome-key --dry-run"})
final class SyncCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INDEX", description = "An index folder written by index, of the same music the server has.")
    Path indexDir;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The server, e.g. http://nas:4533.")
    String server;

    @Option(names = "--user", paramLabel = "NAME", description = "Your user on that server.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "A file holding your password (its first line).")
    Path passwordFile;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "A file holding an OpenSubsonic API key, instead of user and password.")
    Path apiKeyFile;

    @Option(names = "--per-star", defaultValue = "25", paramLabel = "N", description = "Songs in each mix (default: ${DEFAULT-VALUE}).")
    int perStar;

    @Option(names = "--stars", defaultValue = "20", paramLabel = "N", description = "Starred songs that get a mix, newest first (default: ${DEFAULT-VALUE}).")
    int stars;

    @Option(names = "--mixes", defaultValue = "4", paramLabel = "N", description = "Mixes around the map's regions (default: ${DEFAULT-VALUE}).")
    int mixes;

    @Option(names = "--dry-run", description = "Print what would be written; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        if (apiKeyFile == null && (user == null || passwordFile == null)) {
            throw new UserError("give --user NAME with --password-file FILE, or --api-key-file FILE");
        }
        if (perStar < 1 || stars < 0 || mixes < 0) {
            throw new UserError("--per-star must be 1 or more, --stars and --mixes 0 or more");
        }
        String secret = SecretFile.read(apiKeyFile != null ? apiKeyFile : passwordFile,
                apiKeyFile != null ? "--api-key-file" : "--password-file");
        SyncJob.Options options = new SyncJob.Options(server, apiKeyFile != null ? null : user, apiKeyFile != null ? null : secret,
                apiKeyFile != null ? secret : null, perStar, stars, mixes, dryRun);
        return SyncJob.run(indexDir, options, System.out) ? 0 : 1;
    }
}
