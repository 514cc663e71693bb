package org.songspace.subsonic;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.songspace.audio.TagReader;
import org.songspace.index.IndexedTrack;

/**
 * Album covers: a picture embedded in the album's songs, else an image beside them (cover, folder, front or
 * album .jpg/.jpeg/.png, any case). Whether an album has one is found once and kept; a background pass
 * finds it for every album after the server starts, so lists do not wait for it. {@code getCoverArt size=N}
 * scales the picture to fit N x N (never enlarging), as JPEG, and keeps the scaled copy on disk.
 */
final class CoverArt {
    private static final List<String> NAMES = List.of("cover", "folder", "front", "album");
    private static final List<String> TYPES = List.of("jpg", "jpeg", "png");
    /** Largest size a client may ask for. */
    static final int MAX_SIZE = 2000;

    record Picture(byte[] data, String mimeType) {
    }

    private final SubsonicCatalog catalog;
    private final Path scaledDir;
    /** Album id to where its picture comes from: a song with embedded art, or an image file; empty for none. */
    private final Map<String, Optional<Object>> sources = new ConcurrentHashMap<>();

    CoverArt(SubsonicCatalog catalog, Path scaledDir) {
        this.catalog = catalog;
        this.scaledDir = scaledDir;
    }

    /** Looks every album up in a low-priority thread, so that the first lists already show covers. */
    void warmUp() {
        Thread t = new Thread(() -> catalog.albums().forEach(a -> source(a)), "cover-art-scan");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The album's cover id (the album's id) when it has a picture, else null. */
    String idFor(SubsonicCatalog.Album album) {
        return source(album).isPresent() ? album.id() : null;
    }

    /** The picture of an album, a song (its own, else its album's) or an artist (its first album with one). */
    Optional<Picture> picture(String id) throws IOException {
        if (id.startsWith("ar-")) {
            for (SubsonicCatalog.Album a : catalog.artist(id).albums()) {
                Optional<Picture> p = read(source(a));
                if (p.isPresent()) {
                    return p;
                }
            }
            return Optional.empty();
        }
        if (id.startsWith("al-")) {
            return read(source(catalog.album(id)));
        }
        IndexedTrack song = catalog.song(id);
        Optional<TagReader.Picture> own = TagReader.embeddedArt(Path.of(song.path()));
        return own.isPresent() ? Optional.of(new Picture(own.get().data(), own.get().mimeType())) : read(source(catalog.albumOf(song)));
    }

    /** The picture scaled to fit {@code size} x {@code size}; the original when it is smaller or not readable. */
    Picture scaled(String id, Picture original, int size) throws IOException {
        Path cached = scaledDir.resolve(SubsonicCatalog.id("", id + "\u0000" + original.data().length) + "-" + size + ".jpg");
        if (Files.isRegularFile(cached)) {
            return new Picture(Files.readAllBytes(cached), "image/jpeg");
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(original.data()));
        if (image == null || Math.max(image.getWidth(), image.getHeight()) <= size) {
            return original;
        }
        double scale = size / (double) Math.max(image.getWidth(), image.getHeight());
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(out, "jpg", bytes);
        Files.createDirectories(scaledDir);
        Path partial = Files.createTempFile(scaledDir, "scaling", ".part");
        Files.write(partial, bytes.toByteArray());
        Files.move(partial, cached, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Picture(bytes.toByteArray(), "image/jpeg");
    }

    private Optional<Object> source(SubsonicCatalog.Album album) {
        return sources.computeIfAbsent(album.id(), k -> find(album));
    }

    private static Optional<Object> find(SubsonicCatalog.Album album) {
        for (IndexedTrack t : album.songs()) {
            if (TagReader.embeddedArt(Path.of(t.path())).isPresent()) {
                return Optional.of(t);
            }
        }
        Path folder = Path.of(album.songs().get(0).path()).getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(CoverArt::isCoverImage).sorted().findFirst().map(p -> (Object) p);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isCoverImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && NAMES.contains(name.substring(0, dot)) && TYPES.contains(name.substring(dot + 1)) && Files.isRegularFile(p);
    }

    private static Optional<Picture> read(Optional<Object> source) throws IOException {
        if (source.isEmpty()) {
            return Optional.empty();
        }
        if (source.get() instanceof IndexedTrack t) {
            return TagReader.embeddedArt(Path.of(t.path())).map(p -> new Picture(p.data(), p.mimeType()));
        }
        Path image = (Path) source.get();
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        return Optional.of(new Picture(Files.readAllBytes(image), name.endsWith(".png") ? "image/png" : "image/jpeg"));
    }
}
