package org.songspace.features;

import java.util.List;
import org.songspace.audio.Excerpt;
import org.songspace.audio.TrackTags;

/**
 * The {@code features.json} of a features folder: the config every .npy was made with, and one entry
 * per track. It is also the cache index: a track whose source size and modification time are unchanged
 * and whose .npy exists is not computed again.
 *
 * @param format  file format version, so later readers can migrate
 * @param config  feature parameters shared by every track here
 * @param excerpt the part of each track analysed (null in folders written before excerpts: whole tracks)
 * @param tracks  tracks in input order
 * @param failed  files that could not be read, with the reason
 * @param notAudio files under the input that were plainly not audio (cover art, playlists...)
 */
public record FeatureManifest(int format, FeatureConfig config, Excerpt excerpt, List<Track> tracks,
                              List<Failure> failed, int notAudio) {
    public static final String FILE_NAME = "features.json";
    /** 2: excerpt, tags and the not-audio count. */
    public static final int FORMAT = 2;

    /** The excerpt, whole tracks for folders written before excerpts existed. */
    public Excerpt excerptOrWhole() {
        return excerpt == null ? Excerpt.WHOLE : excerpt;
    }

    /**
     * One featurised track.
     *
     * @param id             stable id: the path relative to the input root, without extension
     * @param source         the audio file it came from
     * @param npy            the .npy file, relative to the features folder
     * @param sourceBytes    size of the source when it was read (cache key)
     * @param sourceModified modification time of the source in ms (cache key)
     * @param frames         spectrogram frames
     * @param durationSeconds duration of the audio at the target rate
     * @param sourceRate     sample rate of the file
     * @param sourceChannels channels of the file
     * @param tags           the file's tags (null when read before tags were)
     * @param damage         what was wrong with the file yet decoded around, or null for an intact file
     */
    public record Track(String id, String source, String npy, long sourceBytes, long sourceModified, int frames,
                        double durationSeconds, int sourceRate, int sourceChannels, TrackTags tags, String damage) {

        /** An intact track. */
        public Track(String id, String source, String npy, long sourceBytes, long sourceModified, int frames,
                     double durationSeconds, int sourceRate, int sourceChannels, TrackTags tags) {
            this(id, source, npy, sourceBytes, sourceModified, frames, durationSeconds, sourceRate, sourceChannels, tags, null);
        }

        public Track withTags(TrackTags newTags) {
            return new Track(id, source, npy, sourceBytes, sourceModified, frames, durationSeconds, sourceRate,
                    sourceChannels, newTags, damage);
        }

        /** The length of the whole file: from its header when known, else the analysed audio's. */
        public double fileDurationSeconds() {
            return tags != null && tags.durationSeconds() != null && tags.durationSeconds() > 0
                    ? tags.durationSeconds() : durationSeconds;
        }
    }

    /** A file that was reported and skipped. */
    public record Failure(String source, String reason) {
    }
}
