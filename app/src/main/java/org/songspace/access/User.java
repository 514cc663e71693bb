package org.songspace.access;

/** A person allowed in. The password is kept in clear because Subsonic's token authentication needs it. */
public record User(String name, String password) {
    @Override
    public String toString() {
        return "User[" + name + "]";
    }
}
