package org.songspace.subsonic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.songspace.io.UserError;

/**
 * The people allowed in, from {@code serve --users FILE}: one {@code name:password} a line, optionally
 * {@code name:password:apiKey} to give that user an OpenSubsonic API key (delete the field to revoke it);
 * blank lines and lines starting with {@code #} are skipped. The file must be readable by its owner only
 * (it holds passwords in clear, as token authentication needs them), and there is no default user.
 * Authentication, as the Subsonic and OpenSubsonic specs say: {@code u} with a token {@code t} =
 * md5(password + salt {@code s}), or with a password {@code p} (clear or {@code enc:} hex); or an
 * {@code apiKey} alone.
 */
final class SubsonicUsers {
    record User(String name, String password, String apiKey) {
    }

    private final Map<String, User> byName;
    private final Map<String, User> byApiKey = new LinkedHashMap<>();

    private SubsonicUsers(Map<String, User> byName) {
        this.byName = byName;
        byName.values().stream().filter(u -> u.apiKey() != null).forEach(u -> byApiKey.put(u.apiKey(), u));
    }

    static SubsonicUsers read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError("--users " + file + ": no such file (one name:password a line)");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                throw new UserError("--users " + file + " can be read by other users; it holds passwords: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
        Map<String, User> users = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isEmpty()) {
                throw new UserError("--users " + file + " line " + (i + 1) + ": expected name:password (or "
                        + "name:password:apiKey), with a non-empty password");
            }
            String key = parts.length == 3 && !parts[2].isBlank() ? parts[2].strip() : null;
            if (users.put(parts[0], new User(parts[0], parts[1], key)) != null) {
                throw new UserError("--users " + file + " line " + (i + 1) + ": user " + parts[0] + " appears twice");
            }
        }
        if (users.isEmpty()) {
            throw new UserError("--users " + file + " names nobody (one name:password a line)");
        }
        return new SubsonicUsers(users);
    }

    /** The user a request's parameters authenticate, or the spec's error. */
    User authenticate(Map<String, String> params) {
        String apiKey = params.get("apiKey");
        String name = params.get("u");
        if (apiKey != null) {
            if (name != null) {
                throw new SubsonicException(SubsonicException.CONFLICTING_MECHANISMS,
                        "Multiple conflicting authentication mechanisms provided: apiKey with u");
            }
            User u = byApiKey.get(apiKey);
            if (u == null) {
                throw new SubsonicException(SubsonicException.INVALID_API_KEY, "Invalid API key");
            }
            return u;
        }
        if (name == null) {
            throw SubsonicException.missing("u (or apiKey)");
        }
        String token = params.get("t");
        String password = params.get("p");
        if (token != null && password != null) {
            throw new SubsonicException(SubsonicException.CONFLICTING_MECHANISMS,
                    "Multiple conflicting authentication mechanisms provided: t with p");
        }
        User user = byName.get(name);
        boolean ok;
        if (token != null) {
            String salt = params.get("s");
            if (salt == null) {
                throw SubsonicException.missing("s");
            }
            ok = user != null && equal(md5Hex(user.password() + salt), token.toLowerCase(Locale.ROOT));
        } else if (password != null) {
            ok = user != null && equal(user.password(), clear(password));
        } else {
            throw SubsonicException.missing("t and s (or p)");
        }
        if (!ok) {
            throw new SubsonicException(SubsonicException.WRONG_CREDENTIALS, "Wrong username or password");
        }
        return user;
    }

    private static String clear(String p) {
        if (!p.startsWith("enc:")) {
            return p;
        }
        try {
            return new String(HexFormat.of().parseHex(p.substring(4)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Compares in constant time, so the answer's timing says nothing about how much matched. */
    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }
}
