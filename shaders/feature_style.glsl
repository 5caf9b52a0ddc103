// Shared by the vector vertex shaders (the renderer puts it after #version).
// A layer's distinct styles: three RGBA32F texels each
//   0: fill colour, 1: stroke colour (alphas already times opacity),
//   2: stroke width px, symbol size px, symbol id, flags (1 dashed, 2 filled);
// per feature, one R32UI texel: the index of its style (a layer has a handful
// of styles and may have millions of features).
// Per-feature visibility: one R8 texel per feature.
uniform samplerBuffer uStyles;
uniform usamplerBuffer uStyleIndex;
uniform samplerBuffer uVisible;

// View: ndc = (position + uOffset) * uScale, with uOffset = tile origin - view
// centre worked out in double on the CPU (positions are relative to their tile).
uniform vec2 uOffset;
uniform vec2 uScale;
uniform vec2 uViewportPx;
uniform float uPixelRatio;
uniform float uLayerOpacity;

// Comparison mode: one colour, no smoothing.
uniform int uPlain;
uniform int uPlainOwnColour;
uniform vec4 uPlainColour;
uniform int uSmooth;

const vec4 kCulled = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: the primitive is dropped

struct FeatureStyle {
  vec4 fill;
  vec4 stroke;
  float width;
  float size;
  int symbol;
  bool dashed;
  bool filled;
};

FeatureStyle featureStyle(int f) {
  FeatureStyle s;
  int k = int(texelFetch(uStyleIndex, f).r) * 3;
  s.fill = texelFetch(uStyles, k);
  s.stroke = texelFetch(uStyles, k + 1);
  vec4 p = texelFetch(uStyles, k + 2);
  s.width = p.x * uPixelRatio;
  s.size = p.y * uPixelRatio;
  s.symbol = int(p.z + 0.5);
  int flags = int(p.w + 0.5);
  s.dashed = (flags & 1) != 0;
  s.filled = (flags & 2) != 0;
  s.fill.a *= uLayerOpacity;
  s.stroke.a *= uLayerOpacity;
  return s;
}

bool featureVisible(int f) { return texelFetch(uVisible, f).r > 0.5; }

vec4 plainColour(vec4 own) { return uPlainOwnColour != 0 ? vec4(own.rgb, 1.0) : uPlainColour; }

vec2 toNdc(vec2 position) { return (position + uOffset) * uScale; }
// Pixels from the viewport centre, y up.
vec2 toPx(vec2 position) { return toNdc(position) * 0.5 * uViewportPx; }
vec4 pxToClip(vec2 px) { return vec4(px / (0.5 * uViewportPx), 0.0, 1.0); }
