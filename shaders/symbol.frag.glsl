// Symbol shapes as signed distance fields (px, negative inside), so edges and
// outlines are smooth at any size. Ids follow pamir::Symbol:
// 0 circle, 1 square, 2 triangle, 3 diamond, 4 star, 5 cross.
uniform int uSmooth;
uniform int uPlain;

flat in vec4 vFill;
flat in vec4 vStroke;
flat in float vRadius;
flat in float vHalfStroke;
flat in int vSymbol;
in vec2 vLocal;
out vec4 oColour;

const float kPi = 3.14159265358979;

float boxDistance(vec2 p, vec2 halfSize) {
  vec2 q = abs(p) - halfSize;
  return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0);
}

float segmentDistance(vec2 p, vec2 a, vec2 b) {
  vec2 ab = b - a;
  float t = clamp(dot(p - a, ab) / dot(ab, ab), 0.0, 1.0);
  return length(p - a - ab * t);
}

// Five-pointed star, one tip up: fold the plane into one half-spike and
// measure to its edge from the tip (0, r) to the inner corner.
float starDistance(vec2 p, float r) {
  float sector = 2.0 * kPi / 5.0;
  float angle = atan(p.x, p.y);
  angle = abs(mod(angle + 0.5 * sector, sector) - 0.5 * sector);
  vec2 q = length(p) * vec2(sin(angle), cos(angle));
  vec2 tip = vec2(0.0, r);
  float inner = 0.45 * r;
  vec2 notch = inner * vec2(sin(0.5 * sector), cos(0.5 * sector));
  vec2 edge = notch - tip;
  vec2 w = q - tip;
  float side = edge.x * w.y - edge.y * w.x;  // < 0 on the centre's side
  return segmentDistance(q, tip, notch) * (side < 0.0 ? -1.0 : 1.0);
}

float symbolDistance(vec2 p, float r) {
  if (vSymbol == 1) return boxDistance(p, vec2(0.85 * r));
  if (vSymbol == 2) {
    // Equilateral, tip up, centred on its centroid: inradius r/2.
    float d = -p.y;
    d = max(d, dot(p, vec2(0.8660254, 0.5)));
    d = max(d, dot(p, vec2(-0.8660254, 0.5)));
    return d - 0.5 * r;
  }
  if (vSymbol == 3) {
    vec2 q = vec2(p.x + p.y, p.y - p.x) * 0.70710678;
    return boxDistance(q, vec2(0.70710678 * r));
  }
  if (vSymbol == 4) return starDistance(p, r);
  if (vSymbol == 5) {
    float t = 0.3 * r;
    return min(boxDistance(p, vec2(r, t)), boxDistance(p, vec2(t, r)));
  }
  return length(p) - r;
}

float coverage(float d) { return uSmooth != 0 ? clamp(0.5 - d, 0.0, 1.0) : (d <= 0.0 ? 1.0 : 0.0); }

void main() {
  float d = symbolDistance(vLocal, vRadius);
  if (uPlain != 0 || vHalfStroke <= 0.0) {
    float c = coverage(d);
    if (c <= 0.0) discard;
    oColour = vec4(vFill.rgb, vFill.a * c);
    return;
  }
  float outer = coverage(d - vHalfStroke);
  if (outer <= 0.0) discard;
  float inner = coverage(d + vHalfStroke);
  vec4 c = mix(vStroke, vFill, inner);
  oColour = vec4(c.rgb, c.a * outer);
}
