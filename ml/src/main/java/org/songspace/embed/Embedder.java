package org.songspace.embed;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.songspace.audio.AudioClip;
import org.songspace.features.LogMelExtractor;
import org.songspace.features.MelSpectrogram;
import org.songspace.model.ComputeDevice;
import org.songspace.model.ModelFolder;
import org.songspace.model.SavedModel;
import org.songspace.model.TorchRuntime;
import org.songspace.model.TrackEncoder;

/**
 * A saved model ready to embed: loads the model folder (and nothing else), featurises audio with the
 * model's own feature config, and returns one unit-length vector per track. Owns native memory: use in
 * try-with-resources. Not thread-safe; use one per thread.
 */
public final class Embedder implements TrackEmbedder {
    private final Path folder;
    private final SavedModel model;
    private final NDManager manager;
    private final TrackEncoder encoder;
    private final LogMelExtractor extractor;
    private final DescriptorAxes axes;

    private Embedder(Path folder, SavedModel model, NDManager manager, Block block, DescriptorAxes axes) {
        this.folder = folder;
        this.model = model;
        this.manager = manager;
        this.axes = axes;
        this.encoder = new TrackEncoder(block, model.spec(), model.normaliser(), manager);
        this.extractor = new LogMelExtractor(model.features());
    }

    /** Opens a model folder; fails with a message naming the folder when it is not a complete model. */
    public static Embedder open(Path folder) throws IOException {
        SavedModel model = ModelFolder.read(folder);
        DescriptorAxes axes = DescriptorAxes.read(folder).orElse(null);
        TorchRuntime.configure();
        NDManager manager = NDManager.newBaseManager(TorchRuntime.device(ComputeDevice.CPU), "PyTorch");
        try {
            Block block = ModelFolder.loadBlock(model, folder.resolve(ModelFolder.PARAMETERS), manager);
            return new Embedder(folder, model, manager, block, axes);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public SavedModel model() {
        return model;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public String modelId() {
        return model.id();
    }

    @Override
    public org.songspace.features.FeatureConfig features() {
        return model.features();
    }

    @Override
    public int dimension() {
        return model.spec().embeddingDim() + (axes == null ? 0 : axes.dimension());
    }

    /** Embeds a dB spectrogram made with the model's feature config. */
    public float[] embed(MelSpectrogram db) {
        float[] encoded = encoder.embedTrack(db);
        return axes == null ? encoded : axes.besides(encoded, db);
    }

    /** Embeds several spectrograms in one forward pass (cheaper per track than one at a time). */
    public List<float[]> embedAll(List<MelSpectrogram> dbs) {
        List<float[]> encoded = encoder.embedTracks(dbs);
        if (axes == null) {
            return encoded;
        }
        List<float[]> out = new ArrayList<>(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            out.add(axes.besides(encoded.get(i), dbs.get(i)));
        }
        return out;
    }

    /** Featurises (with the model's feature config) and embeds decoded audio. */
    public float[] embedClip(AudioClip clip) {
        return embed(extractor.logMel(clip));
    }

    @Override
    public void close() {
        encoder.close();
        manager.close();
    }
}
