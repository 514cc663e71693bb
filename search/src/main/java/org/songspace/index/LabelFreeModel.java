package org.songspace.index;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.Split;
import org.songspace.dataset.Splitter;
import org.songspace.dataset.Track;
import org.songspace.embed.TagModel;
import org.songspace.embed.TimbreModel;
import org.songspace.features.FeatureStore;
import org.songspace.io.UserError;
import org.songspace.model.EncoderType;
import org.songspace.model.SavedModel;
import org.songspace.train.EncoderTrainer;
import org.songspace.train.TrainingListener;
import org.songspace.train.TrainingOptions;
import org.songspace.train.TrainingRequest;

/**
 * The model {@code index LIBRARY} uses when given none: the index's own model when the index exists (an
 * update must not change models); else, when the files name enough artists, the tag model (a discriminant
 * between the library's artists over fixed track descriptors, fitted in seconds: emotify-dev's unseen artists
 * 0.668 on average over nine artist-grouped fold assignments, against 0.598 for the timbre model on the same
 * folds and 0.58-0.61 for the self-supervised encoder, docs/results.md); else the classic timbre model, made
 * in seconds with nothing to learn. Both are ranked by mutual proximity. {@code --model contrastive} still
 * trains the self-supervised encoder (a tenth of the tracks, whole artists where tags name them, held out for
 * its stopping score, on a fixed budget of crops).
 */
public final class LabelFreeModel {
    /** What a new index gets when no model is asked for and its tags name too few artists for {@link Kind#TAGS}. */
    public static final Kind DEFAULT = Kind.TIMBRE;
    /**
     * Artists with at least two tagged tracks a library needs before its tags choose the model: fewer give the
     * discriminant too few directions to learn (its output has at most one dimension per artist less one).
     */
    public static final int MIN_ARTISTS = org.songspace.embed.TagModel.MIN_ARTISTS;
    /** Fewer tracks than this are too few to train on at all: each batch takes 16 different tracks, twice over. */
    static final int MIN_TRACKS = 32;
    static final double HELD_OUT = 0.1;

    /** The models index can make from a library. */
    public enum Kind { CONTRASTIVE, TIMBRE, TAGS }

    /**
     * A library with its features ready: where it is, its analysed tracks, and what their tags say.
     *
     * @param dataset the readable tracks with their tags (null for a bare features folder)
     * @param artists artist per track id where known
     */
    public record Library(Path source, FeatureStore store, List<String> ids, Dataset dataset, Map<String, String> artists) {
    }

    private LabelFreeModel() {
    }

    /** The index's model folder when {@code indexDir} holds an index, else null. */
    public static Path existing(Path indexDir) {
        Path model = indexDir.resolve(LibraryIndexer.MODEL_DIR);
        return org.songspace.embed.TrackEmbedder.isModel(model) ? model : null;
    }

    /** The kind of a model folder (any encoder counts as contrastive: it is neither timbre nor tags). */
    public static Kind kindOf(Path modelDir) {
        if (TimbreModel.isTimbreModel(modelDir)) {
            return Kind.TIMBRE;
        }
        return TagModel.isTagModel(modelDir) ? Kind.TAGS : Kind.CONTRASTIVE;
    }

    /** Artists that name at least two of the library's tracks (case and spacing aside). */
    public static int taggedArtists(Library prepared) {
        return TagModel.artistsWithTwoTracks(prepared.ids(), prepared.artists());
    }

    /** "contrastive", "timbre" or "tags" (any case) as a kind, or null for anything else. */
    public static Kind parse(String text) {
        for (Kind k : Kind.values()) {
            if (k.name().equalsIgnoreCase(text.strip())) {
                return k;
            }
        }
        return null;
    }

