#!/usr/bin/env bash
# The primary's half of streaming replication, run once by the postgres image when it initialises an empty data
# directory (mounted into /docker-entrypoint-initdb.d/). The image runs this file, or sources it when it is not
# executable, so it sets the image's own shell options, no others, and stops the initialisation at a failure either way.
#
# - a login role with the REPLICATION attribute (no superuser), with the password in REPLICATION_PASSWORD;
# - a physical replication slot, so the primary keeps the WAL the replica has not yet received, up to
#   max_slot_wal_keep_size (the primary's command line). A replica away for longer finds its slot lost and must be
#   rebuilt: on the primary, pg_drop_replication_slot and pg_create_physical_replication_slot('eokb_replica'), then
#   remove the replica's volume so its next start copies the primary afresh;
# - a pg_hba.conf line letting that role replicate from the networks the primary is attached to (`samenet`: the
#   compose network), with a password; the image's own `host all all all` line does not cover replication.

set -Eeo pipefail

psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
	--set=password="$REPLICATION_PASSWORD" --set=slot="${REPLICATION_SLOT:-eokb_replica}" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SELECT pg_create_physical_replication_slot(:'slot');
SQL

cat >> "$PGDATA/pg_hba.conf" <<'HBA'

# the streaming replica (deploy/postgres/primary-replication.sh)
host replication replicator samenet scram-sha-256
HBA
