// The atlas holds premultiplied colour; texelFetch takes the texel under the
// fragment without filtering, whatever sampler state the unit has.
uniform sampler2D uAtlas;

in vec2 vTexel;
out vec4 oColour;

void main() {
  oColour = texelFetch(uAtlas, ivec2(vTexel), 0);
}
