#!/usr/bin/env python3
# Usage: python3 scripts/join-emotify.py OUT_DIR   (needs ffmpeg; reads ../shared/data/emotify-dev)
# Joins emotify-dev clips of one genre, three at a time (sorted by artist, so mostly one artist), into
# 60 s FLAC tracks; a track's group is the connected component of the artists it contains, so an
# artist-grouped split keeps every artist on one side.
import csv, collections, subprocess, os, sys
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'data', 'emotify-dev')
out = sys.argv[1]
rows = list(csv.DictReader(open(f'{src}/manifest.csv')))
by_genre = collections.defaultdict(list)
for r in rows:
    by_genre[r['label']].append(r)
tracks = []
for g, rs in sorted(by_genre.items()):
    rs.sort(key=lambda r: (r['artist'], r['path']))
    for i in range(0, len(rs) - 2, 3):
        tracks.append((g, rs[i:i + 3]))
parent = {}
def find(a):
    while parent.setdefault(a, a) != a:
        a = parent[a]
    return a
for g, part in tracks:
    for r in part[1:]:
        parent[find(r['artist'])] = find(part[0]['artist'])
os.makedirs(out, exist_ok=True)
with open(f'{out}/manifest.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['path', 'label', 'artist'])
    for k, (g, part) in enumerate(tracks):
        name = f'{g}/joined_{k:03d}.flac'
        os.makedirs(f'{out}/{g}', exist_ok=True)
        if not os.path.exists(f'{out}/{name}'):
            inputs = sum([['-i', f"{src}/{r['path']}"] for r in part], [])
            subprocess.run(['ffmpeg', '-v', 'error', '-y'] + inputs + ['-filter_complex', 'concat=n=3:v=0:a=1',
                            '-ar', '44100', '-ac', '2', f'{out}/{name}'], check=True)
        w.writerow([name, g, 'group-' + find(part[0]['artist'])])
print(len(tracks), 'tracks;', len({find(p[0]['artist']) for _, p in tracks}), 'artist groups')
