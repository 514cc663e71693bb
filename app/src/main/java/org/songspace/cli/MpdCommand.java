package org.songspace.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.songspace.companion.MpdQueueKeeper;
import org.songspace.io.UserError;
import org.songspace.similarity.SimilarityService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mpd", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Keep an MPD queue going with songs like the ones playing: when fewer than --ahead songs follow "
                + "the current one, append a mix seeded by the last few (never a queued song, no artist within 3 songs, "
                + "no album within 5). MPD's files are tied to the index by their path under MPD's music directory.",
            "Without --once it waits for MPD's changes (idle) and survives MPD restarts; --once tops up and exits (cron)."},
        footer = {"", "Examples:", "  ./songspace mpd music-index", "  ./songspace mpd music-index --host 192.168.1.5 --port 6600 --ahead 10 --once"})
final class MpdCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INDEX", description = "An index folder of the same music MPD plays.")
    Path indexDir;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "MPD's host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "6600", description = "MPD's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--password-file", paramLabel = "FILE", description = "MPD's password, if it has one (first line).")
    Path passwordFile;

    @Option(names = "--ahead", defaultValue = "5", paramLabel = "N", description = "Songs to keep after the current one (default: ${DEFAULT-VALUE}).")
    int ahead;

    @Option(names = "--once", description = "Top the queue up once and exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        if (ahead < 1 || ahead > 500) {
            throw new UserError("--ahead must be 1 to 500, got " + ahead);
        }
        String password = passwordFile == null ? null : SecretFile.read(passwordFile, "--password-file");
        try (SimilarityService service = SimilarityService.open(indexDir)) {
            MpdQueueKeeper keeper = new MpdQueueKeeper(service, new MpdQueueKeeper.Options(host, port, password, ahead), System.out);
            if (once) {
                try {
                    keeper.once();
                } catch (java.io.IOException e) {
                    throw new UserError("mpd: " + e.getMessage(), e);
                }
            } else {
                keeper.keep();
            }
        }
        return 0;
    }
}
