// The base map: country shapes (Natural Earth, in the Equal Earth projection of the map
// layout, so in the same units as the nodes), drawn under the network in vis-network's
// beforeDrawing hook so that they pan and zoom with it. The view's states are shaded.
function tiesBaseMap(world) {
  "use strict";
  var LAND = "#E4E4E4", SHADED = "#C9D8E6", BORDER = "#FFFFFF";
  var paths = null;

  function build() {
    paths = world.shapes.map(function (shape) {
      var path = new Path2D();
      shape.rings.forEach(function (ring) {
        var x = ring[0], y = ring[1];
        path.moveTo(x, y);
        for (var k = 2; k < ring.length; k += 2) { x += ring[k]; y += ring[k + 1]; path.lineTo(x, y); }
        path.closePath();
      });
      return path;
    });
  }

  // ctx is in network coordinates; `shaded` is a set of shape numbers.
  function draw(ctx, shaded, scale) {
    if (!paths) build();
    ctx.save();
    ctx.lineWidth = 0.8 / scale;
    ctx.strokeStyle = BORDER;
    ctx.lineJoin = "round";
    paths.forEach(function (path, i) {
      ctx.fillStyle = shaded[i] ? SHADED : LAND;
      ctx.fill(path);
      ctx.stroke(path);
    });
    ctx.restore();
  }

  return { draw: draw, land: LAND, shaded: SHADED, credit: world.credit };
}
