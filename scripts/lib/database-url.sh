# Sourced by scripts/backup and scripts/restore (bash).
#
# database_url_split URL: for a DATABASE_URL as Kansrijk reads it
# (postgres://USER:PASSWORD@HOST:PORT/NAME?OPTIONS), sets
#   PG_URI     the same address without the password, for pg_dump, pg_restore and psql; it is
#              safe on a command line, which every user of the machine can read with `ps`
#   PG_DBNAME  the database name
# and exports PGPASSWORD with the password, when the URL has one: a process's environment is
# readable only by its own user. Returns 1 when the URL is not a PostgreSQL URL.
database_url_split() {
    local parts
    parts=$(python3 - "$1" <<'PYTHON'
import sys
import urllib.parse as up

parts = up.urlsplit(sys.argv[1])
name = up.unquote(parts.path.lstrip("/"))
if parts.scheme not in ("postgres", "postgresql") or not name or "/" in name:
    sys.exit(1)
userinfo, _, hostport = parts.netloc.rpartition("@")
user, _, password = userinfo.partition(":")
address = (user + "@" if user else "") + hostport
uri = up.urlunsplit((parts.scheme, address, parts.path, parts.query, ""))
# One field a line; a newline in any of them cannot be told apart, so it is refused.
fields = [uri, name, up.unquote(password)]
if any("\n" in field for field in fields):
    sys.exit(1)
print("\n".join(fields))
PYTHON
    ) || return 1
    PG_URI=$(sed -n 1p <<<"$parts")
    PG_DBNAME=$(sed -n 2p <<<"$parts")
    local password
    password=$(sed -n 3p <<<"$parts")
    if [ -n "$password" ]; then
        export PGPASSWORD=$password
    fi
}

# gpg with a home of its own for this run, removed (with the agent gpg starts) by gpg_cleanup.
gpg_home() {
    GNUPGHOME=$(mktemp -d)
    export GNUPGHOME
}

gpg_cleanup() {
    if [ -n "${GNUPGHOME:-}" ] && [ -d "$GNUPGHOME" ]; then
        gpgconf --kill gpg-agent 2>/dev/null || true
        rm -rf "$GNUPGHOME"
    fi
}
