#!/usr/bin/env python3
"""Make a set of damaged audio files and score who recovers what (issue 26's measurement).

    scripts/damaged-set.py SOURCE_DIR OUT_DIR [--songspace "java -jar app/target/songspace.jar"]

SOURCE_DIR: a few intact audio files (any formats FFmpeg reads). For each, OUT_DIR/damaged gets copies with
sparse bit flips, header damage, truncation at a random point, a block of garbage mid-stream, 32-bit size
fields set to 0xFFFFFFFF and shuffled chunks (fixed seeds: the same set every run). Then it prints how many
copies FFmpeg's command line decodes to at least half of the declared duration, and how many
`songspace features` analyses (and how many of those it marks damaged).
"""
import argparse, json, os, random, shutil, struct, subprocess, sys

def damage_variants(data, rng):
    n = len(data)
    out = {}
    b = bytearray(data)
    for i in range(4096, n, rng.randint(900, 1100)):
        b[i] ^= 1 << rng.randrange(8)
    out["bitflips"] = bytes(b)
    b = bytearray(data)
    for i in range(0, min(64, n)):
        if rng.random() < 0.3:
            b[i] = rng.randrange(256)
    out["header"] = bytes(b)
    out["truncated"] = data[: int(n * rng.uniform(0.1, 0.9))]
    b = bytearray(data)
    start = n // 2
    b[start:start + 20000] = bytes(rng.randrange(256) for _ in range(min(20000, n - start)))
    out["garbage"] = bytes(b)
    b = bytearray(data)
    for i in range(0, min(n - 4, 4096)):
        if b[i:i + 4] in (b"RIFF", b"data", b"FORM", b"SSND", b"mdat", b"moov"):
            b[i + 4:i + 8] = b"\xff\xff\xff\xff"
    out["sizes"] = bytes(b)
    chunks = [data[i:i + 8192] for i in range(0, n, 8192)]
    head, rest = chunks[:2], chunks[2:]
    rng.shuffle(rest)
    out["shuffled"] = b"".join(head + rest)
    return out

def ffprobe_duration(path):
    r = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path],
                       capture_output=True, text=True)
    try:
        return float(r.stdout.strip())
    except ValueError:
        return None

def ffmpeg_decoded_seconds(path):
    r = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "f32le", "-ac", "1", "-ar", "22050", "-"],
                       capture_output=True)
    return len(r.stdout) / 4 / 22050

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--songspace", default="java -jar app/target/songspace.jar")
    a = ap.parse_args()
    damaged = os.path.join(a.out, "damaged")
    shutil.rmtree(damaged, ignore_errors=True)
    os.makedirs(damaged)
    declared = {}
    for k, name in enumerate(sorted(os.listdir(a.source))):
        src = os.path.join(a.source, name)
        if not os.path.isfile(src):
            continue
        full = ffprobe_duration(src)
        with open(src, "rb") as f:
            data = f.read()
        stem, ext = os.path.splitext(name)
        for kind, bad in damage_variants(data, random.Random(k * 1000 + 7)).items():
            path = os.path.join(damaged, f"{stem}-{kind}{ext}")
            with open(path, "wb") as f:
                f.write(bad)
            declared[os.path.basename(path)] = full
    ffmpeg_ok = 0
    for name, full in declared.items():
        got = ffmpeg_decoded_seconds(os.path.join(damaged, name))
        if full and got >= 0.5 * full:
            ffmpeg_ok += 1
    feats = os.path.join(a.out, "features")
    shutil.rmtree(feats, ignore_errors=True)
    subprocess.run(a.songspace.split() + ["features", damaged, "--out", feats, "-q"], capture_output=True, text=True)
    with open(os.path.join(feats, "features.json")) as f:
        manifest = json.load(f)
    tracks = manifest.get("tracks", [])
    marked = sum(1 for t in tracks if t.get("damage"))
    print(json.dumps({"files": len(declared), "ffmpeg_cli_half_or_more": ffmpeg_ok,
                      "songspace_analysed": len(tracks), "songspace_marked_damaged": marked,
                      "songspace_failed": len(manifest.get("failed", []))}))

if __name__ == "__main__":
    main()
