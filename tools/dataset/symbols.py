"""The military symbol catalog (geodata/symbols.json): APP-6 / MIL-STD-2525C
symbols as SVG, made with the npm package milsymbol (run by node), for every
ground installation and the common ground unit types, in the four standard
affiliations, and for every SIDC the curated layers use.

Pamir rasterises them with librsvg when it draws them (any size, crisp), and
fills each frame with the feature's own fill colour (a curated site keeps
its operator colour) or, for the analyst's layers, the affiliation's
standard colour given here. Keys are the SIDC's first ten characters with
the status anticipated ("A") or present ("P"), as Pamir looks them up."""
import glob
import json
import os
import re
import subprocess

from .common import fail, log

PLACEHOLDER = "#FF00FF"
SIZE = 30  # milsymbol's size: the frame of a unit is about 35 px
AFFILIATIONS = {"F": "#80E0FF", "H": "#FF8080", "N": "#AAFFAA", "U": "#FFFF80"}  # 2525C fills, "light" colour mode


def catalog_codes(milsymbol_dir):
    """Installations (every one milsymbol defines) and ground units whose
    function is two or three letters (infantry, armour, air defence and
    their first subtypes), as 'S-G-xxxxxx' patterns."""
    src = os.path.join(milsymbol_dir, "package", "src", "lettersidc", "sidc")
    codes = set()
    for name, pattern in (("installations.js", r'sId\["(S-G-I[A-Z-]{5})"\]'),
                          ("ground.js", r'sId\["(S-G-U[A-Z]{2,3}-{3,4})"\]')):
        with open(os.path.join(src, name), encoding="utf-8") as f:
            codes.update(re.findall(pattern, f.read()))
    return sorted(c for c in codes if len(c) == 10)


def key_of(sidc):
    """What Pamir looks a SIDC up by: upper case, its first ten characters
    (scheme, affiliation, dimension, status, function), the status 'A'
    (anticipated: a dashed frame) or else 'P' (present)."""
    s = sidc.strip().upper().replace("*", "-")
    s = (s + "-" * 15)[:10]
    return s[:3] + (s[3] if s[3] == "A" else "P") + s[4:]


def curated_codes(curated_dir):
    codes = set()
    for path in sorted(glob.glob(os.path.join(curated_dir, "*.geojson"))):
        with open(path, encoding="utf-8") as f:
            for feat in json.load(f)["features"]:
                sidc = feat["properties"].get("sidc")
                if sidc:
                    codes.add(key_of(sidc))
    return codes


def build_symbols(npm_dir, curated_dir, out_path):
    milsymbol_dir = os.path.join(npm_dir, "milsymbol-3.0.4")
    keys = set(curated_codes(curated_dir))
    for pattern in catalog_codes(milsymbol_dir):
        for aff in AFFILIATIONS:
            keys.add(pattern[0] + aff + pattern[2] + "P" + pattern[4:])
    # Installations carry the "H" modifier (the installation frame's bar on top).
    full = {k: (k + ("H----" if k[4] == "I" else "-----")) for k in sorted(keys)}
    request = {"milsymbol": milsymbol_dir, "codes": sorted(full.values()), "size": SIZE, "placeholder": PLACEHOLDER}
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "milsymbol_svg.cjs")
    try:
        done = subprocess.run(["node", script], input=json.dumps(request).encode(), capture_output=True, check=True)
    except FileNotFoundError:
        fail("node is needed to make the military symbols (run tools/setup-debian.sh --dataset)")
    except subprocess.CalledProcessError as e:
        fail("milsymbol failed: " + e.stderr.decode(errors="replace"))
    rendered = json.loads(done.stdout)
    symbols = {}
    for key, sidc in full.items():
        r = rendered[sidc]
        if PLACEHOLDER not in r["svg"]:
            fail(f"milsymbol drew {sidc} without the placeholder fill")
        symbols[key] = {"sidc": sidc, "svg": r["svg"], "anchor": [round(v, 3) for v in r["anchor"]],
                        "size": [round(v, 3) for v in r["size"]], "fill": AFFILIATIONS.get(key[1], "#FFFF80")}
    doc = {"format": "pamir-symbols", "version": 1,
           "made_with": "milsymbol 3.0.4 (npm), MIL-STD-2525C letter SIDCs",
           "placeholder_fill": PLACEHOLDER, "symbols": symbols}
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        f.write("\n")
    os.replace(tmp, out_path)
    log(f"symbols.json: {len(symbols)} symbols")
