#!/usr/bin/env bash
# Entrypoint of the streaming replica: on its first start (no database in PGDATA) it copies the primary with
# pg_basebackup -R, which also writes standby.signal and primary_conninfo (password included) into the copy; then
# it hands over to the image's own entrypoint, which finds a database there and starts postgres as a hot standby.
#
# Needs PRIMARY_HOST and REPLICATION_PASSWORD (the primary's replicator role, see primary-replication.sh).
# The copy is made beside PGDATA and moved into place only when complete, so a first start cut off midway starts
# over next time rather than leave half a data directory behind.
set -Eeuo pipefail

if [ ! -s "$PGDATA/PG_VERSION" ]; then
	if [ -d "$PGDATA" ] && [ -n "$(ls -A "$PGDATA")" ]; then
		echo "replica: $PGDATA holds files but no database; not overwriting it" >&2
		exit 1
	fi
	partial="$PGDATA.partial"
	mkdir -p "$(dirname "$PGDATA")"
	chown postgres:postgres "$(dirname "$PGDATA")"
	rm -rf "$partial"
	echo "replica: copying $PRIMARY_HOST with pg_basebackup" >&2
	gosu postgres env PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup \
		--host="$PRIMARY_HOST" --port="${PRIMARY_PORT:-5432}" --username=replicator \
		--pgdata="$partial" --write-recovery-conf --wal-method=stream \
		--slot="${REPLICATION_SLOT:-eokb_replica}" --checkpoint=fast
	rm -rf "$PGDATA" # empty, as checked above
	mv "$partial" "$PGDATA"
	echo "replica: copy complete; starting as a hot standby" >&2
fi

exec docker-entrypoint.sh "$@"
