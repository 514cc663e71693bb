package org.songspace.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.embed.TrackEmbedder;
import org.songspace.io.UserError;
import org.songspace.vectors.EmbeddingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Embed every track of a file, folder or dataset with a saved model.",
            "Writes FILE (.npy, float32 [tracks, dim], one unit-length vector per track: the mean of its 3 s "
                + "segments) and FILE with .csv (row,id,path,label,artist,model_id). Audio is featurised with "
                + "the model's own feature config, through the cache."},
        footer = {"", "Example:", "  ./songspace embed models/triplet demo-corpus --out embeddings/triplet.npy",
            "  python3 -c \"import numpy as np; print(np.load('embeddings/triplet.npy').shape)\""})
final class EmbedCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model folder written by train.")
    Path modelDir;

    @Parameters(index = "1", paramLabel = "INPUT", description = "An audio file, a folder, a CSV manifest, or a features folder.")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Output .npy (the .csv goes beside it).")
    Path out;




    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Override
    public Integer call() throws Exception {
        if (!out.getFileName().toString().endsWith(".npy")) {
            throw new UserError("--out must name a .npy file, got " + out);
        }
        TrackEmbedder.Info savedModel = TrackEmbedder.info(modelDir);
        PreparedData prepared = PreparedData.prepare(input, dataOptions.layout, dataOptions.features, savedModel.features(), dataOptions.quiet, true,
                dataOptions.excerpt(0));
        EmbeddingSet set;
        try (TrackEmbedder embedder = TrackEmbedder.open(modelDir);
             Progress.Steps bar = Progress.steps("embed", prepared.ids().size(), dataOptions.quiet)) {
            set = embedder.embedTracks(prepared.store(), prepared.ids(), prepared.labels(), prepared.artists(), bar::step);
        }
        set.write(out);
        System.out.printf(Locale.ROOT, "embed: %d tracks x %d dims with %s -> %s (+ %s)%n", set.vectors().length,
                savedModel.dimension(), savedModel.id(), out, EmbeddingSet.csvFor(out).getFileName());
        return 0;
    }
}
