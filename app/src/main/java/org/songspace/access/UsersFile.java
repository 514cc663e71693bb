package org.songspace.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.songspace.io.UserError;

/**
 * The people allowed in, from {@code serve --users FILE} and optionally {@code --api-keys FILE}.
 * <ul>
 *   <li>Users file: one {@code name:password} a line. The name ends at the <em>first</em> colon, the
 *       password is the rest of the line (so it may hold colons and spaces).</li>
 *   <li>API keys file: one {@code name:key} a line, for a user of the users file; a user may have several
 *       keys (one per device); keys are at least {@value #MIN_KEY_LENGTH} characters of
 *       {@code A-Z a-z 0-9 . _ ~ -} (e.g. {@code openssl rand -hex 24}) and no two are alike.</li>
 * </ul>
 * Blank lines and lines starting with {@code #} are skipped. Both files must be readable and writable by
 * their owner only (they hold secrets in clear, and whoever may write them may add an account).
 * The files are read again when they change (checked at most once a second, on a request): an edit takes
 * effect without a restart, and a file that becomes invalid lets nobody in until it is fixed (logged).
 */
public final class UsersFile {
    public static final int MIN_KEY_LENGTH = 16;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
    private static final Logger LOG = LoggerFactory.getLogger(UsersFile.class);

    private final Path users;
    private final Path apiKeys;
    private volatile State state;

    /** What was read, and the files' stamps when it was read. */
    private record State(Accounts accounts, List<Object> stamps, long checkedAt, String problem) {
    }

    private UsersFile(Path users, Path apiKeys) {
        this.users = users;
        this.apiKeys = apiKeys;
    }

    /** Reads both files now; a problem is a {@link UserError} naming the file, the line and what to do. */
    public static UsersFile open(Path users, Path apiKeys) throws IOException {
        UsersFile file = new UsersFile(users, apiKeys);
        file.state = new State(file.read(), file.stamps(), System.nanoTime(), null);
        return file;
    }

    /** The current accounts, read again first when a file changed. */
    public Accounts accounts() {
        State s = state;
        long now = System.nanoTime();
        if (now - s.checkedAt() < CHECK_EVERY_NANOS) {
            return current(s);
        }
        synchronized (this) {
            s = state;
            if (now - s.checkedAt() < CHECK_EVERY_NANOS) {
                return current(s);
            }
            List<Object> stamps = stamps();
            if (stamps.equals(s.stamps())) {
                state = new State(s.accounts(), stamps, now, s.problem());
            } else {
                state = reload(stamps, now);
            }
            return current(state);
        }
    }

    private State reload(List<Object> stamps, long now) {
        try {
            Accounts accounts = read();
            LOG.info("{}: read again, {} users", users, accounts.byName().size());
            return new State(accounts, stamps, now, null);
        } catch (UserError | IOException e) {
            LOG.error("{}; nobody can log in until it is fixed", e.getMessage());
            return new State(null, stamps, now, e.getMessage());
        }
    }

    private static Accounts current(State s) {
        if (s.accounts() == null) {
            throw new AccessDenied(AccessDenied.Reason.NO_USERS, "the server's users file is invalid: " + s.problem());
        }
        return s.accounts();
    }

    private List<Object> stamps() {
        return java.util.Arrays.asList(stamp(users), apiKeys == null ? null : stamp(apiKeys));
    }

    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), Objects.toString(a.fileKey()));
        } catch (IOException e) {
            return "missing";
        }
    }

    private Accounts read() throws IOException {
        Map<String, User> byName = new LinkedHashMap<>();
        List<String> lines = lines(users, "--users", "name:password");
        for (int i = 0; i < lines.size(); i++) {
            String[] field = split(lines.get(i));
            if (field == null) {
                continue;
            }
            if (field.length != 2 || field[0].isEmpty() || field[1].isEmpty()) {
                throw new UserError(where("--users", users, i) + "expected name:password with a name and a password");
            }
            if (byName.put(field[0], new User(field[0], field[1])) != null) {
                throw new UserError(where("--users", users, i) + "user " + field[0] + " appears twice");
            }
        }
        if (byName.isEmpty()) {
            throw new UserError("--users " + users + " names nobody (one name:password a line)");
        }
        return new Accounts(byName, apiKeys == null ? Map.of() : readKeys(byName));
    }

    private Map<String, User> readKeys(Map<String, User> byName) throws IOException {
        Map<String, User> byKey = new HashMap<>();
        List<String> lines = lines(apiKeys, "--api-keys", "name:key");
        for (int i = 0; i < lines.size(); i++) {
            String[] field = split(lines.get(i));
            if (field == null) {
                continue;
            }
            if (field.length != 2 || !byName.containsKey(field[0])) {
                throw new UserError(where("--api-keys", apiKeys, i) + "expected name:key for a user of " + users);
            }
            String key = field[1];
            if (key.length() < MIN_KEY_LENGTH || !KEY.matcher(key).matches()) {
                throw new UserError(where("--api-keys", apiKeys, i) + "a key is at least " + MIN_KEY_LENGTH
                        + " characters of A-Z a-z 0-9 . _ ~ - (e.g. openssl rand -hex 24)");
            }
            if (byKey.put(key, byName.get(field[0])) != null) {
                throw new UserError(where("--api-keys", apiKeys, i) + "this key is already given on an earlier line");
            }
        }
        return byKey;
    }

    /** Name and rest of a line, split at the first colon; null for a blank line or a comment. */
    private static String[] split(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int colon = line.indexOf(':');
        return colon < 0 ? new String[] {line} : new String[] {line.substring(0, colon).strip(), line.substring(colon + 1)};
    }

    private static List<String> lines(Path file, String flag, String format) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError(flag + " " + file + ": no such file (one " + format + " a line)");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(SHARED::contains)) {
                throw new UserError(flag + " " + file + " can be read or written by other users; it holds secrets "
                        + "and whoever may write it may add an account: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static String where(String flag, Path file, int line) {
        return flag + " " + file + " line " + (line + 1) + ": ";
    }
}
