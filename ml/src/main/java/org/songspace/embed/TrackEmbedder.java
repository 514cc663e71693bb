package org.songspace.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.songspace.audio.AudioClip;
import org.songspace.audio.AudioLoader;
import org.songspace.audio.Excerpt;
import org.songspace.features.FeatureConfig;
import org.songspace.features.FeatureStore;
import org.songspace.features.MelSpectrogram;
import org.songspace.model.ModelFolder;
import org.songspace.vectors.EmbeddingSet;
import org.songspace.vectors.TimbreFilter;

/**
 * Whatever turns a track into its vector: a trained encoder ({@link Embedder}), the classic timbre model
 * ({@link TimbreModel}, whose "vector" is a packed Gaussian compared by divergence) or the model the library's
 * artist tags teach ({@link TagModel}). Every front end opens
 * models through {@link #open}, so the timbre model goes wherever a learned one does. Not thread-safe.
 */
public interface TrackEmbedder extends AutoCloseable {
    /**
     * What an index or a report needs to know of a model folder without loading it.
     *
     * @param rankedByMutualProximity whether listeners' rankings default to mutual proximity for this model
     *                                (measured better for the timbre and tag models, not for encoders: docs/results.md)
     */
    record Info(String id, FeatureConfig features, int dimension, TimbreFilter timbre, List<String> files,
                boolean rankedByMutualProximity) {
    }

    String modelId();

    FeatureConfig features();

    int dimension();

    float[] embed(MelSpectrogram db);

    default List<float[]> embedAll(List<MelSpectrogram> dbs) {
        List<float[]> out = new ArrayList<>();
        for (MelSpectrogram db : dbs) {
            out.add(embed(db));
        }
        return out;
    }

    float[] embedClip(AudioClip clip);

    /** Decodes {@code excerpt} of an audio file (as its index did), featurises and embeds it. */
    default float[] embedAudio(Path audio, Excerpt excerpt) throws IOException {
        return embedClip(AudioLoader.decode(audio, excerpt));
    }

    default float[] embedAudio(Path audio) throws IOException {
        return embedAudio(audio, Excerpt.WHOLE);
    }

    /** Tracks of a feature store, in the given order, as an embedding set tagged with this model's id. */
    default EmbeddingSet embedTracks(FeatureStore store, List<String> ids, Map<String, String> labels,
                                     Map<String, String> artists, Runnable onTrack) throws IOException {
        float[][] vectors = new float[ids.size()][];
        List<EmbeddingSet.Entry> entries = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            String id = ids.get(i);
            vectors[i] = embed(store.load(id));
            entries.add(new EmbeddingSet.Entry(id, store.track(id).orElseThrow().source(), labels.get(id), artists.get(id)));
            onTrack.run();
        }
        return new EmbeddingSet(modelId(), entries, vectors);
    }

    @Override
    void close();

    /** Opens a model folder of either kind; fails naming the folder when it is neither. */
    static TrackEmbedder open(Path folder) throws IOException {
        if (TimbreModel.isTimbreModel(folder)) {
            return TimbreModel.open(folder);
        }
        return TagModel.isTagModel(folder) ? TagModel.open(folder) : Embedder.open(folder);
    }

    static Info info(Path folder) throws IOException {
        if (TimbreModel.isTimbreModel(folder)) {
            return TimbreModel.info(folder);
        }
        if (TagModel.isTagModel(folder)) {
            return TagModel.info(folder);
        }
        var saved = ModelFolder.read(folder);
        var axes = DescriptorAxes.readManifest(folder);
        List<String> files = new ArrayList<>(List.of(ModelFolder.MANIFEST, ModelFolder.PARAMETERS));
        axes.ifPresent(a -> files.addAll(DescriptorAxes.files(a)));
        return new Info(saved.id(), saved.features(), saved.spec().embeddingDim() + axes.map(DescriptorAxes::dimension).orElse(0),
                null, List.copyOf(files), false);
    }

    /** Whether {@code folder} holds a model of either kind. */
    static boolean isModel(Path folder) {
        return TimbreModel.isTimbreModel(folder) || TagModel.isTagModel(folder) || Files.isRegularFile(folder.resolve(ModelFolder.MANIFEST));
    }
}
