// Musly's "timbre" similarity of a collection as a MIREX full distance matrix, for
// `songspace evaluate MATRIX DATA`. Built against Musly's own source by musly-matrix.sh (nothing of Musly
// is in this repository). Reads "pcm<TAB>path" lines on stdin: pcm is the track as raw 32-bit float mono
// 22,050 Hz samples, path what the matrix names it. Musly normalises by mutual proximity over every track
// given (its jukebox's "music style"), as a library would use it.
#include <musly/musly.h>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>
#include "decoder.h"

namespace musly { namespace decoders {
// The PCM comes decoded already; Musly only insists that some decoder is registered.
class rawpcm : public decoder {
    MUSLY_DECODER_REGCLASS(rawpcm);
public:
    std::vector<float> decodeto_22050hz_mono_float(const std::string&, float, float) { return {}; }
};
MUSLY_DECODER_REGIMPL(rawpcm, 0);
} }

int main() {
    musly_jukebox* jukebox = musly_jukebox_poweron("timbre", 0);
    if (!jukebox) {
        std::cerr << "musly: no timbre method\n";
        return 1;
    }
    std::vector<musly_track*> tracks;
    std::vector<std::string> names;
    std::string line;
    while (std::getline(std::cin, line)) {
        size_t tab = line.find('\t');
        std::string pcmPath = line.substr(0, tab);
        std::ifstream in(pcmPath, std::ios::binary | std::ios::ate);
        if (!in) {
            std::cerr << "cannot read " << pcmPath << "\n";
            return 2;
        }
        std::vector<float> pcm(static_cast<size_t>(in.tellg()) / sizeof(float));
        in.seekg(0);
        in.read(reinterpret_cast<char*>(pcm.data()), pcm.size() * sizeof(float));
        musly_track* t = musly_track_alloc(jukebox);
        if (musly_track_analyze_pcm(jukebox, pcm.data(), static_cast<int>(pcm.size()), t) != 0) {
            std::cerr << "musly could not analyse " << line << " (skipped)\n";
            musly_track_free(t);
            continue;
        }
        tracks.push_back(t);
        names.push_back(tab == std::string::npos ? pcmPath : line.substr(tab + 1));
    }
    int n = static_cast<int>(tracks.size());
    musly_jukebox_setmusicstyle(jukebox, tracks.data(), n);
    std::vector<musly_trackid> ids(n);
    musly_jukebox_addtracks(jukebox, tracks.data(), ids.data(), n, 1);
    std::printf("Musly %s timbre (mutual proximity over all %d tracks)\n", musly_version(), n);
    for (int i = 0; i < n; i++) {
        std::printf("%d\t%s\n", i + 1, names[i].c_str());
    }
    std::printf("Q/R");
    for (int i = 0; i < n; i++) {
        std::printf("\t%d", i + 1);
    }
    std::printf("\n");
    std::vector<float> similarity(n);
    for (int i = 0; i < n; i++) {
        musly_jukebox_similarity(jukebox, tracks[i], ids[i], tracks.data(), ids.data(), n, similarity.data());
        std::printf("%d", i + 1);
        for (int j = 0; j < n; j++) {
            std::printf("\t%.9g", similarity[j]);
        }
        std::printf("\n");
    }
    for (musly_track* t : tracks) {
        musly_track_free(t);
    }
    musly_jukebox_poweroff(jukebox);
    return 0;
}
