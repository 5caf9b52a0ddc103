"""Writers of the GeoPackage and the hillshade GeoTIFF, both byte-for-byte reproducible."""
import array
import math
import os

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
    clamp = gdal.Translate("", mem, format="MEM")
    vals = array.array("f", clamp.GetRasterBand(1).ReadRaster())
    for i, v in enumerate(vals):
        if v < 0:
            vals[i] = 0.0
    clamp.GetRasterBand(1).WriteRaster(0, 0, x1 - x0, y1 - y0, vals.tobytes())
    shade = gdal.DEMProcessing("", clamp, "hillshade", format="MEM", scale=111120, zFactor=10,
                               azimuth=315, altitude=45, computeEdges=True)
    # Crop the margin off.
    tmp = path + ".tmp.tif"
    gdal.Translate(tmp, shade, format="GTiff", srcWin=[1, 1, x1 - x0 - 2, y1 - y0 - 2],
                   noData="none", creationOptions=["COMPRESS=DEFLATE", "PREDICTOR=2", "ZLEVEL=9", "TILED=NO"])
    os.replace(tmp, path)
    aux = path + ".aux.xml"
    if os.path.exists(aux):
        os.remove(aux)
    log(f"hillshade.tif: {x1 - x0 - 2} x {y1 - y0 - 2} px")

