// Lines and polygon outlines: one instance per segment, a 4-vertex strip
// expanded in screen space around the segment to its width plus a pixel of
// smoothing. The fragment shader cuts a capsule out of it, so consecutive
// segments meet in round joins and lines end in round caps.
layout(location = 0) in vec4 aSegment;  // x0 y0 x1 y1, relative to the tile origin
layout(location = 1) in float aDistance; // along the line at (x0, y0), view units
layout(location = 2) in uint aFeature;   // feature index; the top bit marks polygon outlines

flat out vec4 vColour;
flat out float vHalfWidth;
flat out float vLength;    // px
flat out float vDistance;  // px along the line at the segment start
flat out float vDashed;
out vec2 vLocal;           // px: x along the segment from its start, y across

void main() {
  bool outline = (aFeature & 0x80000000u) != 0u;
  int f = int(aFeature & 0x7fffffffu);
  FeatureStyle s = featureStyle(f);
  float width = uPlain != 0 ? max(s.width, 1.0) : s.width;
  // The comparison mode draws lines but no polygon outlines.
  bool hidden = uPlain != 0 ? outline : s.stroke.a <= 0.0;
  if (!featureVisible(f) || width <= 0.0 || hidden) {
    gl_Position = kCulled;
    vColour = vec4(0.0);
    vHalfWidth = vLength = vDistance = vDashed = 0.0;
    vLocal = vec2(0.0);
    return;
  }
  vec2 p0 = toPx(aSegment.xy);
  vec2 p1 = toPx(aSegment.zw);
  vec2 d = p1 - p0;
  float len = length(d);
  vec2 t = len > 1e-4 ? d / len : vec2(1.0, 0.0);
  vec2 n = vec2(-t.y, t.x);
  float halfWidth = 0.5 * width;
  float reach = halfWidth + (uSmooth != 0 ? 1.0 : 0.5);
  int corner = gl_VertexID & 3;
  float along = corner < 2 ? -reach : len + reach;
  float across = (corner & 1) == 0 ? reach : -reach;
  vLocal = vec2(along, across);
  gl_Position = pxToClip(p0 + t * along + n * across);

  float viewLength = length(aSegment.zw - aSegment.xy);
  float pxPerUnit = viewLength > 0.0 ? len / viewLength : abs(uScale.x) * 0.5 * uViewportPx.x;
  vDistance = aDistance * pxPerUnit;
  vLength = len;
  vHalfWidth = halfWidth;
  vDashed = (s.dashed && uPlain == 0) ? 1.0 : 0.0;
  vColour = uPlain != 0 ? plainColour(s.stroke) : s.stroke;
}
