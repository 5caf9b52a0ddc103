// Label sprites: one instance per label, a quad from its rectangle in
// framebuffer pixels (from the top-left corner) and its sprite's corner in
// the atlas. The sprite is drawn at its own size on whole pixels, so each
// fragment takes exactly one atlas texel.
layout(location = 0) in vec4 aRect;   // x, y, width, height, px
layout(location = 1) in vec2 aAtlas;  // the sprite's top-left texel

uniform vec2 uViewportPx;

out vec2 vTexel;

void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  vec2 px = aRect.xy + corner * aRect.zw;
  vTexel = aAtlas + corner * aRect.zw;
  gl_Position = vec4(px.x / uViewportPx.x * 2.0 - 1.0, 1.0 - px.y / uViewportPx.y * 2.0, 0.0, 1.0);
}
