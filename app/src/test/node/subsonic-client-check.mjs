// A real Subsonic client (subsonic-api from npm) against a running songspace serve --users.
// Usage: node subsonic-client-check.mjs BASE_URL USER PASSWORD API_KEY SONG_ID END_SONG_ID
// Prints one JSON object with what each call gave; exits 1 on the first call that fails.
import { SubsonicAPI } from "subsonic-api";

const [base, username, password, apiKey, songId, endId] = process.argv.slice(2);
const out = {};

function expectOk(name, response) {
  if (!response || response.status !== "ok") {
    console.log(JSON.stringify({ failed: name, response }));
    process.exit(1);
  }
  return response;
}

const api = new SubsonicAPI({ url: base, auth: { username, password } });
out.ping = expectOk("ping", await api.ping()).status;
const extensions = expectOk("getOpenSubsonicExtensions", await api.getOpenSubsonicExtensions());
out.extensions = extensions.openSubsonicExtensions.map((e) => e.name + ":" + e.versions.join(","));
const all = expectOk("search3", await api.search3({ query: "", songCount: 1000, artistCount: 0, albumCount: 0 }));
out.songs = all.searchResult3.song.length;
const found = expectOk("search3 query", await api.search3({ query: "rock", songCount: 5 }));
out.foundTitles = found.searchResult3.song.map((s) => s.title);
const song = expectOk("getSong", await api.getSong({ id: songId }));
out.songTitle = song.song.title;
const streamed = await api.stream({ id: songId });
out.streamStatus = streamed.status;
out.streamType = streamed.headers.get("content-type");
out.streamBytes = (await streamed.arrayBuffer()).byteLength;
const similar = expectOk("getSonicSimilarTracks", await api.customJSON("getSonicSimilarTracks", { id: songId, count: 4 }));
out.similar = similar.sonicMatch.map((m) => ({ id: m.entry.id, similarity: m.similarity }));
const path = expectOk("findSonicPath", await api.customJSON("findSonicPath", { startSongId: songId, endSongId: endId, count: 6 }));
out.path = path.sonicMatch.map((m) => m.entry.id);

// A client's real start: home screen lists, genres, starring, a playlist, a play, the radio button,
// a stream for mobile data and a small cover.
out.albums = expectOk("getAlbumList2", await api.getAlbumList2({ type: "newest", size: 10 })).albumList2.album.length;
out.randomSongs = expectOk("getRandomSongs", await api.getRandomSongs({ size: 3 })).randomSongs.song.length;
out.genres = expectOk("getGenres", await api.getGenres()).genres.genre.map((g) => g.value + ":" + g.songCount);
expectOk("star", await api.star({ id: songId }));
out.starred = expectOk("getStarred2", await api.getStarred2()).starred2.song.map((s) => s.id);
const made = expectOk("createPlaylist", await api.createPlaylist({ name: "from npm", songId: [songId, endId] }));
out.playlistSongs = made.playlist.songCount;
out.playlists = expectOk("getPlaylists", await api.getPlaylists()).playlists.playlist.map((p) => p.name);
expectOk("scrobble", await api.scrobble({ id: songId }));
out.playCount = expectOk("getSong after scrobble", await api.getSong({ id: songId })).song.playCount;
const radio = expectOk("getSimilarSongs2", await api.getSimilarSongs2({ id: song.song.artistId, count: 3 }));
out.radio = radio.similarSongs2.song.map((s) => s.id);
const mobile = await api.stream({ id: songId, maxBitRate: 64, format: "mp3" });
out.mobileType = mobile.headers.get("content-type");
out.mobileBytes = (await mobile.arrayBuffer()).byteLength;
out.coverArt = song.song.coverArt;
const cover = await api.getCoverArt({ id: song.song.coverArt, size: 50 });
out.coverType = cover.headers.get("content-type");
out.coverBytes = (await cover.arrayBuffer()).byteLength;

const wrong = new SubsonicAPI({ url: base, auth: { username, password: password + "x" } });
const refused = await wrong.ping();
out.wrongPassword = refused.status + ":" + (refused.error ? refused.error.code : "");

const keyed = new SubsonicAPI({ url: base, auth: { apiKey } });
out.apiKeyPing = expectOk("apiKey ping", await keyed.ping()).status;
console.log(JSON.stringify(out));
