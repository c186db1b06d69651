// Label placement, redone on every drawing (so on every zoom): the most important labels
// first; each goes in the first of eight spots around its mark that overlaps no label
// already placed and no mark; a label with no room is hidden until zooming gives it room,
// as web maps do (sigma.js keeps the same rule in its labels.ts). A label that must always
// show (a focused country) with no free spot beside its mark looks further out, on rings
// up to 160 px away, and is tied to its mark by a thin leader line.
function tiesLabels() {
  "use strict";
  var CELL = 64, PAD = 2, GAP = 3;
  // Right, left, above, below, then the corners: [dx, dy] away from the mark.
  var SPOTS = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [-1, -1], [1, 1], [-1, 1]];
  var RINGS = [16, 32, 48, 64, 96, 128, 160];

  // Boxes kept in a grid of 64 px cells, so that a test looks only at its neighbours.
  function Grid() { this.cells = {}; }
  Grid.prototype.each = function (b, fn) {
    for (var i = Math.floor(b.x0 / CELL); i <= Math.floor(b.x1 / CELL); i++)
      for (var j = Math.floor(b.y0 / CELL); j <= Math.floor(b.y1 / CELL); j++) fn(i + ":" + j);
  };
  Grid.prototype.add = function (b) {
    var cells = this.cells;
    this.each(b, function (key) { (cells[key] = cells[key] || []).push(b); });
  };
  Grid.prototype.hits = function (b, owner) {
    var cells = this.cells, hit = false;
    this.each(b, function (key) {
      (cells[key] || []).forEach(function (o) {
        if (!hit && !(o.mark && o.owner === owner) &&
            o.x0 < b.x1 + PAD && b.x0 < o.x1 + PAD && o.y0 < b.y1 + PAD && b.y0 < o.y1 + PAD) hit = true;
      });
    });
    return hit;
  };

  function spot(item, s, extra) {
    var r = item.r + GAP + (extra || 0), x0, y0;
    if (s[0] > 0) x0 = item.x + (s[1] ? r * 0.7 : r);
    else if (s[0] < 0) x0 = item.x - (s[1] ? r * 0.7 : r) - item.w;
    else x0 = item.x - item.w / 2;
    if (s[1] > 0) y0 = item.y + (s[0] ? r * 0.7 : r);
    else if (s[1] < 0) y0 = item.y - (s[0] ? r * 0.7 : r) - item.h;
    else y0 = item.y - item.h / 2;
    return { x0: x0, y0: y0, x1: x0 + item.w, y1: y0 + item.h };
  }

  // items: {id, w, h, x, y, r, always, centred} in the order to place them (most
  // important first); marks: {id, x, y, r}; width, height: the visible area; keepOut:
  // boxes {x0, y0, x1, y1} drawn over the map (its caption, its buttons) where no name may go.
  // Returns the placed items, each with its box.
  function place(items, marks, width, height, keepOut) {
    var grid = new Grid(), placed = [];
    marks.forEach(function (m) {
      grid.add({ x0: m.x - m.r, y0: m.y - m.r, x1: m.x + m.r, y1: m.y + m.r, mark: true, owner: m.id });
    });
    (keepOut || []).forEach(function (b) { grid.add({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1, owner: "" }); });
    items.forEach(function (item) {
      if (item.x < -item.w || item.x > width + item.w || item.y < -item.h || item.y > height + item.h) return;
      var spots = item.centred ? [[0, 0]] : SPOTS, box = null;
      var rings = item.always && !item.centred ? [0].concat(RINGS) : [0];
      for (var k = 0; k < rings.length && !box; k++) {
        for (var i = 0; i < spots.length && !box; i++) {
          var b = spot(item, spots[i], rings[k]);
          var inside = b.x0 >= 0 && b.y0 >= 0 && b.x1 <= width && b.y1 <= height;
          if (inside && !grid.hits(b, item.id)) { box = b; box.leader = rings[k] > 0; }
        }
      }
      if (!box && item.always) box = spot(item, spots[0]);  // no room anywhere: named all the same
      if (!box) return;
      box.owner = item.id;
      grid.add(box);
      placed.push({ item: item, box: box });
    });
    return placed;
  }

  return { place: place };
}
