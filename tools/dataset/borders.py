"""The countries and borders layers: admin-0 polygons, shared-arc boundary lines and
Natural Earth claim lines."""
import math

from osgeo import gdal, ogr

from .common import CLAIMS_MIN_LON, EXTRA_COUNTRIES, LOC_SOUTH_LAT, REGION, box_polygon, fail, in_box, log
from .topology import make_valid_polygonal


def build_countries(topo, table, valid):
    region = box_polygon(REGION)
    feats = []
    for i, (name, iso3, num, note, alt) in enumerate(table):
        if iso3 not in EXTRA_COUNTRIES and not valid.may_intersect(i, REGION):
            continue
        geom = valid[i]
        if geom.IsEmpty():
            continue
        if iso3 not in EXTRA_COUNTRIES:
            if not geom.Intersects(region):
                continue
            geom = make_valid_polygonal(geom.Intersection(region))
            if geom.IsEmpty() or geom.GetArea() < 1e-9:
                continue
        feats.append({"name": name, "name_alt": alt, "iso_a3": iso3, "iso_n3": num, "note": note,
                      "clipped": 0 if iso3 in EXTRA_COUNTRIES else int(not strictly_inside_region(geom, region)),
                      "_geom": geom})
    feats.sort(key=lambda f: (f["iso_a3"] or "~", f["name"]))
    return feats


def strictly_inside_region(geom, region):
    """False for a polygon the REGION clip cut: it reaches the box edge."""
    env = geom.GetEnvelope()
    return REGION[0] < env[0] and env[1] < REGION[2] and REGION[1] < env[2] and env[3] < REGION[3]


def classify_border(a3, b3, name_a, name_b, mid_lat):
    pair = {a3, b3}
    names = {name_a, name_b}
    if pair == {"IND", "PAK"}:
        if mid_lat >= LOC_SOUTH_LAT:
            return "line_of_control", "Line of Control (India–Pakistan, Kashmir)", \
                "De facto line; north of 32.5 N (incl. the Jammu–Sialkot Working Boundary sector)."
        return "international", "India–Pakistan boundary", ""
    if pair == {"IND", "CHN"}:
        return "line_of_actual_control", "Line of Actual Control (India–China)", \
            "De facto line of Natural Earth; Aksai Chin is shown inside China, Arunachal Pradesh inside India."
    if "Siachen Glacier" in names:
        other = (names - {"Siachen Glacier"}).pop()
        if other == "Pakistan":
            return "line_of_control", "Actual Ground Position Line (Siachen)", \
                "Extension of the Line of Control north of NJ9842; Indian and Pakistani positions."
        if other == "China":
            return "disputed", "Siachen–Shaksgam line", \
                "Between Indian-held Siachen and the Shaksgam tract, ceded by Pakistan to China in 1963; India claims both."
        return None
    if pair == {"AFG", "PAK"}:
        return "international", "Durand Line (Afghanistan–Pakistan)", "Not formally recognised by Afghanistan."
    if pair == {"CHN", "PAK"}:
        return "international", "China–Pakistan boundary", \
            "1963 boundary agreement; India does not recognise it (claims Gilgit-Baltistan)."
    if pair == {"CHN", "TJK"}:
        return "international", "China–Tajikistan boundary", \
            "Demarcated after the 2002 agreement; Tajikistan ratified the cession of about 1,000 km² in 2011."
    if not a3 or not b3 or a3 == b3:
        return None  # units without a code, and Baikonur's lease line inside Kazakhstan
    return "international", f"{name_a}–{name_b} boundary", ""


def chain_lines(segments):
    """Joins oriented polylines end-to-start into as few lines as possible, deterministically."""
    segments = sorted(segments)
    starts = {}
    for i, s in enumerate(segments):
        starts.setdefault(s[0], []).append(i)
    ends = {s[-1] for s in segments}
    used = [False] * len(segments)
    lines = []
    # Start at segments whose start is no other segment's end, then any remaining (rings).
    order = [i for i, s in enumerate(segments) if s[0] not in ends] + list(range(len(segments)))
    for i in order:
        if used[i]:
            continue
        used[i] = True
        line = list(segments[i])
        while True:
            nxt = [j for j in starts.get(line[-1], []) if not used[j]]
            if not nxt:
                break
            used[nxt[0]] = True
            line.extend(segments[nxt[0]][1:])
        lines.append(line)
    return lines


