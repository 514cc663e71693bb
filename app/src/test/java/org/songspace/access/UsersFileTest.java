package org.songspace.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.songspace.io.UserError;

/** The users file cannot be misread, is refused when others may read or write it, and is read again on change. */
class UsersFileTest {
    static final String KEY = "0123456789abcdef0123";

    @TempDir
    Path tmp;

    Path file(String name, String content, String mode) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void aPasswordMayHoldColonsAndSpaces() throws Exception {
        Accounts a = UsersFile.open(file("users", "# who\ncarol:pa:ss\ndave: two words \n", "rw-------"), null).accounts();
        assertEquals("carol", a.authenticate(Map.of("u", "carol", "p", "pa:ss")).name());
        assertEquals("dave", a.authenticate(Map.of("u", "dave", "p", " two words")).name(), "only the line's end is stripped");
        AccessDenied wrong = assertThrows(AccessDenied.class, () -> a.authenticate(Map.of("u", "carol", "p", "pa")));
        assertEquals(AccessDenied.Reason.WRONG_CREDENTIALS, wrong.reason());
        assertTrue(a.byApiKey().isEmpty(), "no field of the users file is ever an API key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw--w----", "rw-----w-", "rw--w--w-", "rw-r-----", "rw----r--"})
    void refusedWhenOthersMayReadOrWrite(String mode) throws Exception {
        Path users = file("users", "alice:secret\n", mode);
        UserError e = assertThrows(UserError.class, () -> UsersFile.open(users, null));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        Path good = file("users-ok", "alice:secret\n", "rw-------");
        Path keys = file("keys", "alice:" + KEY + "\n", mode);
        assertTrue(assertThrows(UserError.class, () -> UsersFile.open(good, keys)).getMessage().contains("--api-keys"));
    }

    @Test
    void apiKeysAreLongUniqueAndBelongToAUser() throws Exception {
        Path users = file("users", "alice:secret\nbob:other\n", "rw-------");
        Accounts a = UsersFile.open(users, file("keys", "alice:" + KEY + "\nalice:" + KEY + "-phone\nbob:b" + KEY + "\n",
                "rw-------")).accounts();
        assertEquals("alice", a.authenticate(Map.of("apiKey", KEY + "-phone")).name(), "one key per device");
        assertEquals("bob", a.authenticate(Map.of("apiKey", "b" + KEY)).name());
        for (String bad : new String[] {"alice:short\n", "alice:" + KEY + "\nbob:" + KEY + "\n", "mallory:" + KEY + "\n",
            "alice:" + KEY + " with space\n", "alice\n"}) {
            Path keys = file("bad-keys", bad, "rw-------");
            UserError e = assertThrows(UserError.class, () -> UsersFile.open(users, keys), bad);
            assertTrue(e.getMessage().contains("line"), e.getMessage());
        }
    }

    @Test
    void badLinesAreNamed() throws Exception {
        for (String bad : new String[] {"alice:\n", "no-colon\n", ":nameless\n", "alice:a\nalice:b\n", "# nobody\n"}) {
            Path users = file("bad-users", bad, "rw-------");
            UserError e = assertThrows(UserError.class, () -> UsersFile.open(users, null), bad);
            assertTrue(e.getMessage().contains("line") || e.getMessage().contains("names nobody"), e.getMessage());
        }
    }

    @Test
    void emptySaltIsRefused() throws Exception {
        Accounts a = UsersFile.open(file("users", "alice:secret\n", "rw-------"), null).accounts();
        AccessDenied e = assertThrows(AccessDenied.class, () -> a.authenticate(Map.of("u", "alice", "s", "",
                "t", Accounts.md5Hex("secret"))));
        assertEquals(AccessDenied.Reason.MISSING_PARAMETER, e.reason());
    }

    @Test
    void editsTakeEffectWithoutARestartAndABrokenFileLetsNobodyIn() throws Exception {
        Path users = file("users", "alice:old\n", "rw-------");
        UsersFile file = UsersFile.open(users, null);
        assertEquals("alice", file.accounts().authenticate(Map.of("u", "alice", "p", "old")).name());
        Files.writeString(users, "alice:new\nerin:hello\n");
        Files.setLastModifiedTime(users, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Thread.sleep(1100);
        assertEquals("erin", file.accounts().authenticate(Map.of("u", "erin", "p", "hello")).name());
        assertThrows(AccessDenied.class, () -> file.accounts().authenticate(Map.of("u", "alice", "p", "old")));

        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setLastModifiedTime(users, FileTime.fromMillis(System.currentTimeMillis() + 10000));
        Thread.sleep(1100);
        AccessDenied e = assertThrows(AccessDenied.class, () -> file.accounts());
        assertEquals(AccessDenied.Reason.NO_USERS, e.reason());
    }

    @Test
    void sessionsEndWhenThePasswordChanges() throws Exception {
        Sessions sessions = new Sessions();
        Accounts before = UsersFile.open(file("users", "alice:old\n", "rw-------"), null).accounts();
        String token = sessions.open(before.user("alice").orElseThrow());
        assertTrue(sessions.user(token, before).isPresent());
        Accounts after = UsersFile.open(file("users2", "alice:new\n", "rw-------"), null).accounts();
        assertTrue(sessions.user(token, after).isEmpty());
        assertTrue(sessions.user(token, before).isEmpty(), "and the session is gone for good");
        assertTrue(sessions.user("forged", before).isEmpty());
    }
}
