#!/usr/bin/env python3
"""Converts between corpus files and load_fuzzer inputs (fuzz/load_fuzzer.cpp).

  make_seeds.py seeds CORPUS_DIR OUT_DIR   every case of tests/corpus/files as a fuzzer input
  make_seeds.py unpack INPUT OUT_DIR       a fuzzer input (say a crash) as the file(s) it stands for,
                                           ready to add to tests/corpus/files

An input is one selector byte (the format, by index into EXTENSIONS) and the
file's bytes; a shapefile carries the .shp and .shx lengths (uint32 LE) and
then .shp, .shx and .dbf.
"""
import json
import os
import struct
import sys

# The same order as kExtensions in load_fuzzer.cpp.
EXTENSIONS = ["geojson", "kml", "fgb", "gpkg", "shp", "csv", "gml", "tif", "dat"]
SIDECARS = (".shx", ".dbf", ".prj", ".cpg")


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return b""


def seeds(corpus, out):
    # Cases the replay tests skip (they do not finish today) would stop the
    # fuzzer before it starts; they become seeds when their entry loses "skip".
    with open(os.path.join(os.path.dirname(corpus.rstrip("/")), "expectations.json")) as f:
        skipped = {n for n, e in json.load(f)["files"].items() if "skip" in e}
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(corpus)):
        stem, ext = os.path.splitext(name)
        if ext in SIDECARS or name in skipped:
            continue
        ext = ext[1:].lower()
        index = EXTENSIONS.index(ext) if ext in EXTENSIONS else EXTENSIONS.index("dat")
        if ext == "shp":
            shp, shx, dbf = (read(os.path.join(corpus, stem + e)) for e in (".shp", ".shx", ".dbf"))
            body = struct.pack("<II", len(shp), len(shx)) + shp + shx + dbf
        else:
            body = read(os.path.join(corpus, name))
        with open(os.path.join(out, name), "wb") as f:
            f.write(bytes([index]) + body)


def unpack(path, out):
    data = read(path)
    if not data:
        sys.exit("empty input")
    ext = EXTENSIONS[data[0] % len(EXTENSIONS)]
    os.makedirs(out, exist_ok=True)
    stem = os.path.join(out, "fuzz_" + os.path.splitext(os.path.basename(path))[0].replace("-", "_")[:40])
    body = data[1:]
    if ext == "shp":
        shp, shx = struct.unpack("<II", body[:8])
        body = body[8:]
        parts = {".shp": body[:shp], ".shx": body[shp:shp + shx], ".dbf": body[shp + shx:]}
    else:
        parts = {"." + ext: body}
    for e, b in parts.items():
        with open(stem + e, "wb") as f:
            f.write(b)
        print(stem + e)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("seeds", "unpack"):
        sys.exit(__doc__)
    (seeds if sys.argv[1] == "seeds" else unpack)(sys.argv[2], sys.argv[3])
