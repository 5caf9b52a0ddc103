// Raster layers: a mesh whose vertices are the raster's pixel grid
// transformed into the view CRS, so the image is warped, not stretched.
layout(location = 0) in vec2 aPosition;
layout(location = 1) in vec2 aTexCoord;

out vec2 vTexCoord;

void main() {
  vTexCoord = aTexCoord;
  gl_Position = vec4(toNdc(aPosition), 0.0, 1.0);
}