def build_borders(topo, table, countries_valid):
    region = box_polygon(REGION)
    users = topo.arc_users()
    # Which side of a forward-traversed arc is the country on? Decide it from
    # the data (majority vote over test points just off the arc), then use it
    # for every arc.
    votes = {"right": 0, "left": 0}
    pairs = {}
    for a, us in sorted(users.items()):
        cs = sorted({c for c, _ in us})
        if len(cs) != 2 or len(us) != 2:
            continue
        pts = topo.arcs[a]
        if len(pts) < 2:
            continue
        (c0, fwd0) = us[0]
        if not any(in_box(x, y, REGION) for x, y in pts):
            continue
        pairs.setdefault(tuple(cs), []).append((a, c0, fwd0))
        if sum(votes.values()) < 400 and table[c0][1] in countries_valid:
            k = len(pts) // 2
            (x1, y1), (x2, y2) = pts[k - 1], pts[k]
            dx, dy = x2 - x1, y2 - y1
            n = math.hypot(dx, dy)
            if n == 0:
                continue
            mx, my = (x1 + x2) / 2, (y1 + y2) / 2
            eps = 1e-4
            # Left normal of the arc's forward direction.
            lx, ly = mx - dy / n * eps, my + dx / n * eps
            left_pt = ogr.CreateGeometryFromWkt(f"POINT({lx} {ly})")
            geom = countries_valid[table[c0][1]]
            inside_left = geom.Contains(left_pt)
            # Country c0 traverses the arc forward iff fwd0.
            if inside_left == fwd0:
                votes["left"] += 1
            else:
                votes["right"] += 1
    total = votes["left"] + votes["right"]
    if total < 20:
        fail(f"could not determine the arc winding of world-atlas ({votes})")
    forward_side = "right" if votes["right"] >= votes["left"] else "left"
    share = max(votes.values()) / total
    log(f"arc winding: a country lies on the {forward_side} of arcs it traverses forward ({share:.0%} of {total} tests)")
    if share < 0.9:
        fail("arc winding test is inconclusive")

    feats = []
    for (ca, cb), arcs in sorted(pairs.items()):
        name_a, a3, *_ = table[ca]
        name_b, b3, *_ = table[cb]
        # Orient so that the pair's first country (by ISO code, then name) is on the left.
        first, second = sorted([(a3 or "~", name_a, ca), (b3 or "~", name_b, cb)])
        left_c = first[2]
        segs = []
        for a, c0, fwd0 in arcs:
            pts = topo.arcs[a]
            c0_on_left_when_forward = forward_side == "left"
            # Is left_c on the left of the arc as stored?
            left_is_c0 = (c0_on_left_when_forward == fwd0)
            left_c_on_left = left_is_c0 if c0 == left_c else not left_is_c0
            segs.append(tuple(pts if left_c_on_left else pts[::-1]))
        lines = chain_lines(segs)
        left_iso, right_iso = table[left_c][1], table[second[2]][1]
        left_name, right_name = table[left_c][0], table[second[2]][0]
        pieces = []
        for line in lines:
            ls = ogr.Geometry(ogr.wkbLineString)
            for x, y in line:
                ls.AddPoint_2D(x, y)
            clipped = ls.Intersection(region)
            if clipped.IsEmpty():
                continue
            if (left_iso, right_iso) in (("IND", "PAK"),):
                north = box_polygon((REGION[0], LOC_SOUTH_LAT, REGION[2], REGION[3]))
                south = box_polygon((REGION[0], REGION[1], REGION[2], LOC_SOUTH_LAT))
                pieces.append((clipped.Intersection(north), LOC_SOUTH_LAT + 1))
                pieces.append((clipped.Intersection(south), LOC_SOUTH_LAT - 1))
            else:
                env = clipped.GetEnvelope()
                pieces.append((clipped, (env[2] + env[3]) / 2))
        groups = {}
        for geom, lat in pieces:
            if geom.IsEmpty():
                continue
            cls = classify_border(left_iso, right_iso, left_name, right_name, lat)
            if cls is None:
                continue
            groups.setdefault(cls, []).append(geom)
        for (kind, name, note), geoms in sorted(groups.items()):
            ml = ogr.Geometry(ogr.wkbMultiLineString)
            for g in geoms:
                t = ogr.GT_Flatten(g.GetGeometryType())
                if t == ogr.wkbLineString:
                    ml.AddGeometry(g)
                else:
                    for k in range(g.GetGeometryCount()):
                        part = g.GetGeometryRef(k)
                        if ogr.GT_Flatten(part.GetGeometryType()) == ogr.wkbLineString:
                            ml.AddGeometry(part)
            if ml.GetGeometryCount() == 0:
                continue
            feats.append({"kind": kind, "name": name, "left_iso_a3": left_iso, "right_iso_a3": right_iso,
                          "note": note, "source": "world-atlas 2.0.2 countries-10m shared arcs (Natural Earth 4.1.0)",
                          "_geom": ml})
    return feats


def claim_name(name, host, mid_lon):
    """Natural Earth names claim lines only by claimant; add the area they enclose."""
    areas = {
        ("Indian claim", "CHN"): "Aksai Chin" if mid_lon > 77.7 else "Shaksgam Valley / Trans-Karakoram Tract",
        ("Indian claim", "PAK"): "Gilgit-Baltistan and Azad Kashmir",
        ("Chinese claim", "IND"): "Arunachal Pradesh" if mid_lon > 90 else "middle sector, Himachal Pradesh / Uttarakhand / Ladakh",
        ("Pakistani claim", "IND"): "Jammu and Kashmir",
        ("Chinese claim", "BTN"): "Bhutan",
    }
    area = areas.get((name, host))
    return f"{name} ({area})" if area else name


def build_claims(world_map):
    ds = gdal.OpenEx(world_map, gdal.OF_VECTOR | gdal.OF_READONLY)
    lyr = ds.GetLayerByName("disputed_borders")
    box = box_polygon((max(REGION[0], CLAIMS_MIN_LON), REGION[1], REGION[2], REGION[3]))
    feats = []
    for f in lyr:
        g = f.GetGeometryRef()
        if g is None or not g.Intersects(box):
            continue
        g = g.Intersection(box)
        name = f.GetField("name") or ""
        kind = "claim" if "claim" in name.lower() else "disputed"
        env = g.GetEnvelope()
        name = claim_name(name, f.GetField("adm0_a3_l") or "", (env[0] + env[1]) / 2)
        ml = ogr.ForceToMultiLineString(g)
        feats.append({"kind": kind, "name": name, "left_iso_a3": f.GetField("adm0_a3_l") or "",
                      "right_iso_a3": f.GetField("adm0_a3_r") or "",
                      "note": f"Natural Earth claim line inside {f.GetField('adm0_left')}.",
                      "source": "QGIS world_map.gpkg disputed_borders (Natural Earth 4.1.0)", "_geom": ml})
    return feats
