"""Writers of the GeoPackage and the hillshade GeoTIFF, both byte-for-byte reproducible."""
import math
import os

import numpy

from osgeo import gdal, ogr

from .common import ETOPO5, REGION, log, wgs84


def write_gpkg(path, layers):
    """layers: list of (name, geometry type, [(field, ogr type)], features, description)."""
    if os.path.exists(path):
        os.remove(path)
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(path, options=["ADD_GPKG_OGR_CONTENTS=YES"])
    srs = wgs84()
    for name, gtype, fields, feats, description in layers:
        lyr = ds.CreateLayer(name, srs, gtype, options=[
            "FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES",
            f"IDENTIFIER={name}", f"DESCRIPTION={description}"])
        for fname, ftype in fields:
            fd = ogr.FieldDefn(fname, ftype)
            lyr.CreateField(fd)
        defn = lyr.GetLayerDefn()
        lyr.StartTransaction()
        for i, feat in enumerate(feats, start=1):
            f = ogr.Feature(defn)
            f.SetFID(i)
            for fname, ftype in fields:
                v = feat.get(fname)
                if v is None:
                    f.SetFieldNull(fname)
                else:
                    f.SetField(fname, v)
            f.SetGeometry(feat["_geom"])
            lyr.CreateFeature(f)
        lyr.CommitTransaction()
        log(f"{os.path.basename(path)}:{name}: {len(feats)} features")
    ds = None
    # VACUUM drops free pages left by the writes, so the file only depends on its content.
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL("VACUUM")
    ds = None


def hillshade(z, step, scale, z_factor):
    """GDAL's default hillshade (Horn's gradient, light from 315 degrees at 45
    degrees up: 1 + 254 * cos(angle of incidence), 1 in full shadow) of the
    grid z, whose cells are `step` degrees and `scale` metres a degree, as
    bytes; the outer ring of cells (no full window) is left 0.

    Written out rather than gdal.DEMProcessing because GDAL 3.6 divides by an
    approximate reciprocal square root (SSE rsqrtss), whose result differs
    between CPU models: the same build gave one pixel a grey level apart on
    two machines, and the dataset must come out byte for byte the same.
    Here only +, -, *, / and sqrt are used (exact IEEE operations in numpy,
    on any x86 CPU), and the trigonometric constants are exact: sin 45 =
    cos 45 = sqrt(1/2), cos 315 = sqrt(1/2), sin 315 = -sqrt(1/2)."""
    w = z
    # Window cells as in GDAL: 0 1 2 / 3 4 5 / 6 7 8, row 0 to the north.
    c = {k: w[k // 3:w.shape[0] - 2 + k // 3, k % 3:w.shape[1] - 2 + k % 3] for k in range(9)}
    k = z_factor / (8.0 * step * scale)
    x = ((c[0] + c[3] + c[3] + c[6]) - (c[2] + c[5] + c[5] + c[8])) * k
    y = ((c[6] + c[7] + c[7] + c[8]) - (c[0] + c[1] + c[1] + c[2])) * -k  # north-south resolution is -step
    s = numpy.sqrt(0.5)
    # sin(alt) - (y cos(az) cos(alt) - x sin(az) cos(alt)), with cos(alt) cos(az) = 1/2 = -cos(alt) sin(az)
    cang = (s - 0.5 * (y + x)) / numpy.sqrt(1.0 + x * x + y * y)
    value = numpy.where(cang <= 0.0, 1.0, 1.0 + 254.0 * cang)
    out = numpy.zeros(w.shape, dtype=numpy.uint8)
    out[1:-1, 1:-1] = numpy.floor(numpy.minimum(value, 255.0) + 0.5).astype(numpy.uint8)
    return out


def write_hillshade(path):
    src = gdal.Open(ETOPO5)
    # The netCDF grid is 4320 x 2161 points, 5 arc-minutes apart, the first at
    # 0 E / 90 N. GDAL derives a slightly stretched pixel size from the coordinate
    # variables, so set the exact grid here.
    step = 1.0 / 12.0
    origin_x = -step / 2
    origin_y = 90.0 + step / 2
    # Pixel window for REGION with one pixel of margin for the slope kernel.
    x0 = int(math.floor((REGION[0] - origin_x) / step)) - 1
    x1 = int(math.ceil((REGION[2] - origin_x) / step)) + 1
    y0 = int(math.floor((origin_y - REGION[3]) / step)) - 1
    y1 = int(math.ceil((origin_y - REGION[1]) / step)) + 1
    band = src.GetRasterBand(1)
    data = band.ReadRaster(x0, y0, x1 - x0, y1 - y0, buf_type=gdal.GDT_Float32)
    mem = gdal.GetDriverByName("MEM").Create("", x1 - x0, y1 - y0, 1, gdal.GDT_Float32)
    mem.SetGeoTransform((origin_x + x0 * step, step, 0.0, origin_y - y0 * step, 0.0, -step))
    mem.SetSpatialRef(wgs84())
    mem.GetRasterBand(1).WriteRaster(0, 0, x1 - x0, y1 - y0, data)
    # Sea floor relief would distract from the land; flatten everything below sea level.
    z = numpy.frombuffer(data, dtype=numpy.float32).astype(numpy.float64).reshape(y1 - y0, x1 - x0)
    z = numpy.maximum(z, 0.0)
    shade = gdal.GetDriverByName("MEM").Create("", x1 - x0, y1 - y0, 1, gdal.GDT_Byte)
    shade.SetGeoTransform(mem.GetGeoTransform())
    shade.SetSpatialRef(wgs84())
    shade.GetRasterBand(1).WriteArray(hillshade(z, step, scale=111120, z_factor=10))
    # Crop the margin off.
    tmp = path + ".tmp.tif"
    gdal.Translate(tmp, shade, format="GTiff", srcWin=[1, 1, x1 - x0 - 2, y1 - y0 - 2],
                   noData="none", creationOptions=["COMPRESS=DEFLATE", "PREDICTOR=2", "ZLEVEL=9", "TILED=NO"])
    os.replace(tmp, path)
    aux = path + ".aux.xml"
    if os.path.exists(aux):
        os.remove(aux)
    log(f"hillshade.tif: {x1 - x0 - 2} x {y1 - y0 - 2} px")

