#!/usr/bin/env bash
# Musly's timbre distances between the audio files under DATA, as a MIREX full distance matrix, so that
# `./songspace evaluate OUT DATA` scores Musly with songspace's folds and k-NN rule.
#   scripts/musly/musly-matrix.sh MUSLY_SOURCE DATA OUT
# MUSLY_SOURCE: a checkout of https://github.com/dominikschnitzer/musly (not shipped here). Needs g++,
# Debian's libeigen3-dev and ffmpeg (Musly's own decoder wants an older libav, so ffmpeg decodes).
set -euo pipefail
if [ $# -ne 3 ]; then
    echo "usage: $0 MUSLY_SOURCE DATA OUT" >&2
    exit 2
fi
src=$1 data=$2 out=$3
[ -f "$src/libmusly/lib.cpp" ] || { echo "$src is not a Musly source checkout (no libmusly/lib.cpp)" >&2; exit 2; }
[ -d "$data" ] || { echo "$data is not a folder" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
lib=$src/libmusly
printf '#define HAVE_INTTYPES_H 1\n#define HAVE_STDINT_H 1\n' > "$work/config.h"
for c in "$lib"/libresample/*.c "$lib"/kissfft/kiss_fft.c "$lib"/kissfft/kiss_fftr.c; do
    gcc -O2 -I"$work" -I"$lib/libresample" -c "$c" -o "$work/$(basename "$c").o"
done
sources=""
for f in methods/mandelellis.cpp methods/timbre.cpp resampler.cpp plugins.cpp method.cpp decoder.cpp \
         windowfunction.cpp powerspectrum.cpp melspectrum.cpp discretecosinetransform.cpp mfcc.cpp \
         gaussianstatistics.cpp mutualproximity.cpp lib.cpp; do
    sources="$sources $lib/$f"
done
# shellcheck disable=SC2086
g++ -O2 -DMUSLY_VERSION='"source"' -I"$src/include" -I/usr/include/eigen3 -I"$lib" -I"$lib/libresample" -I"$work" \
    -o "$work/musly-matrix" "$here/musly-matrix.cpp" $sources "$work"/*.o
i=0
find "$data" -type f \( -iname '*.mp3' -o -iname '*.flac' -o -iname '*.wav' -o -iname '*.ogg' -o -iname '*.m4a' \
    -o -iname '*.opus' -o -iname '*.au' \) | sort | while read -r f; do
    i=$((i + 1))
    if ffmpeg -v error -nostdin -y -i "$f" -ac 1 -ar 22050 -f f32le "$work/$i.f32"; then
        printf '%s\t%s\n' "$work/$i.f32" "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
    else
        echo "ffmpeg could not decode $f (skipped)" >&2
    fi
done > "$work/list.txt"
"$work/musly-matrix" < "$work/list.txt" > "$work/matrix.txt"
mv "$work/matrix.txt" "$out"
echo "$out: $(grep -c $'^[0-9]*\t/' "$out" || true) tracks"
