uniform sampler2D uImage;
uniform float uLayerOpacity;

in vec2 vTexCoord;
out vec4 oColour;

void main() {
  vec4 c = texture(uImage, vTexCoord);
  oColour = vec4(c.rgb, c.a * uLayerOpacity);
}
