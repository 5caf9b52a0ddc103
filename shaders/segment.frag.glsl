uniform int uSmooth;

flat in vec4 vColour;
flat in float vHalfWidth;
flat in float vLength;
flat in float vDistance;
flat in float vDashed;
in vec2 vLocal;
out vec4 oColour;

void main() {
  // Distance from the segment's core, beyond either end measured to the end point.
  float outside = max(max(-vLocal.x, vLocal.x - vLength), 0.0);
  if (vDashed > 0.5) {
    // Dashes with round ends: a dash of 3 units then a gap of 2, where a unit
    // is the line width (at least 1.5 px); the caps eat into the gap.
    float unit = max(2.0 * vHalfWidth, 1.5);
    float dash = 3.0 * unit;
    float period = dash + 2.0 * unit + 2.0 * vHalfWidth;
    float s = mod(vDistance + clamp(vLocal.x, 0.0, vLength), period);
    float gap = s < dash ? 0.0 : min(s - dash, period - s);
    outside = max(outside, gap);
  }
  float distance = length(vec2(outside, vLocal.y)) - vHalfWidth;
  float coverage = uSmooth != 0 ? clamp(0.5 - distance, 0.0, 1.0) : (distance <= 0.0 ? 1.0 : 0.0);
  if (coverage <= 0.0) discard;
  oColour = vec4(vColour.rgb, vColour.a * coverage);
}
