package org.songspace.democorpus;

import java.util.List;

/**
 * The ten styles of the demo corpus. They differ the way genres do (tempo, groove and swing,
 * instrumentation, harmony, register) and overlap where genres do (rock/metal/country share guitars and
 * backbeats, disco/hip-hop share synth bass, jazz/blues share swing), so telling them apart is a real task.
 * General MIDI programs are 0-based (0 piano, 25 steel guitar, 30 distortion guitar, 48 strings ...);
 * drum lines are "GM drum note:steps".
 */
final class Styles {
    private Styles() {
    }

    static final List<Style> ALL = List.of(
            new Style("rock", 100, 150, 0, 0.02,
                    List.of(List.of("36:X.......X.x.....", "38:....X.......X...", "42:x.x.x.x.x.x.x.x."),
                            List.of("36:X......xX.......", "38:....X.......X..o", "42:x.x.x.x.x.x.x.x."),
                            List.of("36:X.x.....X.x.....", "38:....X.......X...", "51:x.x.x.x.x.x.x.x.")),
                    0.5, "major", List.of("0:maj 7:maj 9:min 5:maj", "0:maj 5:maj 7:maj 5:maj", "0:maj 10:maj 5:maj 0:maj",
                            "9:min 5:maj 0:maj 7:maj"),
                    Style.Bass.ROOT_EIGHTHS, new int[] {33, 34}, 36,
                    Style.Comp.STRUM, new int[] {29, 30, 27, 25}, 52,
                    Style.Lead.MELODY, new int[] {29, 30, 18}, 62, 81, 0.45,
                    new int[] {}, 20, 50),
            new Style("metal", 140, 200, 0, 0,
                    List.of(List.of("36:xxxxxxxxxxxxxxxx", "38:....X.......X...", "49:X.......X......."),
                            List.of("36:X.xxX.xxX.xxX.xx", "38:....X.......X...", "42:x.x.x.x.x.x.x.x."),
                            List.of("36:x.x.x.x.x.x.x.x.", "38:.x.x.x.x.x.x.x.x", "51:x.x.x.x.x.x.x.x.")),
                    0.6, "phrygian", List.of("0:5 8:5 10:5 0:5", "0:5 1:5 0:5 3:5", "0:5 0:5 8:5 7:5", "0:5 3:5 5:5 6:5"),
                    Style.Bass.ROOT_SIXTEENTHS, new int[] {34, 33, 38}, 28,
                    Style.Comp.CHUG, new int[] {30, 29}, 40,
                    Style.Lead.RIFF, new int[] {30, 81}, 60, 84, 0.6,
                    new int[] {}, 15, 40),
            new Style("disco", 112, 128, 0, 0.03,
                    List.of(List.of("36:X...X...X...X...", "39:....X.......X...", "42:x.x.x.x.x.x.x.x.", "46:..x...x...x...x."),
                            List.of("36:X...X...X...X...", "38:....x.......x...", "46:..X...X...X...X.", "54:x.x.x.x.x.x.x.x."),
                            List.of("36:X...X...X...X...", "39:....X.......X...", "42:xxxxxxxxxxxxxxxx")),
                    0.3, "dorian", List.of("0:m7 5:m7", "0:m7 5:9 0:m7 10:maj", "2:m7 7:9 0:maj7 0:maj7", "0:m9 0:m9 5:m9 5:m9"),
                    Style.Bass.OCTAVES, new int[] {38, 39, 33, 36}, 36,
                    Style.Comp.OFFBEAT, new int[] {4, 5, 48, 27}, 58,
                    Style.Lead.MELODY, new int[] {80, 81, 48, 61}, 67, 86, 0.35,
                    new int[] {48, 50}, 30, 60),
            new Style("jazz", 100, 190, 0.15, 0.167,
                    List.of(List.of("51:X..x.xX..x.x", "44:...X.....X..", "36:o.....o.....", "38:......o....o"),
                            List.of("51:X..x.xX..x.x", "44:...X.....X..", "37:.........x.."),
                            List.of("53:X..x.xX..x.x", "44:...X.....X..", "38:..o..o..o..o")),
                    0.25, "major", List.of("2:m7 7:7 0:maj7 0:maj7", "0:maj7 9:m7 2:m7 7:7", "4:m7 9:7 2:m7 7:7",
                            "0:6 9:7 2:m7 7:7"),
                    Style.Bass.WALKING, new int[] {32, 32, 33}, 36,
                    Style.Comp.JAZZ_COMP, new int[] {0, 26, 4, 11}, 55,
                    Style.Lead.MELODY, new int[] {65, 66, 56, 11, 73}, 60, 82, 0.55,
                    new int[] {}, 35, 70),
            new Style("reggae", 66, 86, 0.04, 0.1,
                    List.of(List.of("36:........X.......", "37:........X.......", "42:x.x.x.x.x.x.x.x."),
                            List.of("36:X...X...X...X...", "37:........X.......", "42:x.x.x.x.x.x.x.x."),
                            List.of("36:X.......X.......", "38:....x.......X...", "42:..x...x...x...x.")),
                    0.2, "major", List.of("0:maj 5:maj", "0:min 5:min", "0:maj 7:maj 5:maj 5:maj", "9:min 7:maj"),
                    Style.Bass.SYNCOPATED, new int[] {33, 38, 35}, 31,
                    Style.Comp.OFFBEAT, new int[] {27, 28, 16, 17}, 60,
                    Style.Lead.SPARSE, new int[] {16, 56, 65}, 62, 79, 0.25,
                    new int[] {}, 30, 60),
            new Style("classical", 60, 110, 0, 0,
                    List.of(List.of()),
                    0, "major", List.of("0:maj 7:maj 9:min 4:min 5:maj 0:maj 5:maj 7:maj", "0:min 5:min 7:maj 0:min",
                            "0:maj 2:min 7:7 0:maj", "0:maj 9:min 5:maj 7:7"),
                    Style.Bass.SUSTAINED, new int[] {42, 43, 48}, 36,
                    Style.Comp.ARPEGGIO, new int[] {48, 49, 46, 6, 0}, 55,
                    Style.Lead.MELODY, new int[] {40, 68, 73, 71, 40}, 67, 88, 0.4,
                    new int[] {48, 49, 52}, 50, 90),
            new Style("hiphop", 82, 98, 0.06, 0.14,
                    List.of(List.of("36:X.....x...X.....", "38:....X.......X...", "42:x.x.x.x.x.x.x.x."),
                            List.of("36:X..x......X..x..", "38:....X.......X...", "42:x.xxx.x.x.xxx.x."),
                            List.of("36:X.......X.x.....", "39:....X.......X...", "42:xxxxxxxxxxxxxxxx")),
                    0.2, "minor", List.of("0:m7 8:maj7", "0:m9 5:m7", "0:min 3:maj 8:maj 7:min", "0:m7 0:m7 10:maj 8:maj7"),
                    Style.Bass.SYNCOPATED, new int[] {38, 39, 33}, 28,
                    Style.Comp.LOOP, new int[] {4, 5, 48, 0, 11}, 55,
                    Style.Lead.RIFF, new int[] {80, 4, 8, 98}, 67, 86, 0.3,
                    new int[] {}, 15, 45),
            new Style("country", 90, 140, 0, 0.04,
                    List.of(List.of("36:X.......X.......", "38:....x.......x...", "42:x.x.x.x.x.x.x.x."),
                            List.of("36:X.......X.......", "38:oxoxoxoxoxoxoxox"),
                            List.of("36:X.......X.......", "37:....x.......x...", "42:x.x.x.x.x.x.x.x.")),
                    0.3, "major", List.of("0:maj 5:maj 7:maj 0:maj", "0:maj 0:maj 5:maj 7:maj", "0:maj 7:maj 0:maj 5:maj",
                            "0:maj 9:min 5:maj 7:maj"),
                    Style.Bass.ROOT_FIFTH, new int[] {33, 32, 34}, 36,
                    Style.Comp.BOOM_CHICK, new int[] {25, 24, 105, 27}, 52,
                    Style.Lead.MELODY, new int[] {110, 25, 105, 22}, 62, 84, 0.5,
                    new int[] {}, 20, 50),
            new Style("blues", 80, 130, 0.15, 0.167,
                    List.of(List.of("36:X.....X.....", "38:...X.....X..", "42:x.xx.xx.xx.x"),
                            List.of("36:X.....X.....", "38:...X.....X..", "51:X.xX.xX.xX.x"),
                            List.of("36:X..x..X..x..", "38:...X.....X..", "42:x.xx.xx.xx.x")),
                    0.35, "blues", List.of("0:7 5:7 0:7 0:7 5:7 5:7 0:7 0:7 7:7 5:7 0:7 7:7",
                            "0:7 5:7 0:7 0:7 5:7 5:7 0:7 0:7 7:7 5:7 0:7 0:7"),
                    Style.Bass.BOOGIE, new int[] {33, 32, 34}, 36,
                    Style.Comp.SHUFFLE_RIFF, new int[] {26, 29, 0, 27}, 45,
                    Style.Lead.BLUES_LICKS, new int[] {22, 26, 29, 65}, 60, 82, 0.55,
                    new int[] {16, 17}, 30, 60),
            new Style("ambient", 55, 85, 0, 0,
                    List.of(List.of(), List.of(), List.of("70:x.......x.......", "75:......o.......o.")),
                    0, "lydian", List.of("0:maj7:2 2:maj:2", "0:sus2:2 5:add9:2", "0:m9:2 10:maj7:2", "0:maj7:4 7:sus4:4"),
                    Style.Bass.SUSTAINED, new int[] {38, 89, 42}, 33,
                    Style.Comp.SUSTAINED, new int[] {88, 89, 91, 92, 94, 95}, 52,
                    Style.Lead.SPARSE, new int[] {8, 14, 98, 11, 73}, 67, 93, 0.2,
                    new int[] {89, 91, 94}, 80, 127));

    static Style byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown style " + name));
    }
}
