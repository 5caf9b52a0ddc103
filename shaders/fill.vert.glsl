// Polygon interiors: triangles from the CPU tessellation.
layout(location = 0) in vec2 aPosition;
layout(location = 1) in uint aFeature;

flat out vec4 vColour;

void main() {
  int f = int(aFeature);
  FeatureStyle s = featureStyle(f);
  if (!featureVisible(f) || (uPlain == 0 && (!s.filled || s.fill.a <= 0.0))) {
    vColour = vec4(0.0);
    gl_Position = kCulled;
    return;
  }
  vColour = uPlain != 0 ? plainColour(s.fill) : s.fill;
  gl_Position = vec4(toNdc(aPosition), 0.0, 1.0);
}
