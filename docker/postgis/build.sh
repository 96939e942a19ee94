#!/bin/sh
# Builds a PostgreSQL 15 + PostGIS 3 image from Debian packages alone, for a Docker engine that reaches no image
# registry: debootstrap a minimal bookworm with the packages, add entrypoint.sh, and `docker import` the tree.
#   docker/postgis/build.sh IMAGE [MIRROR]
# Needs root, debootstrap and a Docker engine.
set -eu
image=$1
mirror=${2:-http://deb.debian.org/debian}
here="$(cd "$(dirname "$0")" && pwd)"
rootfs="$(mktemp -d /var/tmp/riskmap-postgis.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT
debootstrap --variant=minbase --include=postgresql-15,postgresql-15-postgis-3 bookworm "$rootfs" "$mirror" >/dev/null
# The packages' own cluster is not used: the entrypoint makes one in PGDATA on the container's first start.
rm -rf "$rootfs/var/lib/postgresql/15" "$rootfs/etc/postgresql/15" "$rootfs/var/cache/apt/archives"/*.deb "$rootfs/var/lib/apt/lists"/*
install -m 755 "$here/entrypoint.sh" "$rootfs/usr/local/bin/docker-entrypoint.sh"
mkdir -p "$rootfs/docker-entrypoint-initdb.d"
tar -C "$rootfs" -c . | docker import \
  -c 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  -c 'ENV PGDATA=/var/lib/postgresql/data' \
  -c 'ENTRYPOINT ["docker-entrypoint.sh"]' \
  -c 'CMD ["postgres"]' \
  -c 'EXPOSE 5432' \
  - "$image" >/dev/null
