#!/bin/sh
# The committed corpus is exactly what make_corpus.py writes: regenerates it
# into a scratch folder and compares byte for byte.
#   regenerates.sh CORPUS_DIR SCRATCH_DIR
set -eu
corpus=$1
out=$2/corpus-regenerated
rm -rf "$out"
/usr/bin/python3 "$corpus/make_corpus.py" "$out" 2>/dev/null
diff -r "$corpus/files" "$out" || { echo "tests/corpus/files differs from what make_corpus.py writes" >&2; exit 1; }
