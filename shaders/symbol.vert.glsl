// Point symbols: one instance per point, a screen-aligned quad of the symbol's
// size in pixels, so symbols keep their size whatever the zoom.
layout(location = 0) in vec2 aPosition;
layout(location = 1) in uint aFeature;

flat out vec4 vFill;
flat out vec4 vStroke;
flat out float vRadius;
flat out float vHalfStroke;
flat out int vSymbol;
out vec2 vLocal;  // px from the symbol centre, y up

void main() {
  int f = int(aFeature);
  FeatureStyle s = featureStyle(f);
  if (!featureVisible(f) || s.size <= 0.0) {
    gl_Position = kCulled;
    vFill = vStroke = vec4(0.0);
    vRadius = vHalfStroke = 0.0;
    vSymbol = 0;
    vLocal = vec2(0.0);
    return;
  }
  vRadius = 0.5 * s.size;
  vHalfStroke = uPlain != 0 ? 0.0 : 0.5 * s.width;
  vSymbol = s.symbol;
  vFill = uPlain != 0 ? plainColour(s.fill) : s.fill;
  vStroke = s.stroke;
  float reach = vRadius + vHalfStroke + 1.0;
  vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
  vLocal = corner * reach;
  gl_Position = pxToClip(toPx(aPosition) + vLocal);
}
