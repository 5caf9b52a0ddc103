<?xml version="1.0" encoding="UTF-8"?>
<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" xmlns:gml="http://www.opengis.net/gml">
<gml:featureMember><ogr:places><ogr:geometryProperty><gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>38.16889 73.965</gml:pos></gml:Point></ogr:geometryProperty><ogr:name>Murghab</ogr:name></ogr:places></gml:featureMember>
</ogr:FeatureCollection>
