// Renders MIL-STD-2525C letter SIDCs to SVG with the npm package milsymbol,
// for tools/dataset/symbols.py. Reads {"milsymbol": DIR, "codes": [SIDC...],
// "size": N, "placeholder": "#RRGGBB"} on stdin; writes {SIDC: {"svg",
// "anchor": [x, y], "size": [w, h]}} on stdout. The frame is filled with the
// placeholder colour, which Pamir replaces with the feature's fill when it
// rasterises the symbol (so a site keeps its operator colour).
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const req = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const ms = require(req.milsymbol + '/package/dist/milsymbol.js');
  const out = {};
  for (const sidc of req.codes) {
    const s = new ms.Symbol(sidc, { size: req.size, fillColor: req.placeholder });
    if (!s.isValid()) throw new Error('milsymbol: not a valid SIDC: ' + sidc);
    const a = s.getAnchor(), z = s.getSize();
    out[sidc] = { svg: s.asSVG(), anchor: [a.x, a.y], size: [z.width, z.height] };
  }
  process.stdout.write(JSON.stringify(out));
});