    /**
     * Builds the asked kind (null: {@link #DEFAULT}) into {@code modelDir} and says on {@code out}
     * what it made and why; {@code listener} hears the training (null: nothing).
     */
    public static void build(Library prepared, Path modelDir, Kind asked, PrintStream out, TrainingListener listener)
            throws IOException {
        int tracks = prepared.ids().size();
        int artists = taggedArtists(prepared);
        Kind kind = asked != null ? asked : artists >= MIN_ARTISTS ? Kind.TAGS : DEFAULT;
        String library = prepared.source().toAbsolutePath().normalize().toString();
        if (kind == Kind.TAGS) {
            String why = asked != null ? "--model tags" : String.format(Locale.ROOT, "no --model given and %d artists name "
                    + "two or more tracks each (%d or more choose it: the best label-free model measured, docs/results.md)",
                    artists, MIN_ARTISTS);
            out.printf(Locale.ROOT, "index: %s: learning from the library's artist tags (a discriminant between its artists "
                    + "over each track's timbre and dynamics, fitted in seconds; ranked by mutual proximity)%n", why);
            TagModel.Manifest m = TagModel.build(prepared.store(), prepared.ids(), prepared.artists(), modelDir, library);
            out.printf(Locale.ROOT, "index: tag model %s: %d dimensions learned from %d artists on %d tagged tracks%n",
                    m.id(), m.dimension(), m.artists(), m.tracks());
            return;
        }
        if (kind == Kind.TIMBRE) {
            String why = asked != null ? "--model timbre" : String.format(Locale.ROOT, "no --model given and %d artists name "
                    + "two or more tracks each, under the %d the tag model needs", artists, MIN_ARTISTS);
            out.printf(Locale.ROOT, "index: %s: using the classic timbre model (a Gaussian of 25 MFCCs per track, "
                    + "compared by divergence, ranked by mutual proximity)%n", why);
            TimbreModel.build(prepared.store(), prepared.ids(), modelDir, library);
            return;
        }
        String why = "--model contrastive";
        if (tracks < MIN_TRACKS) {
            throw new UserError(prepared.source() + " has " + tracks + " readable tracks: at least " + MIN_TRACKS
                    + " are needed to train the self-supervised model on the library; use --model timbre, or a model "
                    + "folder from train");
        }
        long tagged = prepared.ids().stream().filter(id -> prepared.artists().get(id) != null).count();
        if (tagged > 0) {
            out.printf(Locale.ROOT, "index: %d of %d tracks name their artist: they keep whole artists out of "
                    + "training for the stopping score%n", tagged, tracks);
        }
        Split split = split(prepared);
        TrainingOptions options = TrainingOptions.defaults().resolveEpochs(EncoderType.CONTRASTIVE, split.train().size());
        out.printf(Locale.ROOT, "index: %s: training the self-supervised %s encoder on the library (no labels; "
                        + "%d tracks, %d held out for its stopping score) into %s%n",
                why, EncoderType.CONTRASTIVE.id(), tracks, split.valid().size(), modelDir);
        out.printf(Locale.ROOT, "index: training budget: %,d crops (%d epochs of %s), drawn across %d artists; "
                        + "the same whatever the library's size%n", options.crops(split.train().size()), options.epochs(),
                options.stepsPerEpoch() > 0 ? options.stepsPerEpoch() + " steps of " + options.batchSize()
                        : "two crops of every training track", artistCount(prepared, split.train()));
        TrainingRequest request = new TrainingRequest(prepared.store(), split, Map.of(), EncoderType.CONTRASTIVE,
                options, modelDir, false, prepared.source().toAbsolutePath().normalize().toString(), prepared.artists());
        long start = System.nanoTime();
        SavedModel saved = new EncoderTrainer(request, listener).run();
        out.printf(Locale.ROOT, "index: trained %s in %.1f min (epoch %d kept)%n", saved.id(),
                (System.nanoTime() - start) / 6e10, saved.bestEpoch());
    }

    private static long artistCount(Library prepared, List<String> ids) {
        return ids.stream().map(id -> prepared.artists().getOrDefault(id, "track:" + id)).distinct().count();
    }

    /**
     * The held-out tracks for the stopping score: whole artists where tags name them (the score then tells
     * what the encoder makes of artists it never saw), balanced on size only (a library's folder labels are
     * not what this model learns), else a random tenth.
     */
    static Split split(Library prepared) {
        if (prepared.dataset() != null && prepared.dataset().hasArtists()) {
            Dataset ds = prepared.dataset();
            List<Track> unlabelled = ds.tracks().stream()
                    .map(t -> new Track(t.id(), t.path(), null, t.artist(), t.title(), t.album())).toList();
            Split s = Splitter.groupHoldout(new Dataset(ds.root(), ds.layout(), unlabelled), HELD_OUT, 0, 42);
            if (!s.valid().isEmpty() && !s.train().isEmpty()) {
                return new Split("label-free default: " + s.method(), s.train(), s.valid(), List.of());
            }
        }
        List<String> ids = new ArrayList<>(prepared.ids());
        Collections.shuffle(ids, new Random(42));
        int valid = (int) Math.round(ids.size() * HELD_OUT);
        return new Split("label-free default: random holdout valid=0.10 seed=42", new ArrayList<>(ids.subList(valid, ids.size())),
                new ArrayList<>(ids.subList(0, valid)), List.of());
    }
}
